/** The Entra simulator's `$filter` parser: any text is an expression or Graph's 400 (a GraphFailure). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphFailure } from '../../mocks/entra/graph/errors.js';
import { evaluate, filterFeatures, parseFilter } from '../../mocks/entra/graph/odata/filter.js';
import { answersOrRefuses, mangledText, SEED } from '../support/fuzz.js';

const PIECES = [
  'displayName',
  'mail',
  'accountEnabled',
  'members',
  'x',
  '/',
  ' eq ',
  ' ne ',
  ' gt ',
  ' le ',
  ' in ',
  ' and ',
  ' or ',
  'not ',
  'not(',
  '(',
  ')',
  ',',
  "'a'",
  "'it''s'",
  "'",
  "''",
  '1',
  '-2.5',
  'true',
  'null',
  'startswith(',
  'endswith(',
  'any(x:x',
  '/any(',
  ':',
  ' ',
  '$',
  'x/y',
];
const isBadRequest = (error: unknown) => error instanceof GraphFailure && error.status === 400;

describe('OData $filter fuzzing', () => {
  it('any text: an expression that evaluates, or a 400', () => {
    fc.assert(
      fc.property(mangledText(PIECES), (text) => {
        answersOrRefuses(
          () => {
            const expr = parseFilter(text);
            filterFeatures(expr);
            expect(typeof evaluate(expr, { displayName: 'Ann', mail: 'a@x.test', accountEnabled: true, members: ['a'] })).toBe('boolean');
          },
          isBadRequest,
          { oneLine: false },
        );
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('regression: deep nesting and long chains are a 400, where 20,000 levels overflowed the stack (a RangeError)', () => {
    expect(() => parseFilter(`${'('.repeat(20000)}displayName eq 'a'${')'.repeat(20000)}`)).toThrow(GraphFailure);
    expect(() => parseFilter(`${"displayName eq 'a' and ".repeat(20000)}mail eq 'b'`)).toThrow(/more than 256 clauses or levels of nesting/);
    for (const depth of [10, 1000, 20000]) {
      answersOrRefuses(() => parseFilter(`${'('.repeat(depth)}displayName eq 'a'${')'.repeat(depth)}`), isBadRequest, { oneLine: false });
      answersOrRefuses(() => parseFilter(`${'not '.repeat(depth)}displayName eq 'a'`), isBadRequest, { oneLine: false });
      answersOrRefuses(() => evaluate(parseFilter(`${"displayName eq 'a' or ".repeat(depth)}mail eq 'b'`), {}), isBadRequest, { oneLine: false });
    }
  });
});
