/**
 * The schemas of the `c1.storage.v3.*Record` values, taken from the descriptors the file carries in its
 * manifest (so fields a newer SDK adds are still read), else from this project's copy of them.
 */
import { createFileRegistry, type DescMessage } from '@bufbuild/protobuf';
import type { FileDescriptorSet } from '@bufbuild/protobuf/wkt';
import { fallbackRecordSchema } from './fallback-schema.js';

export const RECORD_TYPES = {
  resourceType: 'c1.storage.v3.ResourceTypeRecord',
  resource: 'c1.storage.v3.ResourceRecord',
  entitlement: 'c1.storage.v3.EntitlementRecord',
  grant: 'c1.storage.v3.GrantRecord',
  syncRun: 'c1.storage.v3.SyncRunRecord',
} as const;

export type RecordKind = keyof typeof RECORD_TYPES;

export interface RecordSchemas {
  schema(kind: RecordKind): DescMessage;
  /** Where each schema came from, for diagnostics: the file's own descriptors or the built-in copy. */
  source(kind: RecordKind): 'file' | 'built-in';
}

export function recordSchemas(descriptors: FileDescriptorSet | undefined): RecordSchemas {
  let fromFile: ((name: string) => DescMessage | undefined) | undefined;
  if (descriptors && descriptors.file.length > 0) {
    try {
      const registry = createFileRegistry(descriptors);
      fromFile = (name) => registry.getMessage(name);
    } catch {
      // Descriptors that do not link (a file missing from the set) are ignored; the built-in schema reads
      // every field this reader uses.
    }
  }
  const resolved = new Map<RecordKind, { desc: DescMessage; source: 'file' | 'built-in' }>();
  const resolve = (kind: RecordKind) => {
    let hit = resolved.get(kind);
    if (!hit) {
      const own = fromFile?.(RECORD_TYPES[kind]);
      const desc = own ?? fallbackRecordSchema(RECORD_TYPES[kind]);
      if (!desc) throw new Error(`no schema for ${RECORD_TYPES[kind]}`);
      hit = { desc, source: own ? 'file' : 'built-in' };
      resolved.set(kind, hit);
    }
    return hit;
  };
  return { schema: (kind) => resolve(kind).desc, source: (kind) => resolve(kind).source };
}
