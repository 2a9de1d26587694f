import { create, toBinary } from '@bufbuild/protobuf';
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { GrantSchema, GrantSourcesSchema, ResourceSchema, SyncStatsSchema } from './index.js';
import { sortMapEntries } from './sort-map-entries.js';

/** The keys of a map field, in wire order. */
function wireKeys(bytes: Uint8Array, fieldNo: number): string[] {
  const keys: string[] = [];
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no !== fieldNo || wireType !== WireType.LengthDelimited) {
      reader.skip(wireType, no);
      continue;
    }
    const entry = new BinaryReader(reader.bytes());
    entry.tag();
    keys.push(entry.string());
  }
  return keys;
}

/** The bytes of a length-delimited field (the first occurrence). */
function subMessage(bytes: Uint8Array, fieldNo: number): Uint8Array {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === fieldNo && wireType === WireType.LengthDelimited) return reader.bytes();
    reader.skip(wireType, no);
  }
  throw new Error(`no field ${fieldNo}`);
}

const source = { isDirect: true };

describe('sortMapEntries', () => {
  it('orders string keys bytewise like Go, though JS puts integer-like keys first', () => {
    const message = create(GrantSourcesSchema, { sources: { b: source, a: source, '10': source, '2': source } });
    expect(wireKeys(toBinary(GrantSourcesSchema, message), 1)).toEqual(['2', '10', 'b', 'a']);
    expect(wireKeys(sortMapEntries(GrantSourcesSchema, toBinary(GrantSourcesSchema, message)), 1)).toEqual(['10', '2', 'a', 'b']);
  });

  it('compares UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF5E sorts after U+1F600 in UTF-16 (0xFF5E > 0xD83D) but before it in UTF-8 (EF... < F0...).
    const message = create(GrantSourcesSchema, { sources: { '\u{1F600}': source, '\uFF5E': source } });
    expect(wireKeys(sortMapEntries(GrantSourcesSchema, toBinary(GrantSourcesSchema, message)), 1)).toEqual(['\uFF5E', '\u{1F600}']);
  });

  it('sorts maps nested in sub-messages and Struct fields, without changing the length', () => {
    const grant = create(GrantSchema, {
      id: 'g',
      principal: { profile: { zeta: 1, alpha: { y: true, x: null } } },
      sources: { sources: { z: source, y: source } },
    });
    const plain = toBinary(GrantSchema, grant);
    const sorted = sortMapEntries(GrantSchema, toBinary(GrantSchema, grant));
    expect(sorted.length).toBe(plain.length);
    expect(wireKeys(subMessage(sorted, 5), 1)).toEqual(['y', 'z']);
    const profile = subMessage(subMessage(sorted, 2), 9);
    expect(wireKeys(profile, 1)).toEqual(['alpha', 'zeta']);
  });

  it('sorts several maps of one message independently', () => {
    const stats = create(SyncStatsSchema, {
      resourcesByResourceType: { user: 3n, group: 2n },
      grantsByResourceType: { role: 1n, app: 1n },
    });
    const sorted = sortMapEntries(SyncStatsSchema, toBinary(SyncStatsSchema, stats));
    expect(wireKeys(sorted, 5)).toEqual(['group', 'user']);
    expect(wireKeys(sorted, 6)).toEqual(['app', 'role']);
  });

  it('leaves messages without maps alone', () => {
    const bytes = toBinary(ResourceSchema, create(ResourceSchema, { displayName: 'x' }));
    expect(sortMapEntries(ResourceSchema, bytes.slice())).toEqual(bytes);
  });
});
