/**
 * Conformance: the official @okta/okta-sdk-nodejs 8.1.0 (node-fetch over http.request, so MSW sees it) runs
 * in-process against the Okta simulator, with unmatched requests failing the test. It pages users, groups
 * and group members over the `Link` header with exact counts, signs in with an SSWS token and with a
 * private-key service app, and surfaces the bad-token and missing-scope errors as it really does
 * (REFERENCE §9: an Okta JSON error becomes OktaApiError with its errorCode; the empty-body 403 of a missing
 * OAuth scope becomes an HttpError whose only detail is WWW-Authenticate). Each client gets
 * `cacheMiddleware: null`, so nothing is served from the SDK's cache.
 */
import okta from '@okta/okta-sdk-nodejs';
import { generateKeyPairSync } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drain, filterSource, storeSource } from '../mocks/core/paging/list-source.js';
import { oktaId, userStatus } from '../mocks/okta/index.js';
import { oktaFixture, type FixtureOptions } from '../mocks/okta/test-support/okta-fixture.test-support.js';
import type { TenantStore } from '../mocks/tenant/model.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const directUserMembers = (t: TenantStore, groupSeq: number) =>
  drain(
    filterSource(
      storeSource((p) => t.members(groupSeq, p)),
      (m) => m.memberType === 'user',
    ),
  ).map((m) => oktaId(5, 'user', m.memberSeq));

/** Every item of an SDK Collection (typed as yielding `T | null`; it yields no null before it is done). */
async function collect<T>(collection: AsyncIterable<T | null> | Promise<AsyncIterable<T | null>>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of await collection) if (item !== null) out.push(item);
  return out;
}

function setup(options: FixtureOptions = {}) {
  const f = oktaFixture(server, { shape: { users: 130, groups: 5 }, ...options });
  const { orgUrl, token, clientId, privateKey, keyId, scopes } = f.sim.credentials;
  const ssws = new okta.Client({ orgUrl, token, cacheMiddleware: null });
  const service = (extra: Record<string, unknown> = {}) =>
    new okta.Client({ orgUrl, authorizationMode: 'PrivateKey', clientId, privateKey, keyId, scopes: [...scopes], cacheMiddleware: null, ...extra });
  return { ...f, ssws, service };
}

async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

describe('@okta/okta-sdk-nodejs against the Okta simulator', () => {
  it('lists every user across pages with an SSWS token (DEPROVISIONED only through search)', async () => {
    const { ssws, tenant, ctx } = setup();
    const all = range(130).map((seq) => ({ id: oktaId(5, 'user', seq), status: userStatus(5, tenant.user(seq)!) }));
    const listed = await collect(ssws.userApi.listUsers({ limit: 25 }));
    expect(listed.map((u) => u.id)).toEqual(all.filter((u) => u.status !== 'DEPROVISIONED').map((u) => u.id));
    const pages = ctx.journal.query({ route: 'okta.users.list' }).map((e) => e.items);
    expect(pages.length).toBeGreaterThan(4);
    expect(pages.slice(0, -1).every((n) => n === 25)).toBe(true);
    const everyone = await collect(ssws.userApi.listUsers({ limit: 40, search: 'status pr' }));
    expect(everyone.map((u) => u.id)).toEqual(all.map((u) => u.id));
    expect(everyone.find((u) => u.status === 'DEPROVISIONED')).toBeDefined();
  });

  it("lists groups with usersCount and each group's members with exact counts across pages", async () => {
    const { ssws, tenant } = setup();
    const groups = await collect(ssws.groupApi.listGroups({ limit: 2, expand: 'stats' }));
    expect(groups.map((g) => g.id)).toEqual(range(5).map((seq) => oktaId(5, 'group', seq)));
    for (const [i, group] of groups.entries()) {
      const expected = directUserMembers(tenant, i + 1);
      expect((group._embedded as { stats: { usersCount: number } }).stats.usersCount).toBe(expected.length);
      const members = await collect(ssws.groupApi.listGroupUsers({ groupId: group.id!, limit: 4 }));
      expect(members.map((u) => u.id)).toEqual(expected);
    }
  });

  it('signs in as a private-key service app (client assertion verified) and lists with a Bearer token', async () => {
    const { service, tenant, ctx } = setup();
    const users = await collect(service().userApi.listUsers({ limit: 50, search: 'status pr' }));
    expect(users).toHaveLength(130);
    const groups = await collect(service().groupApi.listGroups({ limit: 2 }));
    expect(groups).toHaveLength(tenant.counts().groups);
    const tokens = ctx.journal.query({ route: 'okta.token' });
    expect(tokens.map((e) => e.status)).toEqual([200, 200]);
    expect(ctx.journal.query({ route: 'okta.users.list' }).every((e) => e.status === 200)).toBe(true);
  });

  it('signs in to an app that requires DPoP: use_dpop_nonce, then a DPoP-bound token and a proof on every call', async () => {
    const { service, ctx, sim } = setup({ sim: { dpop: true } });
    const users = await collect(service().userApi.listUsers({ limit: 50, search: 'status pr' }));
    expect(users).toHaveLength(130);
    expect(ctx.journal.query({ route: 'okta.token' }).map((e) => e.status)).toEqual([400, 200]);
    expect(ctx.journal.query({ route: 'okta.users.list' }).map((e) => e.status)).toEqual([200, 200, 200]);
    // What the SDK did is visible in the tokens it holds: bound to the key it signed its proofs with.
    const tokens = sim.env.tokens.issuedSoFar();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.jkt).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('surfaces a bad SSWS token as OktaApiError 401 E0000011', async () => {
    const { orgUrl } = setup();
    const client = new okta.Client({ orgUrl, token: '00notthetoken', cacheMiddleware: null });
    const error = await failure(collect(client.userApi.listUsers({ limit: 5 })));
    expect(error.name).toBe('OktaApiError');
    expect(error).toMatchObject({ status: 401, errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
    expect(error.message).toBe('Okta HTTP 401 E0000011 Invalid token provided. ');
  });

  it("surfaces a service app signing with another key as HttpError 401 invalid_token (the SDK hides the token endpoint's invalid_client)", async () => {
    const { orgUrl, sim, ctx } = setup();
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const client = new okta.Client({
      orgUrl,
      authorizationMode: 'PrivateKey',
      clientId: sim.credentials.clientId,
      privateKey: other.privateKey,
      keyId: sim.credentials.keyId,
      scopes: ['okta.users.read'],
      cacheMiddleware: null,
    });
    const error = await failure(collect(client.userApi.listUsers({ limit: 5 })));
    // It caches the refusal as its "token", calls with `Bearer undefined`, clears it on the 401, asks again once.
    expect(error).toMatchObject({ name: 'HttpError', status: 401 });
    expect((error.headers as Headers).get('www-authenticate')).toContain('error="invalid_token"');
    expect(ctx.journal.query({ route: 'okta.token' }).map((e) => e.status)).toEqual([401, 401]);
    expect(ctx.journal.query({ route: 'okta.users.list' }).map((e) => e.status)).toEqual([401, 401]);
  });

  it('surfaces a missing scope as HttpError 403 with insufficient_scope in WWW-Authenticate', async () => {
    const { service } = setup({ sim: { grantedScopes: ['okta.users.read'] } });
    const error = await failure(collect(service({ scopes: ['okta.users.read', 'okta.groups.read'] }).groupApi.listGroups({ limit: 2 })));
    expect(error.name).toBe('HttpError');
    expect(error.status).toBe(403);
    expect(error.errorCode).toBeUndefined();
    const challenge = (error.headers as Headers).get('www-authenticate')!;
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain('scope="okta.groups.read"');
  });

  it('surfaces a missing scope on an SSWS token (partial-consent) as OktaApiError 403 E0000006', async () => {
    const { ssws } = setup({ faults: ['partial-consent:missing=okta.groups.read'] });
    const error = await failure(collect(ssws.groupApi.listGroups({ limit: 2 })));
    expect(error).toMatchObject({ name: 'OktaApiError', status: 403, errorCode: 'E0000006' });
  });
});
