import { describe, expect, it } from 'vitest';
import { challengeParams, oktaHttpError, rateLimitReset } from './errors.js';

const body = (o: unknown) => JSON.stringify(o);

describe('oktaHttpError', () => {
  it("names Okta's errorCode and errorSummary, with the causes", () => {
    const e = oktaHttpError(
      'GET /api/v1/users',
      401,
      new Headers(),
      body({ errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorId: 'oae1', errorCauses: [] }),
    );
    expect(e.message).toBe('GET /api/v1/users: 401: E0000011: Invalid token provided');
    expect([e.status, e.errorCode, e.code]).toEqual([401, 'E0000011', 'Unauthenticated']);
    const v = oktaHttpError(
      'GET /api/v1/users',
      400,
      new Headers(),
      body({ errorCode: 'E0000001', errorSummary: 'Api validation failed', errorCauses: [{ errorSummary: 'login: taken' }] }),
    );
    expect(v.message).toBe('GET /api/v1/users: 400: E0000001: Api validation failed: login: taken');
  });

  it('reads a missing scope from WWW-Authenticate when the 403 has no body', () => {
    const headers = new Headers({
      'www-authenticate':
        'Bearer authorization_uri="http://acme.okta.com/oauth2/v1/authorize", realm="http://acme.okta.com", scope="okta.apps.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/apps"',
    });
    const e = oktaHttpError('GET /api/v1/apps', 403, headers, '');
    expect(e.message).toBe(
      'GET /api/v1/apps: 403: insufficient_scope: The access token provided does not contain the required scopes. (needs scope okta.apps.read)',
    );
    expect([e.errorCode, e.code]).toEqual(['insufficient_scope', 'PermissionDenied']);
  });

  it("waits for X-Rate-Limit-Reset on a 429, measured on the answer's Date", () => {
    const headers = new Headers({
      date: 'Thu, 31 Dec 2020 23:59:57 GMT',
      'x-rate-limit-limit': '600',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': '1609459200',
    });
    const e = oktaHttpError(
      'GET /api/v1/users',
      429,
      headers,
      body({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' }),
    );
    expect(e.message).toBe('GET /api/v1/users: 429: E0000047: API call exceeded rate limit due to too many requests.');
    expect([e.retryAfterSeconds, e.resetAt?.toISOString(), e.code]).toEqual([3, '2021-01-01T00:00:00.000Z', 'Unavailable']);
  });

  it('hands the reset over as a time without a Date, and a reset already past as no wait', () => {
    const noDate = oktaHttpError('GET /api/v1/users', 429, new Headers({ 'x-rate-limit-reset': '1609459200' }), '');
    expect([noDate.retryAfterSeconds, noDate.resetAt?.toISOString()]).toEqual([undefined, '2021-01-01T00:00:00.000Z']);
    const past = oktaHttpError(
      'GET /api/v1/users',
      429,
      new Headers({ date: 'Fri, 01 Jan 2021 00:00:09 GMT', 'x-rate-limit-reset': '1609459200' }),
      '',
    );
    expect(past.retryAfterSeconds).toBe(0);
  });

  it('ignores X-Rate-Limit-Reset on anything but a 429 (every Okta answer carries one)', () => {
    const e = oktaHttpError('GET /api/v1/users', 500, new Headers({ date: 'Thu, 31 Dec 2020 23:59:57 GMT', 'x-rate-limit-reset': '1609459200' }), '');
    expect([e.retryAfterSeconds, e.resetAt]).toEqual([undefined, undefined]);
  });

  it("keeps a short raw body when it is not Okta's JSON, and nothing when empty", () => {
    expect(oktaHttpError('GET /api/v1/groups', 502, new Headers(), '<html>bad gateway</html>').message).toBe(
      'GET /api/v1/groups: 502: <html>bad gateway</html>',
    );
    expect(oktaHttpError('GET /api/v1/groups', 503, new Headers(), '').message).toBe('GET /api/v1/groups: 503');
  });
});

describe('rateLimitReset', () => {
  it('reads epoch seconds and refuses a doubled or malformed header', () => {
    expect(rateLimitReset('1700000000')?.getTime()).toBe(1_700_000_000_000);
    expect(rateLimitReset('1700000000, 1700000001')).toBeUndefined();
    expect(rateLimitReset('soon')).toBeUndefined();
    expect(rateLimitReset(null)).toBeUndefined();
  });
});

describe('challengeParams', () => {
  it('reads quoted and bare parameters', () => {
    expect(challengeParams('Bearer error="invalid_token", error_description="The access token is invalid", x=1')).toEqual({
      error: 'invalid_token',
      error_description: 'The access token is invalid',
      x: '1',
    });
  });
});
