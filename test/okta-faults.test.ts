/**
 * Each fault in Okta's dialect (docs/faults.md): throttle (org-wide and concurrent) with X-Rate-Limit-*
 * and no Retry-After, the SDK's retry at the reset, expired and revoked SSWS tokens and service-app
 * credentials, partial consent on both kinds of caller, not-admin, every bad-pagination mode on the Link
 * cursor, server errors, and the generic socket and body faults.
 */
import okta from '@okta/okta-sdk-nodejs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OKTA_BAD_PAGINATION_MODES, oktaId } from '../mocks/okta/index.js';
import { nextLink, oktaFixture, type OktaFixture } from '../mocks/okta/test-support/okta-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const AT = Date.parse('2026-05-04T10:20:30Z');
const fixed = () => new Date(AT);

async function collect<T>(collection: AsyncIterable<T | null> | Promise<AsyncIterable<T | null>>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of await collection) if (item !== null) out.push(item);
  return out;
}

function sdk(f: OktaFixture, auth: 'ssws' | 'key' = 'ssws', extra: Record<string, unknown> = {}) {
  const { orgUrl, token, clientId, privateKey, keyId, scopes } = f.sim.credentials;
  const options = auth === 'ssws' ? { orgUrl, token } : { orgUrl, authorizationMode: 'PrivateKey', clientId, privateKey, keyId, scopes: [...scopes] };
  return new okta.Client({ ...options, cacheMiddleware: null, ...extra });
}

describe('throttle', () => {
  it("is 429 E0000047 with the bucket's limit, nothing remaining and the reset in epoch seconds, never Retry-After", async () => {
    const f = oktaFixture(server, { clock: fixed, faults: ['throttle:count=1,retry-after=7'] });
    const response = await f.call('/api/v1/users');
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({
      errorCode: 'E0000047',
      errorSummary: 'API call exceeded rate limit due to too many requests.',
      errorLink: 'E0000047',
      errorCauses: [],
    });
    expect(response.headers.get('x-rate-limit-limit')).toBe('600');
    expect(response.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(response.headers.get('x-rate-limit-reset')).toBe(String(AT / 1000 + 7));
    expect(response.headers.get('retry-after')).toBeNull();
    // The journal reads the reset as the wait asked for, so the doctor's retry-after-ignored can judge retries.
    expect(f.ctx.journal.query({ status: 429 })[0]!.retryAfterSeconds).toBe(7);
  });

  it('without retry-after resets at the next minute boundary', async () => {
    const f = oktaFixture(server, { clock: fixed, faults: ['throttle:count=1'] });
    const response = await f.call('/api/v1/groups');
    expect(response.headers.get('x-rate-limit-limit')).toBe('500');
    expect(response.headers.get('x-rate-limit-reset')).toBe(String(Date.parse('2026-05-04T10:21:00Z') / 1000));
    expect(f.ctx.journal.query({ status: 429 })[0]!.retryAfterSeconds).toBe(30);
  });

  it('reason=concurrent reports limit and remaining 0 with its own summary', async () => {
    const f = oktaFixture(server, { clock: fixed, faults: ['throttle:count=1,reason=concurrent'] });
    const response = await f.call('/api/v1/users');
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ errorCode: 'E0000047', errorSummary: 'Too many concurrent requests in flight' });
    expect([response.headers.get('x-rate-limit-limit'), response.headers.get('x-rate-limit-remaining')]).toEqual(['0', '0']);
  });

  it("refuses another provider's throttle reason, naming Okta's", async () => {
    const f = oktaFixture(server, { faults: ['throttle:count=1,reason=quotaExceeded'] });
    const response = await f.call('/api/v1/users');
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('reason=quotaExceeded does not apply to okta (known: org, concurrent)');
  });

  it('the Node SDK waits for the reset (Reset - Date + 1 s) and retries', async () => {
    const f = oktaFixture(server, { faults: ['throttle:count=1,retry-after=0,route=okta.users.list'] });
    const started = Date.now();
    const users = await collect(sdk(f).userApi.listUsers({ limit: 200 }));
    expect(users.length).toBeGreaterThan(0);
    expect(f.ctx.journal.query({ route: 'okta.users.list' }).map((e) => e.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('credentials', () => {
  it('expired-secret ends an SSWS token for good: 401 E0000011 from then on', async () => {
    const f = oktaFixture(server, { faults: ['expired-secret:from=2,count=1'] });
    expect((await f.call('/api/v1/users')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await f.json('/api/v1/users')).body).toMatchObject({ errorCode: 'E0000011' });
    expect(f.ctx.journal.query({ route: 'okta.users.list' }).map((e) => e.status)).toEqual([200, 401, 401, 401]);
  });

  it('expired-secret on an OAuth access token: 401 invalid_token, and the SDK gets a new token and goes on', async () => {
    const f = oktaFixture(server, { faults: ['expired-secret:from=2,count=1,route=okta.users.list'] });
    const users = await collect(sdk(f, 'key').userApi.listUsers({ limit: 10, search: 'status pr' }));
    expect(users).toHaveLength(40);
    const calls = f.ctx.journal.query({}).map((e) => `${e.route} ${e.status}`);
    expect(calls.slice(0, 5)).toEqual(['okta.token 200', 'okta.users.list 200', 'okta.users.list 401', 'okta.token 200', 'okta.users.list 200']);
  });

  it('revoked-credential on the service app: the token endpoint refuses its key from then on (invalid_client)', async () => {
    const f = oktaFixture(server, { faults: ['revoked-credential:count=1,route=okta.token'] });
    for (let i = 0; i < 2; i++) {
      const refused = await f.exchange('okta.users.read');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: 'invalid_client', error_description: 'The client_assertion signature is invalid.' });
    }
  });

  it('revoked-credential at the API ends every token of the app, and new ones are refused', async () => {
    const f = oktaFixture(server);
    const token = await f.accessToken();
    f.ctx.faults.set([(await import('../mocks/faults/spec.js')).parseFaultSpec('revoked-credential:count=1,route=okta.users.list')]);
    const response = await f.call('/api/v1/users', { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await f.exchange('okta.users.read')).status).toBe(401);
  });
});

describe('consent and admin', () => {
  it('partial-consent at the token endpoint issues the granted subset; the API then answers 403 insufficient_scope with an empty body', async () => {
    const f = oktaFixture(server, { faults: ['partial-consent:missing=okta.groups.read,route=okta.token'] });
    const response = await f.exchange('okta.users.read okta.groups.read');
    const body = (await response.json()) as { scope: string; access_token: string };
    expect(body.scope).toBe('okta.users.read');
    expect((await f.call('/api/v1/users', { authorization: `Bearer ${body.access_token}` })).status).toBe(200);
    const refused = await f.call('/api/v1/groups', { authorization: `Bearer ${body.access_token}` });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('');
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer authorization_uri="http://acme.okta.com/oauth2/v1/authorize", realm="http://acme.okta.com", scope="okta.groups.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/groups"',
    );
  });

  it('none of the requested scopes granted is 400 consent_required', async () => {
    const f = oktaFixture(server, { sim: { grantedScopes: ['okta.users.read'] } });
    const response = await f.exchange('okta.groups.read');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'consent_required', error_description: 'You are not allowed any of the requested scopes.' });
  });

  it('partial-consent on an SSWS caller and not-admin are 403 E0000006', async () => {
    for (const fault of ['partial-consent:missing=okta.users.read', 'not-admin']) {
      const f = oktaFixture(server, { faults: [fault] });
      const { status, body } = await f.json('/api/v1/users');
      expect(status).toBe(403);
      expect(body).toMatchObject({ errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action' });
    }
  });
});

describe('bad-pagination on the Link cursor', () => {
  /** The ids of each page of the plain user listing, `limit` 10, following next links as given. */
  async function walk(mode: string, maxPages = 8) {
    const f = oktaFixture(server, { shape: { disabledRatio: 0 }, faults: [`bad-pagination:mode=${mode}`] });
    const pages: string[][] = [];
    const links: Array<string | undefined> = [];
    let next: string | undefined = '/api/v1/users?limit=10';
    let status = 200;
    while (next && pages.length < maxPages) {
      const response = await f.call(next);
      status = response.status;
      if (status !== 200) break;
      pages.push(((await response.json()) as Array<{ id: string }>).map((u) => u.id));
      next = nextLink(response.headers.get('link') ?? '');
      links.push(next);
    }
    // No disabled users, so no DEPROVISIONED one is left out of the plain listing.
    const all = Array.from({ length: f.tenant.counts().users }, (_, i) => oktaId(5, 'user', i + 1));
    return { pages, links, status, all };
  }

  it('applies every core mode', () => {
    expect([...OKTA_BAD_PAGINATION_MODES].sort()).toEqual([
      'cycle',
      'drop-items',
      'duplicate-across-pages',
      'empty-page-with-token',
      'repeat-token',
      'stale-token',
      'unstable-order',
    ]);
  });

  it("repeat-token hands back the request's own after", async () => {
    const w = await walk('repeat-token', 4);
    expect(w.pages.slice(1)).toEqual([w.pages[1], w.pages[1], w.pages[1]]);
    expect(new URL(w.links[1]!).searchParams.get('after')).toBe(new URL(w.links[0]!).searchParams.get('after'));
  });

  it('cycle links page 3 back to page 1', async () => {
    const w = await walk('cycle', 5);
    expect(w.pages[3]).toEqual(w.pages[0]);
  });

  it('empty-page-with-token serves empty pages whose next link loses nothing', async () => {
    const w = await walk('empty-page-with-token', 20);
    expect(w.pages.filter((p) => p.length === 0).length).toBeGreaterThan(0);
    expect(w.pages.flat()).toEqual(w.all);
  });

  it('duplicate-across-pages repeats the last item; drop-items loses one per page', async () => {
    const dup = await walk('duplicate-across-pages');
    expect(dup.pages[1]![0]).toBe(dup.pages[0]!.at(-1));
    expect(new Set(dup.pages.flat())).toEqual(new Set(dup.all));
    const drop = await walk('drop-items');
    expect(drop.pages.flat().length).toBeLessThan(drop.all.length);
  });

  it('stale-token refuses the first next link with 400 E0000029', async () => {
    const w = await walk('stale-token');
    expect(w.pages).toHaveLength(1);
    expect(w.status).toBe(400);
  });

  it('unstable-order shuffles and misses or repeats items', async () => {
    const w = await walk('unstable-order');
    expect(w.pages.flat()).not.toEqual(w.all);
  });

  it('refuses total-mismatch, naming the modes that apply to a Link cursor', async () => {
    const f = oktaFixture(server, { faults: ['bad-pagination:mode=total-mismatch'] });
    const response = await f.call('/api/v1/users');
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("bad-pagination: mode=total-mismatch does not apply to Okta's Link cursor (known: repeat-token, cycle,");
  });
});

describe('server, socket and body faults', () => {
  it('server-error is E0000009, or E0000010 (read-only mode) for 503, with the rate-limit headers', async () => {
    const f = oktaFixture(server, { faults: ['server-error:count=1,status=500', 'server-error:count=1,status=503'] });
    const first = await f.json('/api/v1/users');
    expect([first.status, first.body.errorCode]).toEqual([500, 'E0000009']);
    expect(first.response.headers.get('x-rate-limit-limit')).toBe('600');
    const second = await f.json('/api/v1/users');
    expect([second.status, second.body.errorCode]).toEqual([503, 'E0000010']);
  });

  it("network-error, malformed-body and wrong-content-type reach Okta routes like any provider's", async () => {
    const f = oktaFixture(server, { faults: ['network-error:count=1', 'malformed-body:count=1', 'wrong-content-type:count=1'] });
    await expect(f.call('/api/v1/users')).rejects.toThrow();
    const malformed = await f.call('/api/v1/users');
    await expect(malformed.json()).rejects.toThrow();
    const html = await f.call('/api/v1/users');
    expect(html.headers.get('content-type')).toContain('text/html');
  });
});

describe('granted reads', () => {
  it("an SSWS token reads only what the granted set (its admin's role) covers: 403 E0000006 elsewhere", async () => {
    const f = oktaFixture(server, { sim: { grantedScopes: ['okta.groups.read'] } });
    expect((await f.call('/api/v1/groups')).status).toBe(200);
    const { status, body } = await f.json('/api/v1/users');
    expect([status, body.errorCode]).toEqual([403, 'E0000006']);
  });
});
