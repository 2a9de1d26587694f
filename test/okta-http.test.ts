/**
 * The Okta simulator's wire facts (mocks/okta/REFERENCE.md) with plain fetch: Link paging with absolute
 * URLs and an opaque `after`, limit defaults and clamping, the status rule of the plain user listing,
 * search and filter, Okta's error bodies and codes, the X-Rate-Limit-* headers, and the objects' shapes.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { exportJWK, importPKCS8, SignJWT } from 'jose';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drain, filterSource, storeSource } from '../mocks/core/paging/list-source.js';
import { oktaId, userStatus } from '../mocks/okta/index.js';
import { nextLink, oktaFixture } from '../mocks/okta/test-support/okta-fixture.test-support.js';
import type { TenantStore } from '../mocks/tenant/model.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const statuses = (t: TenantStore, seed: number) =>
  range(t.counts().users).map((seq) => ({ id: oktaId(seed, 'user', seq), status: userStatus(seed, t.user(seq)!) }));
const directUserMembers = (t: TenantStore, groupSeq: number) =>
  drain(
    filterSource(
      storeSource((p) => t.members(groupSeq, p)),
      (m) => m.memberType === 'user',
    ),
  ).map((m) => oktaId(5, 'user', m.memberSeq));

describe('Okta users listing', () => {
  it('pages with Link rel="next" (absolute, on the org, query kept, after first) and omits DEPROVISIONED by default', async () => {
    const f = oktaFixture(server);
    const expected = statuses(f.tenant, 5)
      .filter((u) => u.status !== 'DEPROVISIONED')
      .map((u) => u.id);
    expect(expected.length).toBeLessThan(40);
    const { items, pages, links } = await f.walk('/api/v1/users?limit=7');
    expect(items.map((u) => u.id)).toEqual(expected);
    expect(pages.slice(0, -1).every((n) => n === 7)).toBe(true);
    expect(links[0]).toContain('<https://acme.okta.com/api/v1/users?limit=7>; rel="self"');
    expect(nextLink(links[0]!)).toMatch(/^https:\/\/acme\.okta\.com\/api\/v1\/users\?after=[A-Za-z0-9_-]+&limit=7$/);
    expect(links.at(-1)).not.toContain('rel="next"');
    expect(f.ctx.journal.query({ route: 'okta.users.list' }).map((e) => e.items)).toEqual(pages);
  });

  it('sends the self and next links as two Link header lines', async () => {
    const f = oktaFixture(server);
    const response = await f.call('/api/v1/users?limit=5');
    expect(response.headers.get('link')!.split(', <')).toHaveLength(2);
  });

  it('returns everyone, DEPROVISIONED included, for search=status pr (what baton-okta sends) and filters by status', async () => {
    const f = oktaFixture(server);
    const all = statuses(f.tenant, 5);
    const everyone = await f.walk(`/api/v1/users?limit=9&search=${encodeURIComponent('status pr')}`);
    expect(everyone.items.map((u) => u.id)).toEqual(all.map((u) => u.id));
    expect(nextLink(everyone.links[0]!)).toContain('search=status+pr');
    const deprovisioned = await f.walk(`/api/v1/users?filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`);
    expect(deprovisioned.items.map((u) => u.id)).toEqual(all.filter((u) => u.status === 'DEPROVISIONED').map((u) => u.id));
    expect(deprovisioned.items.length).toBeGreaterThan(0);
    // The five statuses the simulator renders all occur in a tenant of this size.
    expect(new Set(all.map((u) => u.status))).toEqual(new Set(['ACTIVE', 'STAGED', 'PROVISIONED', 'SUSPENDED', 'DEPROVISIONED']));
  });

  it('filter values are case-sensitive, search values are not', async () => {
    const f = oktaFixture(server);
    const login = String((await f.json<Array<Record<string, Record<string, unknown>>>>('/api/v1/users?limit=1')).body[0]!.profile!.login);
    const filtered = await f.json<unknown[]>(`/api/v1/users?filter=${encodeURIComponent(`profile.login eq "${login.toUpperCase()}"`)}`);
    expect(filtered.body).toHaveLength(0);
    const searched = await f.json<unknown[]>(`/api/v1/users?search=${encodeURIComponent(`profile.login eq "${login.toUpperCase()}"`)}`);
    expect(searched.body).toHaveLength(1);
  });

  it('clamps limit to 200 and serves 200 by default', async () => {
    const f = oktaFixture(server, { shape: { users: 230, disabledRatio: 0 } });
    expect((await f.json<unknown[]>('/api/v1/users?limit=1000')).body).toHaveLength(200);
    const plain = await f.json<unknown[]>('/api/v1/users');
    expect(plain.body).toHaveLength(200);
    expect(nextLink(plain.response.headers.get('link')!)).toMatch(/\?after=[^&]+$/);
  });

  it('refuses a tampered after with 400 E0000029, and search with filter with E0000033', async () => {
    const f = oktaFixture(server);
    const bad = await f.json('/api/v1/users?after=00uNOTACURSOR&limit=5');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errorCode: 'E0000029', errorLink: 'E0000029', errorCauses: [] });
    expect(bad.body.errorId).toMatch(/^oae[0-9A-Za-z]{22}$/);
    const both = await f.json(`/api/v1/users?search=${encodeURIComponent('status pr')}&filter=${encodeURIComponent('status eq "ACTIVE"')}`);
    expect(both.body).toMatchObject({ errorCode: 'E0000033' });
    const operator = await f.json(`/api/v1/users?filter=${encodeURIComponent('profile.department co "x"')}`);
    expect(operator.status).toBe(400);
    expect(operator.body).toMatchObject({ errorCode: 'E0000031', errorSummary: 'Bad request. Invalid filter parameter.' });
    expect(f.ctx.journal.query({ route: 'okta.users.list', status: 400 }).map((e) => e.refusal?.code)).toEqual(['E0000029', 'E0000033', 'E0000031']);
  });

  it('renders a user as Okta does, and omits credentials when the okta-response content type asks', async () => {
    const f = oktaFixture(server);
    const first = (await f.json<Array<Record<string, unknown>>>('/api/v1/users?limit=1')).body[0]!;
    expect(first.id).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect(first.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(first.profile as object)).toEqual(expect.arrayContaining(['login', 'email', 'firstName', 'lastName']));
    expect(first._links).toEqual({ self: { href: `https://acme.okta.com/api/v1/users/${first.id}` } });
    expect(first.credentials).toBeDefined();
    const trimmed = await f.json<Array<Record<string, unknown>>>('/api/v1/users?limit=1', {
      headers: { 'content-type': 'application/json; okta-response="omitCredentials,omitCredentialsLinks,omitTransitioningToStatus"' },
    });
    expect(trimmed.body[0]!.credentials).toBeUndefined();
    const byId = await f.json(`/api/v1/users/${first.id}`);
    expect(byId.body.id).toBe(first.id);
    const byLogin = await f.json(`/api/v1/users/${encodeURIComponent(String((first.profile as Record<string, unknown>).login))}`);
    expect(byLogin.body.id).toBe(first.id);
  });

  it('answers an unknown user with 404 E0000007 naming it', async () => {
    const f = oktaFixture(server);
    const missing = await f.json('/api/v1/users/missing@example.com');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: missing@example.com (User)',
      errorLink: 'E0000007',
      errorCauses: [],
    });
  });
});

describe('Okta groups, members, roles and apps', () => {
  it('lists groups of both types with expand=stats usersCount equal to the direct user members, paged', async () => {
    const f = oktaFixture(server);
    const { items } = await f.walk('/api/v1/groups?limit=4&expand=stats');
    expect(items.map((g) => g.id)).toEqual(range(6).map((seq) => oktaId(5, 'group', seq)));
    for (const [i, g] of items.entries()) {
      expect(g.type).toBe(f.tenant.group(i + 1)!.kind === 'distribution' ? 'APP_GROUP' : 'OKTA_GROUP');
      expect((g._embedded as { stats: { usersCount: number } }).stats.usersCount).toBe(directUserMembers(f.tenant, i + 1).length);
      if (g.type === 'APP_GROUP') expect(g.source).toEqual({ id: expect.stringMatching(/^0oa/) });
    }
    const plain = await f.json<Array<Record<string, unknown>>>('/api/v1/groups');
    expect(plain.body[0]!._embedded).toBeUndefined();
  });

  it('shows both group types in a tenant with distribution groups, and filters by type', async () => {
    const f = oktaFixture(server, { shape: { groups: 30 } });
    const all = (await f.json<Array<Record<string, unknown>>>('/api/v1/groups')).body;
    expect(new Set(all.map((g) => g.type))).toEqual(new Set(['OKTA_GROUP', 'APP_GROUP']));
    const appGroups = await f.json<Array<Record<string, unknown>>>(`/api/v1/groups?filter=${encodeURIComponent('type eq "APP_GROUP"')}`);
    expect(appGroups.body.map((g) => g.id)).toEqual(all.filter((g) => g.type === 'APP_GROUP').map((g) => g.id));
  });

  it("lists each group's direct user members across pages, and 404s an unknown group", async () => {
    const f = oktaFixture(server);
    const biggest = range(6).sort((a, b) => directUserMembers(f.tenant, b).length - directUserMembers(f.tenant, a).length)[0]!;
    const expected = directUserMembers(f.tenant, biggest);
    expect(expected.length).toBeGreaterThan(3);
    const { items, pages } = await f.walk(`/api/v1/groups/${oktaId(5, 'group', biggest)}/users?limit=3`);
    expect(items.map((u) => u.id)).toEqual(expected);
    expect(pages.length).toBeGreaterThan(1);
    const missing = await f.json('/api/v1/groups/00gMISSINGMISSINGMIS/users');
    expect(missing.body).toMatchObject({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: 00gMISSINGMISSINGMIS (UserGroup)' });
  });

  it('serves group rules as an empty listing (the tenant has no dynamic groups), not as a group id', async () => {
    const f = oktaFixture(server);
    const rules = await f.json<unknown[]>('/api/v1/groups/rules');
    expect(rules.status).toBe(200);
    expect(rules.body).toEqual([]);
  });

  it("lists a user's admin role assignments, direct (USER) and through groups (GROUP), in one page", async () => {
    const f = oktaFixture(server);
    const t = f.tenant;
    const assignments = drain(storeSource((p) => t.roleAssignments(p)));
    const holder = assignments.find((a) => a.principalType === 'user')!;
    const { body, response } = await f.json<Array<Record<string, unknown>>>(`/api/v1/users/${oktaId(5, 'user', holder.principalSeq)}/roles`);
    const direct = assignments.filter((a) => a.principalType === 'user' && a.principalSeq === holder.principalSeq);
    const viaGroups = t
      .memberOf('user', holder.principalSeq)
      .flatMap((m) => assignments.filter((a) => a.principalType === 'group' && a.principalSeq === m.groupSeq));
    expect(body.map((r) => r.id)).toEqual([...direct, ...viaGroups].map((a) => oktaId(5, 'roleAssignment', a.seq)));
    expect(body.filter((r) => r.assignmentType === 'USER')).toHaveLength(direct.length);
    expect(body[0]).toMatchObject({
      status: 'ACTIVE',
      assignmentType: 'USER',
      _links: { assignee: { href: `https://acme.okta.com/api/v1/users/${oktaId(5, 'user', holder.principalSeq)}` } },
    });
    expect(response.headers.get('link')).not.toContain('rel="next"');
    // Tenant roles past the standard list are custom roles.
    const custom = assignments.find((a) => a.roleSeq > 12);
    if (custom && custom.principalType === 'user') {
      const roles = (await f.json<Array<Record<string, unknown>>>(`/api/v1/users/${oktaId(5, 'user', custom.principalSeq)}/roles`)).body;
      expect(roles.find((r) => r.id === oktaId(5, 'roleAssignment', custom.seq))).toMatchObject({
        type: 'CUSTOM',
        role: expect.stringMatching(/^cr0/),
      });
    }
  });

  it('lists the users holding a role in {value, _links.next} pages, with the Link header too (as baton-okta reads it)', async () => {
    const f = oktaFixture(server, { shape: { users: 120, roleAssignments: 40 } });
    const holders = [...new Set(drain(storeSource((p) => f.tenant.roleAssignments(p, { principalType: 'user' }))).map((a) => a.principalSeq))].sort(
      (a, b) => a - b,
    );
    expect(holders.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/iam/assignees/users?limit=5';
    while (next) {
      const answer: { body: { value: Array<{ id: string }>; _links: { next?: { href: string } } }; response: Response } = await f.json(next);
      const { body, response } = answer;
      seen.push(...body.value.map((u) => u.id));
      expect(body._links.next?.href).toBe(nextLink(response.headers.get('link')!));
      next = body._links.next?.href;
    }
    expect(seen).toEqual(holders.map((seq) => oktaId(5, 'user', seq)));
  });

  it("lists apps and each app's user (USER or GROUP scope) and group assignments", async () => {
    const f = oktaFixture(server);
    const t = f.tenant;
    const apps = (await f.walk('/api/v1/apps?limit=2')).items;
    expect(apps.map((a) => a.id)).toEqual(range(3).map((seq) => oktaId(5, 'app', seq)));
    const active = await f.json<unknown[]>(`/api/v1/apps?filter=${encodeURIComponent('status eq "ACTIVE"')}`);
    expect(active.body).toHaveLength(3);
    for (const seq of range(3)) {
      const assignments = drain(storeSource((p) => t.appRoleAssignments(seq, p)));
      const groups = [...new Set(assignments.filter((a) => a.principalType === 'group').map((a) => a.principalSeq))];
      const direct = new Set(assignments.filter((a) => a.principalType === 'user').map((a) => a.principalSeq));
      const viaGroups = new Set(groups.flatMap((g) => directUserMembers(t, g)).filter((id) => ![...direct].some((s) => oktaId(5, 'user', s) === id)));
      const appGroups = (await f.walk(`/api/v1/apps/${oktaId(5, 'app', seq)}/groups?limit=1`)).items;
      expect(appGroups.map((g) => g.id)).toEqual(groups.map((g) => oktaId(5, 'group', g)));
      const appUsers = (await f.walk(`/api/v1/apps/${oktaId(5, 'app', seq)}/users?limit=2`)).items;
      expect(new Set(appUsers.filter((u) => u.scope === 'USER').map((u) => u.id))).toEqual(new Set([...direct].map((s) => oktaId(5, 'user', s))));
      expect(new Set(appUsers.filter((u) => u.scope === 'GROUP').map((u) => u.id))).toEqual(viaGroups);
    }
  });
});

describe('Okta group membership writes', () => {
  it('with writeBack: PUT adds and DELETE removes a user member (204), seen by the members listing', async () => {
    const f = oktaFixture(server, { sim: { writeBack: true } });
    const group = range(6).find((seq) => f.tenant.group(seq)!.kind !== 'distribution')!;
    const outsider = range(40).find((seq) => !directUserMembers(f.tenant, group).includes(oktaId(5, 'user', seq)))!;
    const path = `/api/v1/groups/${oktaId(5, 'group', group)}/users/${oktaId(5, 'user', outsider)}`;
    const write = (method: string) => fetch(`${f.orgUrl}${path}`, { method, headers: { authorization: `SSWS ${f.token}` } });
    expect((await write('PUT')).status).toBe(204);
    expect((await f.walk(`/api/v1/groups/${oktaId(5, 'group', group)}/users`)).items.map((u) => u.id)).toContain(oktaId(5, 'user', outsider));
    expect((await write('DELETE')).status).toBe(204);
    expect((await f.walk(`/api/v1/groups/${oktaId(5, 'group', group)}/users`)).items.map((u) => u.id)).not.toContain(oktaId(5, 'user', outsider));
  });

  it('without writeBack, or with a read-only OAuth token, the write is refused', async () => {
    const f = oktaFixture(server);
    const path = `${f.orgUrl}/api/v1/groups/${oktaId(5, 'group', 1)}/users/${oktaId(5, 'user', 1)}`;
    const ssws = await fetch(path, { method: 'DELETE', headers: { authorization: `SSWS ${f.token}` } });
    expect([ssws.status, ((await ssws.json()) as Record<string, unknown>).errorCode]).toEqual([403, 'E0000006']);
    const bearer = await fetch(path, { method: 'PUT', headers: { authorization: `Bearer ${await f.accessToken()}` } });
    expect(bearer.status).toBe(403);
    expect(bearer.headers.get('www-authenticate')).toContain('scope="okta.groups.manage"');
  });
});

describe('Okta authentication and errors', () => {
  it('answers a bad or missing SSWS token with 401 E0000011', async () => {
    const f = oktaFixture(server);
    for (const authorization of ['SSWS 00wrong', '']) {
      const { status, body } = await f.json('/api/v1/users', { authorization });
      expect(status).toBe(401);
      expect(body).toEqual({
        errorCode: 'E0000011',
        errorSummary: 'Invalid token provided',
        errorLink: 'E0000011',
        errorId: expect.stringMatching(/^oae/),
        errorCauses: [],
      });
    }
  });

  it("answers GET /api/v1/org (what baton-okta validates an SSWS token with) with the org's settings", async () => {
    const f = oktaFixture(server);
    const { status, body } = await f.json('/api/v1/org');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: expect.stringMatching(/^00o[0-9A-Za-z]{17}$/), subdomain: 'acme', status: 'ACTIVE' });
    expect((await f.call('/api/v1/org', { authorization: 'SSWS wrong' })).status).toBe(401);
  });

  it('puts X-Rate-Limit-* (reset in epoch seconds by the injected clock), Date and X-Okta-Request-Id on every answer', async () => {
    const at = Date.parse('2026-05-04T10:20:30Z');
    const f = oktaFixture(server, { clock: () => new Date(at) });
    const first = await f.call('/api/v1/users?limit=1');
    const second = await f.call('/api/v1/users?limit=1');
    expect(first.headers.get('x-rate-limit-limit')).toBe('600');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('599');
    expect(second.headers.get('x-rate-limit-remaining')).toBe('598');
    expect(first.headers.get('x-rate-limit-reset')).toBe(String(Date.parse('2026-05-04T10:21:00Z') / 1000));
    expect(first.headers.get('date')).toBe(new Date(at).toUTCString());
    expect(first.headers.get('x-okta-request-id')).toMatch(/^req[0-9A-Za-z]{23}$/);
    expect(first.headers.get('retry-after')).toBeNull();
    const failed = await f.call('/api/v1/users', { authorization: 'SSWS nope' });
    expect(failed.headers.get('x-rate-limit-limit')).toBe('600');
  });
});

describe('Okta org authorization server (POST /oauth2/v1/token)', () => {
  it('issues a one-hour Bearer token with the granted scopes for a valid private_key_jwt assertion', async () => {
    const f = oktaFixture(server);
    const response = await f.exchange('okta.users.read okta.groups.read');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'okta.users.read okta.groups.read' });
    const claims = JSON.parse(Buffer.from(String(body.access_token).split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      ver: 1,
      sub: f.sim.credentials.clientId,
      cid: f.sim.credentials.clientId,
      scp: ['okta.users.read', 'okta.groups.read'],
    });
    expect((await f.call('/api/v1/users?limit=1', { authorization: `Bearer ${String(body.access_token)}` })).status).toBe(200);
  });

  it('refuses each bad assertion with invalid_client and the reason', async () => {
    const f = oktaFixture(server);
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, Promise<Response>, string]> = [
      ['another key', f.exchange('okta.users.read', {}, { privateKey: other.privateKey }), 'The client_assertion signature is invalid.'],
      ['wrong kid', f.exchange('okta.users.read', {}, { header: { kid: 'nope' } }), 'The client_assertion JWT kid is invalid.'],
      [
        'wrong aud',
        f.exchange('okta.users.read', { aud: 'https://acme.okta.com/oauth2/default/v1/token' }),
        'The audience claim for client_assertion must be the endpoint invoked for the request.',
      ],
      [
        'iss not sub',
        f.exchange('okta.users.read', { sub: 'someone' }),
        'The client_assertion token is invalid: iss and sub must both be the client_id of a registered client.',
      ],
      ['expired', f.exchange('okta.users.read', { iat: now - 7200, exp: now - 3600 }), 'The client_assertion token is expired.'],
      ['over an hour', f.exchange('okta.users.read', { exp: now + 7200 }), 'The client_assertion token has an expiration too far into the future.'],
    ];
    for (const [what, pending, description] of cases) {
      const response = await pending;
      expect([what, response.status, await response.json()]).toEqual([what, 401, { error: 'invalid_client', error_description: description }]);
    }
  });

  it('refuses a replayed jti, a missing scope and another grant type', async () => {
    const f = oktaFixture(server);
    const assertion = await f.assertion({ jti: 'once' });
    const form = {
      grant_type: 'client_credentials',
      scope: 'okta.users.read',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    };
    expect((await f.requestToken(form)).status).toBe(200);
    expect(await (await f.requestToken(form)).json()).toEqual({
      error: 'invalid_client',
      error_description: 'The client_assertion token has already been used.',
    });
    const noScope = await f.exchange('');
    expect([noScope.status, ((await noScope.json()) as Record<string, unknown>).error]).toEqual([400, 'invalid_scope']);
    const password = await f.requestToken({ ...form, grant_type: 'password' });
    expect([password.status, ((await password.json()) as Record<string, unknown>).error]).toEqual([400, 'unsupported_grant_type']);
  });

  it('answers an unknown access token with 401, an empty body and error="invalid_token"', async () => {
    const f = oktaFixture(server);
    const response = await f.call('/api/v1/users', { authorization: 'Bearer eyJnot.a.token' });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('with DPoP required: no proof is invalid_dpop_proof, a proof without our nonce use_dpop_nonce, and the token is DPoP-bound', async () => {
    const f = oktaFixture(server, { sim: { dpop: true } });
    const form = async () => ({
      grant_type: 'client_credentials',
      scope: 'okta.users.read',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await f.assertion(),
    });
    const post = async (dpop?: string) =>
      fetch(`${f.orgUrl}/oauth2/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(dpop ? { dpop } : {}) },
        body: new URLSearchParams(await form()),
      });
    const missing = await post();
    expect([missing.status, await missing.json()]).toEqual([
      400,
      { error: 'invalid_dpop_proof', error_description: 'The DPoP proof JWT header is missing.' },
    ]);
    const key = await importPKCS8(f.sim.credentials.privateKey, 'RS256');
    const jwk = await exportJWK(createPublicKey(f.sim.credentials.privateKey));
    const proof = (claims: Record<string, unknown>) =>
      new SignJWT({ iat: Math.floor(Date.now() / 1000), jti: `p-${Math.random()}`, ...claims })
        .setProtectedHeader({ typ: 'dpop+jwt', alg: 'RS256', jwk })
        .sign(key);
    const tokenUrl = `${f.orgUrl}/oauth2/v1/token`;
    const challenged = await post(await proof({ htm: 'POST', htu: tokenUrl }));
    expect(((await challenged.json()) as Record<string, unknown>).error).toBe('use_dpop_nonce');
    const nonce = challenged.headers.get('dpop-nonce')!;
    const issued = await post(await proof({ htm: 'POST', htu: tokenUrl, nonce }));
    const body = (await issued.json()) as { token_type: string; access_token: string };
    expect(body.token_type).toBe('DPoP');
    const usersUrl = `${f.orgUrl}/api/v1/users`;
    const ath = createHash('sha256').update(body.access_token).digest('base64url');
    const ok = await fetch(`${usersUrl}?limit=2`, {
      headers: { authorization: `DPoP ${body.access_token}`, dpop: await proof({ htm: 'GET', htu: usersUrl, ath }) },
    });
    expect(ok.status).toBe(200);
    const asBearer = await f.call('/api/v1/users', { authorization: `Bearer ${body.access_token}` });
    expect(asBearer.status).toBe(401);
    const wrongPath = await fetch(usersUrl, {
      headers: { authorization: `DPoP ${body.access_token}`, dpop: await proof({ htm: 'GET', htu: `${f.orgUrl}/api/v1/groups`, ath }) },
    });
    expect(wrongPath.status).toBe(401);
    expect(wrongPath.headers.get('www-authenticate')).toMatch(/^DPoP algs="RS256 .*error="invalid_dpop_proof"/);
  });
});
