/**
 * Every stored record of the real SDK samples decodes with our schema and re-encodes to the very same bytes:
 * the schema's field numbers and types match what Go wrote, and our encoding matches Go's deterministic one.
 */
import type { DescField, DescMessage } from '@bufbuild/protobuf';
import type { Any } from '@bufbuild/protobuf/wkt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSamples, SAMPLE, samplePath } from '../../test/support/samples.js';
import { openSyncFile } from '../open.js';
import type { RowSource, StoredRow, SyncFile } from '../types.js';
import { decodeMessage, encodeMessage, EntitlementSchema, GrantSchema, registry, ResourceSchema, ResourceTypeSchema } from './index.js';

const ALL = { allSyncs: true } as const;
const TABLES: Array<[string, DescMessage, (rows: RowSource) => Iterable<StoredRow>]> = [
  ['v1_resource_types', ResourceTypeSchema, (rows) => rows.resourceTypes(ALL)],
  ['v1_resources', ResourceSchema, (rows) => rows.resources(ALL)],
  ['v1_entitlements', EntitlementSchema, (rows) => rows.entitlements(ALL)],
  ['v1_grants', GrantSchema, (rows) => rows.grants(ALL)],
];

describeWithSamples('round trip of real sample records', () => {
  const files = new Map<string, SyncFile>();
  beforeAll(async () => {
    for (const sample of [SAMPLE.expanded, SAMPLE.unexpanded, SAMPLE.inProgress]) files.set(sample, await openSyncFile(samplePath(sample)));
  });
  afterAll(() => {
    for (const file of files.values()) file.close();
  });

  it('re-encodes every data blob of the three v1 samples byte for byte', () => {
    let total = 0;
    let withoutStruct = 0;
    const mismatches: string[] = [];
    const structMismatches: string[] = [];
    const unknownOwners = new Set<string>();
    for (const [sample, file] of files) {
      for (const [table, schema, rowsOf] of TABLES) {
        for (const { syncId, externalId, data } of rowsOf(file.rows())) {
          const where = `${sample} ${table} ${externalId} of sync ${syncId}`;
          const message = decodeMessage(schema, data, where);
          const same = Buffer.from(encodeMessage(schema, message)).equals(Buffer.from(data));
          total++;
          for (const owner of unknownFieldOwners(schema, message)) unknownOwners.add(owner);
          if (containsStruct(schema, message)) {
            if (!same) structMismatches.push(where);
          } else {
            withoutStruct++;
            if (!same) mismatches.push(where);
          }
        }
      }
    }
    const roundTripped = total - mismatches.length - structMismatches.length;
    console.info(
      `round trip: ${roundTripped}/${total} blobs identical; ${total - withoutStruct} hold a Struct (the rule exempts ` +
        `them, as Struct entry order is not stable), of which ${structMismatches.length} differ`,
    );
    expect(total).toBe(2 * (4 + 1221 + 342) + 14981 + 2909 + 5 + 79);
    expect(mismatches).toEqual([]);
    // Most records hold a Struct (trait profiles), but inside Any values, which are carried as bytes, so those
    // match as well and nearly all blobs must round-trip.
    expect(roundTripped / total).toBeGreaterThan(0.9);
    expect(structMismatches).toEqual([]);
    // And the bytes match because the schema understands them, not because they pass through as unknown fields.
    expect([...unknownOwners]).toEqual([]);
  });
});

/** Whether a google.protobuf.Struct occurs anywhere, including inside annotations we can decode. */
function containsStruct(desc: DescMessage, message: object): boolean {
  let found = false;
  walk(desc, message, (d, m) => {
    found ||= d.fields.some((f) => f.message?.typeName === 'google.protobuf.Struct' && fieldSet(m, f));
  });
  return found;
}

/** Type names of messages, at any depth (annotations included), that hold fields our schema lacks. */
function unknownFieldOwners(desc: DescMessage, message: object): string[] {
  const owners: string[] = [];
  walk(desc, message, (d, m) => {
    if ((m as { $unknown?: unknown[] }).$unknown?.length) owners.push(d.typeName);
  });
  return owners;
}

/** Visits every message in the tree, decoding Anys of known types on the way. */
function walk(desc: DescMessage, message: object, visit: (desc: DescMessage, message: object) => void): void {
  if (desc.typeName === 'google.protobuf.Any') {
    const any = message as Any;
    const inner = registry.getMessage(any.typeUrl.slice(any.typeUrl.lastIndexOf('/') + 1));
    if (inner) walk(inner, decodeMessage(inner, any.value, 'annotation'), visit);
    return;
  }
  visit(desc, message);
  for (const field of desc.fields) {
    const value = (message as Record<string, unknown>)[field.localName];
    const child = field.message;
    if (value === undefined || !child || child.typeName === 'google.protobuf.Struct') continue;
    const items = field.fieldKind === 'message' ? [value] : field.fieldKind === 'list' ? (value as object[]) : Object.values(value as object);
    for (const item of items) walk(child, item as object, visit);
  }
}

function fieldSet(message: object, field: DescField): boolean {
  const value = (message as Record<string, unknown>)[field.localName];
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}
