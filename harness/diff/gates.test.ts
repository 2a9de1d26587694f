import { describe, expect, it } from 'vitest';
import { evaluateGates, parseRule } from './gates.js';
import type { DiffReport } from '../../reports/diff/report.js';

const report = (base: number, removed: number): Omit<DiffReport, 'gate'> => ({
  base: { file: 'a', syncId: 'A', syncType: 'full', finished: true },
  compare: { file: 'b', syncId: 'B', syncType: 'full', finished: true },
  comparison: 'objects',
  totals: {
    resources: { base, compare: base - removed, added: 0, removed, changed: 0, unchanged: base - removed },
    entitlements: { base: 0, compare: 0, added: 0, removed: 0, changed: 0, unchanged: 0 },
    grants: { base: 0, compare: 3, added: 3, removed: 0, changed: 0, unchanged: 0 },
  },
  byResourceType: [],
  findings: [{ id: 'missing-raw-id', kind: 'state', side: 'base', message: 'm', count: 1, examples: [] }],
  differ: true,
});

describe('parseRule', () => {
  it('reads every form', () => {
    expect(parseRule('removed:type:user>5%')).toMatchObject({
      kind: 'count',
      measure: 'removed',
      table: null,
      type: 'user',
      op: '>',
      value: 5,
      percent: true,
    });
    expect(parseRule('added:grants>=2.5')).toMatchObject({ table: 'grants', op: '>=', value: 2.5, percent: false });
    expect(parseRule('vanished:*')).toMatchObject({ kind: 'vanished', type: '*' });
    expect(parseRule('finding:case-only-id-change')).toMatchObject({ kind: 'finding', id: 'case-only-id-change' });
  });

  it.each(['removed:grants', 'removed:grants>', 'removed:grants=>1', 'removed:type:>1', 'gone:*', 'finding:Bad_Id', ''])('rejects %j', (rule) => {
    expect(() => parseRule(rule)).toThrow(/bad --fail-on rule/);
  });
});

describe('evaluateGates', () => {
  it('a percent is of the base count; an empty base makes any count infinite', () => {
    expect(evaluateGates([parseRule('removed:resources>10%')], report(100, 10))).toEqual([]);
    expect(evaluateGates([parseRule('removed:resources>10%')], report(100, 11))[0]?.message).toBe(
      '11 resources removed of 100 in the base sync (11% > 10%)',
    );
    expect(evaluateGates([parseRule('added:grants>1000%')], report(1, 0))[0]?.message).toBe('3 grants added of 0 in the base sync (∞% > 1000%)');
  });

  it("a state finding about the base sync never fails a gate: it is not the new sync's doing", () => {
    expect(evaluateGates([parseRule('finding:missing-raw-id')], report(1, 0))).toEqual([]);
  });
});
