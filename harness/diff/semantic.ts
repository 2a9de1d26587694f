/**
 * Whether two stored blobs of the same object mean the same thing, and which top-level fields differ.
 * Bytes differ for reasons that change nothing: Struct and map keys written in another order, a
 * GrantExpandable annotation the newer SDK moved from `data` into the `expansion` column, annotations
 * listed in another order (readers look them up by type, never by position).
 */
import { create, type DescMessage, type JsonValue } from '@bufbuild/protobuf';
import { AnySchema } from '@bufbuild/protobuf/wkt';
import { decodeMessage, messageToJson } from '../../c1z/index.js';
import { EntitlementSchema, GrantSchema, ResourceSchema } from '../../c1z/contract/index.js';
import type { Table } from '../../reports/diff/report.js';

const GRANT_EXPANDABLE_URL = 'type.googleapis.com/c1.connector.v2.GrantExpandable';

const SCHEMAS: Record<Table, typeof ResourceSchema | typeof EntitlementSchema | typeof GrantSchema> = {
  resources: ResourceSchema,
  entitlements: EntitlementSchema,
  grants: GrantSchema,
};

export interface StoredBlob {
  data: Uint8Array;
  /** The grant's `expansion` column (serialized GrantExpandable), when the file has one. */
  expansion?: Uint8Array | null;
}

/** The object as canonical JSON values per top-level field: equal strings mean equal values. */
function canonicalFields(table: Table, blob: StoredBlob, where: string): Map<string, string> {
  const schema = SCHEMAS[table];
  const message = decodeMessage(schema, blob.data, where);
  if (table === 'grants' && blob.expansion && blob.expansion.length > 0 && !message.annotations.some((a) => a.typeUrl === GRANT_EXPANDABLE_URL)) {
    message.annotations.push(create(AnySchema, { typeUrl: GRANT_EXPANDABLE_URL, value: blob.expansion }));
  }
  const json = messageToJson(schema, message) as Record<string, JsonValue>;
  const fields = new Map<string, string>();
  for (const [name, value] of Object.entries(json)) fields.set(name, canonicalField(name, value));
  return fields;
}

/** One top-level field's canonical JSON (annotations as a set). */
export function canonicalField(name: string, value: JsonValue): string {
  return name === 'annotations' && Array.isArray(value) ? canonicalSet(value) : canonical(value);
}

export function schemaOf(table: Table): DescMessage {
  return SCHEMAS[table];
}

/** The top-level fields whose values differ; empty when the two mean the same. */
export function changedFields(table: Table, base: StoredBlob, compare: StoredBlob, where: string): string[] {
  const a = canonicalFields(table, base, `${where} (base)`);
  const b = canonicalFields(table, compare, `${where} (compare)`);
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name)).sort();
}

/** JSON with object keys sorted at every depth, so Struct and map key order cannot matter. */
export function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, JsonValue>)[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function canonicalSet(values: JsonValue[]): string {
  return `[${values.map(canonical).sort().join(',')}]`;
}
