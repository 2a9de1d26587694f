import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { encodeMessage, GrantExpandableSchema, GrantSchema, packAnnotation, RawIdSchema, ResourceSchema } from '../../c1z/proto/index.js';
import { FieldJudge, splitFields } from './field-judge.js';
import { changedFields } from './semantic.js';

const resource = (fields: Parameters<typeof create<typeof ResourceSchema>>[1]) => encodeMessage(ResourceSchema, create(ResourceSchema, fields));

describe('FieldJudge', () => {
  it('names the same fields as decoding whole messages, including annotations compared as a set', () => {
    const raw = packAnnotation(RawIdSchema, { id: 'u1' });
    const expandable = packAnnotation(GrantExpandableSchema, { entitlementIds: ['e'] });
    const one = resource({ displayName: 'A', annotations: [raw, expandable] });
    const pairs: Array<[Uint8Array, Uint8Array]> = [
      [one, resource({ displayName: 'A', annotations: [expandable, raw] })],
      [one, resource({ displayName: 'B', description: 'd', annotations: [raw] })],
      [one, resource({ annotations: [raw, expandable] })],
      [resource({ displayName: '' }), resource({})],
    ];
    const judge = new FieldJudge('resources');
    for (const [a, b] of pairs)
      expect(judge.changedFields({ data: a }, { data: b }, 't')).toEqual(changedFields('resources', { data: a }, { data: b }, 't'));
    expect(judge.changedFields({ data: pairs[1]![0] }, { data: pairs[1]![1] }, 't')).toEqual(['annotations', 'description', 'displayName']);
    expect(judge.changedFields({ data: pairs[0]![0] }, { data: pairs[0]![1] }, 't')).toEqual([]);
  });

  it('a GrantExpandable in the expansion column still equals the same annotation inside data', () => {
    const expandable = create(GrantExpandableSchema, { entitlementIds: ['group:g2:member'] });
    const inData = encodeMessage(GrantSchema, create(GrantSchema, { id: 'g', annotations: [packAnnotation(GrantExpandableSchema, expandable)] }));
    const moved = encodeMessage(GrantSchema, create(GrantSchema, { id: 'g' }));
    const judge = new FieldJudge('grants');
    expect(judge.changedFields({ data: inData }, { data: moved, expansion: encodeMessage(GrantExpandableSchema, expandable) }, 't')).toEqual([]);
    expect(judge.changedFields({ data: inData }, { data: moved }, 't')).toEqual(['annotations']);
  });

  it('a corrupt blob fails with the error whole-message decoding gives', () => {
    const good = resource({ displayName: 'A' });
    const truncated = good.subarray(0, good.length - 1);
    expect(splitFields(truncated)).toBeUndefined();
    const expected = (() => {
      try {
        changedFields('resources', { data: good }, { data: truncated }, 'v1_resources row "x"');
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(expected).toMatch(/corrupt/);
    expect(() => new FieldJudge('resources').changedFields({ data: good }, { data: truncated }, 'v1_resources row "x"')).toThrow(expected!);
  });
});
