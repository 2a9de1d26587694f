import { describe, expect, it } from 'vitest';
import { GraphFailure } from '../errors.js';
import { evaluate, filterFeatures, parseFilter } from './filter.js';

const user = {
  displayName: 'Ada Avery',
  userType: 'Member',
  accountEnabled: false,
  mail: 'ada@contoso.test',
  groupTypes: ['Unified'],
  onPremisesSyncEnabled: null,
};

describe('$filter', () => {
  it.each([
    ["userType eq 'member'", true],
    ["userType eq 'Guest'", false],
    ['accountEnabled eq false', true],
    ["startswith(displayName,'ada')", true],
    ["endswith(mail,'@contoso.test')", true],
    ["userType eq 'Guest' or accountEnabled eq false", true],
    ["userType eq 'Member' and not(startswith(displayName,'B'))", true],
    ["(userType eq 'Guest' or userType eq 'Member') and accountEnabled eq true", false],
    ["userType in ('Guest', 'Member')", true],
    ["groupTypes/any(c:c eq 'Unified')", true],
    ['onPremisesSyncEnabled ne true', true],
    ["displayName eq 'It''s'", false],
  ])('%s -> %s', (text, expected) => {
    expect(evaluate(parseFilter(text), user)).toBe(expected);
  });

  it('reports the operators that make a query advanced', () => {
    expect(filterFeatures(parseFilter("userType ne 'Guest' and endswith(mail,'x')"))).toEqual({
      properties: ['userType', 'mail'],
      ne: true,
      not: false,
      endswith: true,
    });
    expect(filterFeatures(parseFilter("not(startswith(mail,'a'))")).not).toBe(true);
  });

  it.each(['userType eq', "startswith(displayName 'a')", "userType eq 'Guest' extra", "'unterminated", ''])(
    'refuses %j as a syntax error',
    (text) => {
      expect(() => parseFilter(text)).toThrow(GraphFailure);
      try {
        parseFilter(text);
      } catch (error) {
        expect((error as GraphFailure).code).toBe('BadRequest');
        expect((error as GraphFailure).message).toMatch(/^Invalid filter clause: /);
      }
    },
  );

  it('accepts an unquoted GUID literal', () => {
    expect(evaluate(parseFilter('id eq 0f0f0f0f-1111-4222-8333-444455556666'), { id: '0F0F0F0F-1111-4222-8333-444455556666' })).toBe(true);
  });
});
