import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { encodeMessage, GrantExpandableSchema, GrantSchema, packAnnotation, RawIdSchema, ResourceSchema } from '../../c1z/proto/index.js';
import { canonical, changedFields } from './semantic.js';

// Hand-written protobuf: Resource{display_name=3, profile=9 Struct{fields=1 map<string, Value{string_value=3}>}}.
const ld = (no: number, body: number[]) => [(no << 3) | 2, body.length, ...body];
const s = (no: number, text: string) => ld(no, [...Buffer.from(text)]);
const withProfile = (entries: Array<[string, string]>) =>
  Uint8Array.from([
    ...s(3, 'Ann'),
    ...ld(
      9,
      entries.flatMap(([k, v]) => ld(1, [...s(1, k), ...ld(2, s(3, v))])),
    ),
  ]);

describe('changedFields', () => {
  it('a Struct with its keys in another order is the same value', () => {
    const a = withProfile([
      ['a', '1'],
      ['b', '2'],
    ]);
    const b = withProfile([
      ['b', '2'],
      ['a', '1'],
    ]);
    expect(Buffer.compare(a, b)).not.toBe(0);
    expect(changedFields('resources', { data: a }, { data: b }, 'test')).toEqual([]);
    expect(
      changedFields(
        'resources',
        { data: a },
        {
          data: withProfile([
            ['a', '1'],
            ['b', '3'],
          ]),
        },
        'test',
      ),
    ).toEqual(['profile']);
  });

  it('annotations compare as a set; each differing top-level field is named', () => {
    const raw = packAnnotation(RawIdSchema, { id: 'u1' });
    const expandable = packAnnotation(GrantExpandableSchema, { entitlementIds: ['e'] });
    const one = create(ResourceSchema, { displayName: 'A', annotations: [raw, expandable] });
    const two = create(ResourceSchema, { displayName: 'A', annotations: [expandable, raw] });
    const three = create(ResourceSchema, { displayName: 'B', description: 'd', annotations: [raw] });
    expect(changedFields('resources', { data: encodeMessage(ResourceSchema, one) }, { data: encodeMessage(ResourceSchema, two) }, 't')).toEqual([]);
    expect(changedFields('resources', { data: encodeMessage(ResourceSchema, one) }, { data: encodeMessage(ResourceSchema, three) }, 't')).toEqual([
      'annotations',
      'description',
      'displayName',
    ]);
  });

  it('a GrantExpandable in the expansion column equals the same annotation inside data', () => {
    const expandable = create(GrantExpandableSchema, { entitlementIds: ['group:g2:member'] });
    const inData = encodeMessage(GrantSchema, create(GrantSchema, { id: 'g', annotations: [packAnnotation(GrantExpandableSchema, expandable)] }));
    const moved = encodeMessage(GrantSchema, create(GrantSchema, { id: 'g' }));
    const column = encodeMessage(GrantExpandableSchema, expandable);
    expect(changedFields('grants', { data: inData }, { data: moved, expansion: column }, 't')).toEqual([]);
    expect(changedFields('grants', { data: inData }, { data: moved }, 't')).toEqual(['annotations']);
  });
});

it('canonical sorts keys at every depth', () => {
  expect(canonical({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
});
