/** diff --fail-on rules: any text is a rule or a one-line UserError. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseRule } from '../../harness/diff/gates.js';
import { answersOrRefuses, isUserError, mangledText, SEED } from '../support/fuzz.js';

const PIECES = [
  'added',
  'removed',
  'changed',
  'vanished',
  'finding',
  ':',
  'resources',
  'entitlements',
  'grants',
  'type:',
  'user',
  '*',
  '>',
  '<',
  '>=',
  '<=',
  '=',
  '5',
  '10.5',
  '%',
  'mass-drop',
  ' ',
];

describe('gate rule fuzzing', () => {
  it('any text: a rule or a one-line UserError', () => {
    fc.assert(
      fc.property(mangledText(PIECES), (text) => {
        answersOrRefuses(() => parseRule(text), isUserError);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});
