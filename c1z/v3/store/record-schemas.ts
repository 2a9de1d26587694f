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
      const registry = linkRecordsFile(descriptors);
      if (registry) fromFile = (name) => registry.getMessage(name);
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

/**
 * The file declaring the records, linked by name down through its imports. Not `createFileRegistry(set)`,
 * which needs every file after the ones it imports: the SDK's own sets list options.proto before the
 * descriptor.proto it imports, and that refusal used to leave every file on the built-in schema.
 */
function linkRecordsFile(descriptors: FileDescriptorSet) {
  const [pkg, resource] = splitType(RECORD_TYPES.resource);
  const records = descriptors.file.find((f) => f.package === pkg && f.messageType.some((m) => m.name === resource));
  if (!records) return undefined;
  const byName = new Map(descriptors.file.map((f) => [f.name, f]));
  return createFileRegistry(records, (name) => byName.get(name));
}

function splitType(typeName: string): [string, string] {
  const dot = typeName.lastIndexOf('.');
  return [typeName.slice(0, dot), typeName.slice(dot + 1)];
}
