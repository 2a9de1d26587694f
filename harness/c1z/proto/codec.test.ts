import { create, toBinary } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { decodeMessage, encodeMessage, GrantSchema, ResourceSchema } from './index.js';

const resource = create(ResourceSchema, {
  id: { resourceType: 'user', resource: 'u1' },
  displayName: 'User One',
  profile: { email: 'u1@example.com' },
});

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
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
