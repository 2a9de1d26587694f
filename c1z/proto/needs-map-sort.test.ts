import { create, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import { StructSchema } from '@bufbuild/protobuf/wkt';
import { describe, expect, it } from 'vitest';
import { encodeMessage, GrantSchema, packAnnotation, ResourceSchema, SyncStatsSchema, UserTraitSchema, type Grant } from './index.js';
import { needsMapSort } from './needs-map-sort.js';
import { sortMapEntries } from './sort-map-entries.js';

const source = { isDirect: true };
const user = create(ResourceSchema, {
  id: { resourceType: 'user', resource: 'u-1' },
  displayName: 'Ada Lovelace',
  // A multi-key Struct, but inside an Any: already bytes, so it cannot reorder.
  annotations: [packAnnotation(UserTraitSchema, { login: 'ada', profile: { b: 1, a: 2 } })],
});
const group = create(ResourceSchema, { id: { resourceType: 'group', resource: 'g-1' }, displayName: 'Group 1' });

type GrantInit = MessageInitShape<typeof GrantSchema>;

function grant(init: GrantInit = {}): Grant {
  const base: GrantInit = {
    id: 'group:g-1:member:user:u-1',
    entitlement: { id: 'group:g-1:member', resource: group, grantableTo: [{ id: 'user' }, { id: 'group' }] },
    principal: user,
  };
  return create(GrantSchema, { ...base, ...init } as GrantInit);
}

/** What encodeMessage always did: sort every time. */
function slowPath<D extends DescMessage>(desc: D, message: MessageShape<D>): Uint8Array {
  return sortMapEntries(desc, toBinary(desc, message));
}

const needsSort: Array<[string, DescMessage, object]> = [
  ['a grant with two sources', GrantSchema, grant({ sources: { sources: { b: source, a: source } } })],
  ['a principal profile of two keys', GrantSchema, grant({ principal: { ...user, profile: { zeta: 1, alpha: 2 } } })],
  ['a one-key profile nesting a two-key object', ResourceSchema, create(ResourceSchema, { profile: { only: { y: 1, x: 2 } } })],
  ['a one-key profile whose list holds a two-key object', ResourceSchema, create(ResourceSchema, { profile: { list: [1, { y: 1, x: 2 }] } })],
  [
    'an entitlement resource profile, two levels down',
    GrantSchema,
    grant({ entitlement: { id: 'e', resource: { ...group, profile: { b: 1, a: 1 } } } }),
  ],
  ['a stats message with a two-entry map', SyncStatsSchema, create(SyncStatsSchema, { resourcesByResourceType: { user: 3n, group: 2n } })],
  ['a Struct message of two fields', StructSchema, create(StructSchema, { fields: { b: {}, a: {} } })],
  [
    'a Struct message whose only Value holds a two-field Struct (a oneof member)',
    StructSchema,
    create(StructSchema, {
      fields: { only: { kind: { case: 'structValue', value: { fields: { b: {}, a: {} } } } } },
    }),
  ],
];

const noSort: Array<[string, DescMessage, object]> = [
  ['a plain directory grant (traits in Any annotations)', GrantSchema, grant()],
  ['a grant with one source', GrantSchema, grant({ sources: { sources: { only: source } } })],
  ['a one-key profile of scalars and lists of scalars', ResourceSchema, create(ResourceSchema, { profile: { tags: ['b', 'a', { k: 1 }] } })],
  ['a stats message with one entry per map', SyncStatsSchema, create(SyncStatsSchema, { resourcesByResourceType: { user: 3n } })],
  ['an empty Struct message', StructSchema, create(StructSchema)],
];

describe('needsMapSort', () => {
  it.each(needsSort)('asks for sorting for %s, whose entries toBinary writes out of order', (_name, desc, message) => {
    expect(needsMapSort(desc, message)).toBe(true);
    // Each case is built with keys in reverse order, so skipping the sort would change the bytes.
    const plain = toBinary(desc, message as MessageShape<DescMessage>);
    expect(Buffer.from(plain).equals(Buffer.from(slowPath(desc, message as MessageShape<DescMessage>)))).toBe(false);
  });

  it.each(noSort)('takes the fast path for %s', (_name, desc, message) => {
    expect(needsMapSort(desc, message)).toBe(false);
  });

  it.each([...needsSort, ...noSort])('leaves encodeMessage byte-identical to always sorting, for %s', (_name, desc, message) => {
    expect(encodeMessage(desc, message as MessageShape<DescMessage>)).toEqual(slowPath(desc, message as MessageShape<DescMessage>));
  });
});
