import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { OktaClient, TOKEN_PATH, type OktaAuth } from './client.js';
import { OktaHttpError } from './errors.js';

const ORG = 'https://acme.okta.com';
const T0 = new Date('2026-05-01T12:00:00Z');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that answers from a queue and records every request. */
function fakeFetch(answers: Array<Answer | ((req: Request) => Answer)>) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const req = new Request(input, init);
    requests.push(req);
    bodies.push(await req.clone().text());
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${req.method} ${req.url}`);
    const a = typeof next === 'function' ? next(req) : next;
    const text = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
    return new Response(a.status === 204 ? null : text, { status: a.status ?? 200, headers: { 'content-type': 'application/json', ...a.headers } });
  };
  return { fetch, requests, bodies };
}

const client = (auth: OktaAuth, f: ReturnType<typeof fakeFetch>, now = () => T0, extra = {}) =>
  new OktaClient({ orgUrl: `${ORG}/`, auth, fetch: f.fetch, now, ...extra });
const oauth: OktaAuth = { kind: 'oauth', clientId: '0oaclient', privateKey: PEM, keyId: 'k1' };
const tokenAnswer = (scope: string, token = 'at-1'): Answer => ({ body: { token_type: 'Bearer', expires_in: 3600, access_token: token, scope } });

describe('OktaClient', () => {
  it('sends the SSWS token and reads a page and its next link', async () => {
    const f = fakeFetch([
      {
        body: [{ id: '00u1' }],
        headers: { link: `<${ORG}/api/v1/users?limit=1>; rel="self", <${ORG}/api/v1/users?after=00u1&limit=1>; rel="next"` },
      },
    ]);
    const page = await client({ kind: 'ssws', token: 'tok' }, f).list(`${ORG}/api/v1/users?limit=1`);
    expect(page).toEqual({ items: [{ id: '00u1' }], next: `${ORG}/api/v1/users?after=00u1&limit=1` });
    expect(f.requests[0]!.headers.get('authorization')).toBe('SSWS tok');
  });

  it('buys a token with a private_key_jwt assertion, caches it, and sends it as Bearer', async () => {
    const f = fakeFetch([tokenAnswer('okta.users.read okta.groups.read okta.roles.read okta.apps.read'), { body: [] }, { body: [] }]);
    const c = client(oauth, f);
    await c.list(`${ORG}/api/v1/users`);
    await c.list(`${ORG}/api/v1/groups`);
    expect(c.tokenRequests).toBe(1);
    expect(f.requests[0]!.url).toBe(`${ORG}${TOKEN_PATH}`);
    const form = new URLSearchParams(f.bodies[0]);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe('okta.users.read okta.groups.read okta.roles.read okta.apps.read');
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = form.get('client_assertion')!;
    expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'RS256', kid: 'k1' });
    expect(decodeJwt(assertion)).toMatchObject({ iss: '0oaclient', sub: '0oaclient', aud: `${ORG}${TOKEN_PATH}`, iat: T0.getTime() / 1000 });
    expect(f.requests[1]!.headers.get('authorization')).toBe('Bearer at-1');
  });

  it('buys a second token for changes, asking okta.groups.manage beside the reads, and sends the method', async () => {
    const f = fakeFetch([tokenAnswer('okta.users.read'), { body: [] }, tokenAnswer('okta.users.read okta.groups.manage', 'at-w'), { status: 204 }]);
    const c = client(oauth, f);
    await c.list(`${ORG}/api/v1/users`);
    await c.change('DELETE', `${ORG}/api/v1/groups/00g1/users/00u1`);
    expect(new URLSearchParams(f.bodies[2]).get('scope')).toBe('okta.users.read okta.groups.read okta.roles.read okta.apps.read okta.groups.manage');
    expect([f.requests[3]!.method, f.requests[3]!.headers.get('authorization')]).toEqual(['DELETE', 'Bearer at-w']);
    expect(c.tokenRequests).toBe(2);
  });

  it('renews the token five minutes before its hour ends, on the injected clock', async () => {
    let now = T0;
    const f = fakeFetch([tokenAnswer('okta.users.read'), { body: [] }, tokenAnswer('okta.users.read', 'at-2'), { body: [] }]);
    const c = client(oauth, f, () => now);
    await c.list(`${ORG}/api/v1/users`);
    now = new Date(T0.getTime() + 56 * 60_000);
    await c.list(`${ORG}/api/v1/users`);
    expect(c.tokenRequests).toBe(2);
    expect(f.requests[3]!.headers.get('authorization')).toBe('Bearer at-2');
  });

  it("buys a new token once after a 401, then reports a second refusal in Okta's words", async () => {
    const invalid = { status: 401, body: { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] } };
    const f = fakeFetch([tokenAnswer('okta.users.read'), invalid, tokenAnswer('okta.users.read', 'at-2'), invalid]);
    const c = client(oauth, f);
    const error = await c.list(`${ORG}/api/v1/users?limit=2`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaHttpError);
    expect((error as Error).message).toBe('GET /api/v1/users: 401: E0000011: Invalid token provided');
    expect(c.tokenRequests).toBe(2);
  });

  it('reports a refused token request with the OAuth error and no secret', async () => {
    const f = fakeFetch([
      { status: 400, body: { error: 'consent_required', error_description: 'You are not allowed any of the requested scopes.' } },
    ]);
    const error = (await client(oauth, f)
      .list(`${ORG}/api/v1/users`)
      .catch((e: unknown) => e)) as OktaHttpError;
    expect(error.message).toBe('token request failed: 400: consent_required: You are not allowed any of the requested scopes.');
    expect([error.status, error.errorCode]).toEqual([400, 'consent_required']);
    expect(error.message).not.toContain('PRIVATE');
  });

  it('hands a 429 to the engine with its reset; the ignores-retry-after bug first re-sends it at once', async () => {
    const throttled: Answer = {
      status: 429,
      body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' },
      headers: { 'x-rate-limit-reset': '1777636860' },
    };
    const clean = await client({ kind: 'ssws', token: 't' }, fakeFetch([throttled]))
      .list(`${ORG}/api/v1/users`)
      .catch((e: unknown) => e);
    expect((clean as OktaHttpError).resetAt?.toISOString()).toBe('2026-05-01T12:01:00.000Z');
    const f = fakeFetch([throttled, throttled, { body: [] }]);
    await expect(client({ kind: 'ssws', token: 't' }, f, () => T0, { immediateThrottleResends: 3 }).list(`${ORG}/api/v1/users`)).resolves.toEqual({
      items: [],
      next: undefined,
    });
    expect(f.requests).toHaveLength(3);
  });

  it('refuses an answer that is not a JSON array as a bad gateway', async () => {
    const error = (await client({ kind: 'ssws', token: 't' }, fakeFetch([{ body: '{"truncated' }]))
      .list(`${ORG}/api/v1/users?x=1`)
      .catch((e: unknown) => e)) as OktaHttpError;
    expect([error.status, error.message]).toEqual([502, 'GET /api/v1/users: the answer is not a JSON array']);
  });
});
