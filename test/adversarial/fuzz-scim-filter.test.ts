/** The SCIM simulator's filter and PATCH path parsers: any text parses or is SCIM's 400 (a ScimFailure). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFilter, parsePatchPath } from '../../mocks/scim/query/filter-parse.js';
import { ScimFailure } from '../../mocks/scim/wire/errors.js';
import { answersOrRefuses, mangledText, SEED } from '../support/fuzz.js';

const PIECES = [
  'userName',
  'emails',
  'members',
  'value',
  'name.givenName',
  'urn:ietf:params:scim:schemas:core:2.0:User:',
  '.',
  ' eq ',
  ' co ',
  ' sw ',
  ' pr',
  ' gt ',
  ' and ',
  ' or ',
  'not ',
  'not (',
  '(',
  ')',
  '[',
  ']',
  '"a"',
  '"\\"',
  '"',
  '1',
  '-2.5e3',
  'true',
  'null',
  ' ',
  '$ref',
];
const isBadRequest = (error: unknown) => error instanceof ScimFailure && error.status === 400;

describe('SCIM filter fuzzing', () => {
  it('filters: any text parses or is a 400', () => {
    fc.assert(
      fc.property(mangledText(PIECES), (text) => answersOrRefuses(() => parseFilter(text), isBadRequest, { oneLine: false })),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('PATCH paths: any text parses or is a 400', () => {
    fc.assert(
      fc.property(mangledText(PIECES), (text) => answersOrRefuses(() => parsePatchPath(text), isBadRequest, { oneLine: false })),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('regression: deep nesting is a 400, where 20,000 levels overflowed the stack (a RangeError)', () => {
    expect(() => parseFilter(`${'('.repeat(20000)}userName eq "a"${')'.repeat(20000)}`)).toThrow(/more than 256 clauses or levels of nesting/);
    for (const depth of [10, 1000, 20000]) {
      answersOrRefuses(() => parseFilter(`${'('.repeat(depth)}userName eq "a"${')'.repeat(depth)}`), isBadRequest, { oneLine: false });
      answersOrRefuses(() => parseFilter(`${'not ('.repeat(depth)}userName eq "a"${')'.repeat(depth)}`), isBadRequest, { oneLine: false });
      answersOrRefuses(() => parseFilter(`emails[${'value eq "a" and '.repeat(depth)}type eq "work"]`), isBadRequest, { oneLine: false });
      answersOrRefuses(() => parseFilter(`${'userName eq "a" or '.repeat(depth)}userName eq "b"`), isBadRequest, { oneLine: false });
    }
  });
});
