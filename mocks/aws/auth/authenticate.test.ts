import { describe, expect, it } from 'vitest';
import { createContext } from '../../core/context.js';
import { createTenant } from '../../tenant/store.js';
import { awsAccount } from '../credentials.js';
import { signRequest } from '../sigv4/signature.js';
import { AuthFailure, authenticate, authMessages, type AuthInput } from './authenticate.js';
import { KeyStore } from './key-store.js';

const ctx = createContext({ tenant: createTenant({ users: 3 }), seed: 2 });
const account = awsAccount(ctx, 'us-east-1');
const NOW = new Date('2026-05-06T07:08:09Z');
const url = new URL('https://iam.amazonaws.com/');
const body = 'Action=ListUsers&Version=2010-05-08';

function signed(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  at = NOW,
  scope = { region: 'us-east-1', service: 'iam' },
) {
  return {
    method: 'POST',
    url,
    body,
    headers: signRequest({ method: 'POST', url, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, credentials, scope, at),
  };
}

function check(input: Partial<AuthInput> & Pick<AuthInput, 'request'>): AuthFailure | string {
  const keys = input.keys ?? new KeyStore(2, account);
  try {
    return authenticate({ service: 'iam', region: 'us-east-1', now: NOW, keys, longTermKeyRevoked: () => false, ...input }).kind;
  } catch (error) {
    if (error instanceof AuthFailure) return error;
    throw error;
  }
}

const problem = (r: AuthFailure | string) => (typeof r === 'string' ? r : r.problem);

describe('authenticate', () => {
  it('accepts the long-term key', () => {
    expect(check({ request: signed(account) })).toBe('long-term');
  });

  it('names what is missing or malformed', () => {
    const request = signed(account);
    expect(problem(check({ request: { ...request, headers: { ...request.headers, authorization: '' } } }))).toBe('missing');
    const noSignature = request.headers.authorization!.replace(/, Signature=.*/, '');
    const incomplete = check({ request: { ...request, headers: { ...request.headers, authorization: noSignature } } }) as AuthFailure;
    expect(incomplete.problem).toBe('incomplete');
    expect(incomplete.message).toMatch(/^Authorization header requires 'Signature' parameter\. Authorization=AWS4-HMAC-SHA256 Credential=/);
  });

  it('refuses an unknown key, and the long-term key once revoked', () => {
    expect(problem(check({ request: signed({ ...account, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }) }))).toBe('unknown-key');
    const revoked = check({ request: signed(account), longTermKeyRevoked: () => true }) as AuthFailure;
    expect(revoked.message).toBe(authMessages.unknownKey);
  });

  it('consults the revocation hook for the long-term key only', () => {
    const keys = new KeyStore(2, account);
    const session = keys.issue(
      { arn: account.roleArn, roleName: 'R', roleId: 'AROAEXAMPLE', accountId: account.accountId },
      's',
      new Date(NOW.getTime() + 900_000),
    );
    let asked = 0;
    expect(check({ keys, request: signed(session), longTermKeyRevoked: () => ++asked > 0 })).toBe('session');
    expect(asked).toBe(0);
  });

  it('reports an expired session before the request is called stale', () => {
    const keys = new KeyStore(2, account);
    const session = keys.issue(
      { arn: account.roleArn, roleName: 'R', roleId: 'AROAEXAMPLE', accountId: account.accountId },
      's',
      new Date(NOW.getTime() + 900_000),
    );
    const later = new Date(NOW.getTime() + 3600_000);
    expect(problem(check({ keys, request: signed(session), now: later }))).toBe('expired-token');
    expect((check({ request: signed(account), now: later }) as AuthFailure).message).toMatch(/^Signature expired: /);
  });

  it('refuses a scope for another date, region or service', () => {
    const request = signed(account);
    const otherDate = request.headers.authorization!.replace('/20260506/', '/20260505/');
    expect((check({ request: { ...request, headers: { ...request.headers, authorization: otherDate } } }) as AuthFailure).message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260505' != '20260506', from '20260506T070809Z'.",
    );
    expect(problem(check({ request: signed(account, NOW, { region: 'eu-west-1', service: 'iam' }) }))).toBe('signature');
    expect(problem(check({ request: signed(account, NOW, { region: 'us-east-1', service: 'sts' }) }))).toBe('signature');
  });

  it('refuses a wrong secret with the SignatureDoesNotMatch wording', () => {
    const result = check({ request: signed({ ...account, secretAccessKey: 'wrong' }) }) as AuthFailure;
    expect(result.problem).toBe('signature');
    expect(result.message).toBe(authMessages.signature);
  });
});
