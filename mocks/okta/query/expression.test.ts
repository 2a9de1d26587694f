import { describe, expect, it } from 'vitest';
import { OktaFailure } from '../wire/errors.js';
import { checkExpression, matches, parseExpression } from './expression.js';

const user = { id: '00u1', status: 'ACTIVE', lastUpdated: '2026-01-02T00:00:00.000Z', profile: { login: 'Ann.Lee@contoso.test', firstName: 'Ann' } };

function refusal(text: string): string {
  try {
    parseExpression(text);
  } catch (error) {
    expect(error).toBeInstanceOf(OktaFailure);
    return `${(error as OktaFailure).code}: ${(error as OktaFailure).causes[0]}`;
  }
  throw new Error(`accepted: ${text}`);
}

describe('Okta filter and search expressions', () => {
  it('evaluate eq, sw, co, pr and ranges with and/or and parentheses', () => {
    const yes = (text: string, ci = false) => matches(parseExpression(text), user, ci);
    expect(yes('status eq "ACTIVE"')).toBe(true);
    expect(yes('status pr')).toBe(true);
    expect(yes('profile.mobilePhone pr')).toBe(false);
    expect(yes('profile.login sw "Ann"')).toBe(true);
    expect(yes('profile.login co "lee@"')).toBe(false);
    expect(yes('profile.login co "lee@"', true)).toBe(true);
    expect(yes('lastUpdated gt "2026-01-01T00:00:00.000Z" and lastUpdated lt "2026-02-01T00:00:00.000Z"')).toBe(true);
    expect(yes('status eq "SUSPENDED" or (status eq "ACTIVE" and profile.firstName eq "Ann")')).toBe(true);
    expect(yes('STATUS EQ "ACTIVE"')).toBe(false);
  });

  it('refuse ne, not, bare words, unbalanced parentheses and trailing text with E0000031', () => {
    expect(refusal('status ne "ACTIVE"')).toBe('E0000031: Invalid operator: ne (use lt ... or ... gt)');
    expect(refusal('not status eq "ACTIVE"')).toBe('E0000031: The not operator is not supported.');
    expect(refusal('status eq ACTIVE')).toMatch(/^E0000031: Invalid value: ACTIVE/);
    expect(refusal('(status eq "ACTIVE"')).toBe('E0000031: Missing closing parenthesis.');
    expect(refusal('status eq "ACTIVE" status')).toBe('E0000031: Unexpected "status".');
    expect(refusal('status eq "ACT')).toBe('E0000031: Unterminated string value.');
  });

  it("check each comparison against the listing's rule", () => {
    expect(() => checkExpression(parseExpression('a eq "1" and b eq "2"'), (attr) => (attr === 'b' ? 'no b' : undefined))).toThrow(OktaFailure);
    expect(() => checkExpression(parseExpression('a eq "1"'), () => undefined)).not.toThrow();
  });
});
