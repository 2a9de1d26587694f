import { describe, expect, it } from 'vitest';
import type { GoogleAccount } from '../credentials.js';
import { DirectoryFailure } from './errors.js';
import { booleanParam, checkDirectoryScope, enumParam, maxResults } from './params.js';

const account = { customerId: 'C0abc1234', domain: 'contoso.test' } as GoogleAccount;
const url = (q: string) => new URL(`https://admin.googleapis.com/admin/directory/v1/users?${q}`);

function failure(fn: () => unknown): DirectoryFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof DirectoryFailure) return error;
    throw error;
  }
  throw new Error('expected a DirectoryFailure');
}

describe('Directory API parameters', () => {
  it('takes maxResults within its range, defaulting when absent', () => {
    expect(maxResults(url(''), { max: 500, fallback: 100 })).toBe(100);
    expect(maxResults(url('maxResults=500'), { max: 500, fallback: 100 })).toBe(500);
    for (const bad of ['0', '501', 'ten', '2.5']) {
      const f = failure(() => maxResults(url(`maxResults=${bad}`), { max: 500, fallback: 100 }));
      expect(f.status).toBe(400);
      expect(f.message).toBe(`Invalid value '${bad}'. Values must be within the range: [1, 500]`);
    }
  });

  it('matches enums without regard to case and refuses others', () => {
    expect(enumParam(url('orderBy=EMAIL'), 'orderBy', ['email', 'givenName'] as const)).toBe('email');
    expect(enumParam(url(''), 'orderBy', ['email'] as const)).toBeUndefined();
    expect(failure(() => enumParam(url('orderBy=age'), 'orderBy', ['email'] as const)).reason).toBe('invalid');
    expect(booleanParam(url('showDeleted=true'), 'showDeleted')).toBe(true);
    expect(failure(() => booleanParam(url('showDeleted=yes'), 'showDeleted')).status).toBe(400);
  });

  it('wants exactly one of customer and domain, naming this account', () => {
    expect(() => checkDirectoryScope(url('customer=my_customer'), account)).not.toThrow();
    expect(() => checkDirectoryScope(url('customer=C0abc1234'), account)).not.toThrow();
    expect(() => checkDirectoryScope(url('domain=CONTOSO.test'), account)).not.toThrow();
    expect(failure(() => checkDirectoryScope(url(''), account))).toMatchObject({ status: 400, reason: 'badRequest' });
    expect(failure(() => checkDirectoryScope(url('customer=my_customer&domain=contoso.test'), account)).status).toBe(400);
    expect(failure(() => checkDirectoryScope(url('customer=C0zzz9999'), account))).toMatchObject({ status: 403, reason: 'forbidden' });
    expect(failure(() => checkDirectoryScope(url('domain=fabrikam.test'), account)).status).toBe(404);
  });
});
