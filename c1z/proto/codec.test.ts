import { create, toBinary } from '@bufbuild/protobuf';
import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../../lib/errors.js';
import { decodeMessage, encodeMessage, GrantSchema, GrantSourcesSchema, packAnnotation, ResourceSchema, UserTraitSchema } from './index.js';
import { sortMapEntries } from './sort-map-entries.js';

// Pass-through spy: counts the sorting passes encodeMessage makes without changing what they do.
vi.mock('./sort-map-entries.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./sort-map-entries.js')>();
  return { ...actual, sortMapEntries: vi.fn(actual.sortMapEntries) };
});

const resource = create(ResourceSchema, {
  id: { resourceType: 'user', resource: 'u1' },
  displayName: 'User One',
  profile: { email: 'u1@example.com' },
});

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

/** The keys of Grant.sources (field 5, GrantSources.sources = field 1), in the order the bytes hold them. */
function sourceKeysOnWire(grant: Uint8Array): string[] {
  const fields = (bytes: Uint8Array, no: number): Uint8Array[] => {
    const reader = new BinaryReader(bytes);
    const found: Uint8Array[] = [];
    while (reader.pos < reader.len) {
      const [n, wireType] = reader.tag();
      if (n === no && wireType === WireType.LengthDelimited) found.push(reader.bytes());
      else reader.skip(wireType, n);
    }
    return found;
  };
  return fields(fields(grant, 5)[0]!, 1).map((entry) => Buffer.from(fields(entry, 1)[0]!).toString());
}

describe('decodeMessage / encodeMessage', () => {
  it('round-trips a message', () => {
    const bytes = encodeMessage(ResourceSchema, resource);
    const decoded = decodeMessage(ResourceSchema, bytes, 'test');
    expect(decoded.id?.resource).toBe('u1');
    expect(decoded.profile).toEqual({ email: 'u1@example.com' });
    expect(encodeMessage(ResourceSchema, decoded)).toEqual(bytes);
  });

  it('keeps unknown fields, at the top level and nested, in place on re-encoding', () => {
    const field99 = new BinaryWriter().tag(99, WireType.Varint).uint64(123456789n).tag(99, WireType.LengthDelimited).string('later').finish();
    const top = concat(encodeMessage(ResourceSchema, resource), field99);
    const decoded = decodeMessage(ResourceSchema, top, 'test');
    expect(decoded.$unknown?.map((f) => f.no)).toEqual([99, 99]);
    expect(encodeMessage(ResourceSchema, decoded)).toEqual(top);

    // A Grant whose principal carries the unknown field: it must stay inside the principal.
    const principal = top;
    const grant = new BinaryWriter().tag(2, WireType.LengthDelimited).bytes(principal).tag(3, WireType.LengthDelimited).string('g1').finish();
    const decodedGrant = decodeMessage(GrantSchema, grant, 'test');
    expect(decodedGrant.principal?.$unknown).toHaveLength(2);
    expect(encodeMessage(GrantSchema, decodedGrant)).toEqual(grant);
  });

  it('skips the sorting pass for a grant without maps, and sorts a multi-entry map by key', () => {
    const user = create(ResourceSchema, {
      id: { resourceType: 'user', resource: 'u1' },
      annotations: [packAnnotation(UserTraitSchema, { login: 'u1', profile: { b: 1, a: 2 } })],
    });
    const plain = create(GrantSchema, {
      id: 'group:g1:member:user:u1',
      entitlement: { id: 'group:g1:member', resource: { id: { resourceType: 'group', resource: 'g1' } } },
      principal: user,
    });
    vi.mocked(sortMapEntries).mockClear();
    expect(encodeMessage(GrantSchema, plain)).toEqual(toBinary(GrantSchema, plain));
    expect(sortMapEntries).not.toHaveBeenCalled();

    const sources = create(GrantSourcesSchema, { sources: { b: { isDirect: true }, a: {}, '10': {}, '2': {} } });
    const withSources = create(GrantSchema, { ...plain, sources });
    const encoded = encodeMessage(GrantSchema, withSources);
    expect(sortMapEntries).toHaveBeenCalledTimes(1);
    expect(Object.keys(decodeMessage(GrantSchema, encoded, 'test').sources!.sources)).toHaveLength(4);
    expect(sourceKeysOnWire(encoded)).toEqual(['10', '2', 'a', 'b']);
  });

  it('reports corrupt bytes as a one-line UserError naming where they came from', () => {
    const bytes = toBinary(ResourceSchema, resource);
    const truncated = bytes.subarray(0, bytes.length - 3);
    expect(() => decodeMessage(ResourceSchema, truncated, 'v1_resources row 12')).toThrow(UserError);
    expect(() => decodeMessage(ResourceSchema, truncated, 'v1_resources row 12')).toThrow(
      /^v1_resources row 12: corrupt c1\.connector\.v2\.Resource protobuf \(.+\)$/,
    );
    // Wire type 7 does not exist.
    expect(() => decodeMessage(GrantSchema, Uint8Array.of(0x0f, 0x00), 'v1_grants row 1')).toThrow(UserError);
    expect(() => decodeMessage(GrantSchema, Uint8Array.of(0x0f, 0x00), 'v1_grants row 1')).toThrow(/^v1_grants row 1: [^\n]+$/);
  });
});
