/** Fault specs: any text parses or is a one-line UserError; an accepted spec parses again to itself. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, parseFaultSpec } from '../../mocks/faults/spec.js';
import { OWN_KEYS, TARGETING_KEYS } from '../../mocks/faults/keys.js';
import { answersOrRefuses, isUserError, mangledText, SEED } from '../support/fuzz.js';

const KEYS = [...new Set([...Object.keys(TARGETING_KEYS), ...Object.values(OWN_KEYS).flatMap((k) => Object.keys(k))])];
const PIECES = [
  ...FAULT_KINDS,
  ...KEYS.map((k) => `${k}=`),
  ':',
  ',',
  '=',
  '*',
  '0',
  '1',
  '3',
  '-1',
  '0.5',
  '1e3',
  'none',
  'graph.users.*',
  'entra',
  'cycle',
  '|',
];

describe('fault spec fuzzing', () => {
  it('any text: a spec or a one-line UserError', () => {
    fc.assert(
      fc.property(mangledText(PIECES), (text) => {
        answersOrRefuses(() => {
          const spec = parseFaultSpec(text);
          expect(parseFaultSpec(spec.text)).toEqual(spec);
        }, isUserError);
      }),
      { seed: SEED, numRuns: 4000 },
    );
  });

  it('well-formed kind:key=value lists with random values', () => {
    const pair = fc.tuple(
      fc.constantFrom(...KEYS),
      fc.oneof(fc.constantFrom('0', '1', '7', '-2', '0.25', '1.5', 'none', '', 'x'), fc.string({ maxLength: 5 })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...FAULT_KINDS), fc.array(pair, { maxLength: 5 }), (kind, pairs) => {
        answersOrRefuses(() => parseFaultSpec(`${kind}:${pairs.map(([k, v]) => `${k}=${v}`).join(',')}`), isUserError);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('regression: a key named like an Object.prototype member is an unknown key, not a crash', () => {
    expect(() => parseFaultSpec('throttle:toString=1')).toThrow(/unknown key "toString" for throttle/);
    expect(() => parseFaultSpec('throttle:hasOwnProperty=1')).toThrow(/unknown key "hasOwnProperty"/);
  });
});
