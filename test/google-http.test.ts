/**
 * The Directory API on the wire: bearer and scope checks, admin-ness, the customer/domain rule, list
 * envelopes, maxResults limits, paging, filters, object shapes, error bodies and content types, and
 * membership writes.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_JSON, SCOPE_PREFIX } from '../mocks/google/index.js';
import { apiError, googleFixture, type GoogleFixture } from '../mocks/google/test-support/google-fixture.test-support.js';
import type { TenantUser } from '../mocks/tenant/model.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Obj = Record<string, unknown>;
const scope = (name: string) => `${SCOPE_PREFIX}${name}`;

function users(f: GoogleFixture): TenantUser[] {
  return Array.from({ length: f.tenant.counts().users }, (_, i) => f.tenant.user(i + 1)!);
}

/** A group with both user and group members. */
function mixedGroup(f: GoogleFixture) {
  for (let seq = 1; seq <= f.tenant.counts().groups; seq++) {
    const types = new Set(f.tenant.members(seq, { limit: 10_000 }).items.map((m) => m.memberType));
    if (types.size === 2) return f.tenant.group(seq)!;
  }
  throw new Error('no group with both user and group members in this tenant');
}

async function walk(f: GoogleFixture, path: string, field: string, bearer?: string): Promise<{ items: Obj[]; pages: number }> {
  const token = bearer ?? (await f.token());
  const items: Obj[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const { status, body } = await f.json(`${path}${pageToken ? `${sep}pageToken=${encodeURIComponent(pageToken)}` : ''}`, { bearer: token });
    expect(status, JSON.stringify(body)).toBe(200);
    items.push(...((body[field] as Obj[] | undefined) ?? []));
    pageToken = body.nextPageToken as string | undefined;
    pages++;
  } while (pageToken);
  return { items, pages };
}

describe('bearer, scopes and admins', () => {
  it('answers a missing, unknown or expired token with 401 authError located in the header', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const f = googleFixture(server, { clock: () => now });
    const bare = await fetch(`${f.api}/users?customer=my_customer`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('content-type')).toBe(DIRECTORY_JSON);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer realm="https:\/\/accounts\.google\.com\/"/);
    expect((await bare.json()) as Obj).toEqual({
      error: {
        code: 401,
        message: 'Invalid Credentials',
        errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
        status: 'UNAUTHENTICATED',
      },
    });
    expect((await f.call('/users?customer=my_customer', { bearer: 'ya29.forged' })).status).toBe(401);
    const token = await f.token();
    expect((await f.call('/users?customer=my_customer', { bearer: token })).status).toBe(200);
    now = new Date('2030-01-01T01:00:00Z');
    const { status, body, response } = await f.json('/users?customer=my_customer', { bearer: token });
    expect(status).toBe(401);
    expect(apiError(body).errors[0]!.reason).toBe('authError');
    // The Date header stays real time whatever the simulation clock says.
    expect(Math.abs(Date.parse(response.headers.get('date')!) - Date.now())).toBeLessThan(5_000);
  });

  it('answers a token without the method scope with 403 insufficientPermissions and ErrorInfo', async () => {
    const f = googleFixture(server);
    const token = await f.token({ scope: scope('admin.directory.group.member.readonly') });
    const group = f.tenant.group(1)!;
    expect((await f.call(`/groups/${group.googleId}/members`, { bearer: token })).status).toBe(200);
    const { status, body } = await f.json(`/groups/${group.googleId}`, { bearer: token });
    expect(status).toBe(403);
    expect(body.error).toEqual({
      code: 403,
      message: 'Request had insufficient authentication scopes.',
      errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: 'admin.googleapis.com', method: 'ccc.hosted.frontend.directory.v1.DirectoryGroups.Get' },
        },
      ],
    });
  });

  it('lets delegated admins in, keeps other users out with 403 forbidden', async () => {
    const f = googleFixture(server);
    const holders = new Set(
      f.tenant
        .roleAssignments({ limit: 1000 })
        .items.filter((a) => a.principalType === 'user')
        .map((a) => a.principalSeq),
    );
    const delegated = users(f).find((u) => holders.has(u.seq) && u.mail !== f.sim.credentials.adminEmail)!;
    const plain = users(f).find((u) => !holders.has(u.seq) && u.mail !== f.sim.credentials.adminEmail)!;
    expect((await f.call('/users?customer=my_customer', { bearer: await f.token({ sub: delegated.mail }) })).status).toBe(200);
    const { status, body } = await f.json('/users?customer=my_customer', { bearer: await f.token({ sub: plain.googleId }) });
    expect(status).toBe(403);
    expect(apiError(body)).toMatchObject({
      code: 403,
      message: 'Not Authorized to access this resource/api',
      errors: [{ reason: 'forbidden', domain: 'global' }],
    });
  });

  it('not-admin takes the subject admin role away while it fires, and says so in the journal', async () => {
    const f = googleFixture(server, { faults: ['not-admin:route=google.users.list,count=1'] });
    const token = await f.token();
    expect((await f.call('/users?customer=my_customer', { bearer: token })).status).toBe(403);
    expect((await f.call('/users?customer=my_customer', { bearer: token })).status).toBe(200);
    expect(f.ctx.journal.query({ route: 'google.users.list' }).map((e) => e.fault)).toEqual(['not-admin:route=google.users.list,count=1', undefined]);
  });

  it('partial-consent at the API removes a scope from tokens already issued', async () => {
    const f = googleFixture(server, { faults: ['partial-consent:route=google.users.*,missing=admin.directory.user.readonly'] });
    const token = await f.token();
    const { status, body } = await f.json('/users?customer=my_customer', { bearer: token });
    expect(status).toBe(403);
    expect(apiError(body).errors[0]!.reason).toBe('insufficientPermissions');
    expect((await f.call('/groups?customer=my_customer', { bearer: token })).status).toBe(200);
  });
});

describe('users', () => {
  it('wants exactly one of customer and domain', async () => {
    const f = googleFixture(server);
    const token = await f.token();
    const status = async (q: string) => (await f.call(`/users${q}`, { bearer: token })).status;
    expect(await status('')).toBe(400);
    expect(await status('?customer=my_customer&domain=contoso.test')).toBe(400);
    expect(await status(`?customer=${f.sim.credentials.customerId}`)).toBe(200);
    expect(await status('?domain=CONTOSO.TEST')).toBe(200);
    expect(await status('?customer=C0zzzzzzz')).toBe(403);
    expect(await status('?domain=fabrikam.test')).toBe(404);
    const { body } = await f.json('/users', { bearer: token });
    expect(apiError(body)).toMatchObject({ code: 400, message: 'Bad Request', errors: [{ reason: 'badRequest' }], status: 'INVALID_ARGUMENT' });
  });

  it('lists 100 by default, up to 500, and refuses maxResults outside 1..500 naming the parameter', async () => {
    const f = googleFixture(server, { shape: { users: 520, groups: 4 } });
    const token = await f.token();
    const first = await f.json('/users?customer=my_customer', { bearer: token });
    expect(first.body).toMatchObject({ kind: 'admin#directory#users' });
    expect(first.body.users).toHaveLength(100);
    expect(first.body.etag).toMatch(/^"[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+"$/);
    expect(typeof first.body.nextPageToken).toBe('string');
    expect(((await f.json('/users?customer=my_customer&maxResults=500', { bearer: token })).body.users as Obj[]).length).toBe(500);
    for (const bad of ['0', '501', 'lots']) {
      const { status, body } = await f.json(`/users?customer=my_customer&maxResults=${bad}`, { bearer: token });
      expect(status).toBe(400);
      expect(apiError(body).message).toBe(`Invalid value '${bad}'. Values must be within the range: [1, 500]`);
      expect(apiError(body).errors[0]).toMatchObject({ reason: 'invalid', location: 'maxResults', locationType: 'parameter' });
    }
  });

  it('walks every page to exactly the tenant, no token on the last page', async () => {
    const f = googleFixture(server, { shape: { users: 61 } });
    const { items, pages } = await walk(f, '/users?customer=my_customer&maxResults=20', 'users');
    expect(pages).toBe(4);
    expect(items.map((u) => u.id)).toEqual(users(f).map((u) => u.googleId));
  });

  it('refuses a tampered page token, or one from another listing, with 400 invalid', async () => {
    const f = googleFixture(server);
    const token = await f.token();
    const { body } = await f.json('/users?customer=my_customer&maxResults=5', { bearer: token });
    const next = body.nextPageToken as string;
    const tampered = await f.json(`/users?customer=my_customer&maxResults=5&pageToken=${next.slice(0, -3)}xyz`, { bearer: token });
    expect(tampered.status).toBe(400);
    expect(apiError(tampered.body)).toMatchObject({ message: 'Invalid Input: pageToken', errors: [{ reason: 'invalid' }] });
    expect((await f.call(`/users?customer=my_customer&maxResults=5&orderBy=email&pageToken=${next}`, { bearer: token })).status).toBe(400);
    expect((await f.call(`/groups?customer=my_customer&pageToken=${next}`, { bearer: token })).status).toBe(400);
  });

  it('sorts by the orderBy key in either direction', async () => {
    const f = googleFixture(server);
    const { items } = await walk(f, '/users?customer=my_customer&orderBy=familyName&sortOrder=DESCENDING&maxResults=7', 'users');
    const family = items.map((u) => (u.name as { familyName: string }).familyName.toLowerCase());
    expect(family).toEqual([...family].sort().reverse());
    expect(items).toHaveLength(30);
  });

  it('filters with query, and omits the array when nothing matches', async () => {
    const f = googleFixture(server);
    const suspended = users(f)
      .filter((u) => !u.enabled)
      .map((u) => u.googleId);
    expect(suspended.length).toBeGreaterThan(0);
    expect((await walk(f, '/users?customer=my_customer&query=isSuspended%3Dtrue', 'users')).items.map((u) => u.id)).toEqual(suspended);
    const one = users(f)[4]!;
    const prefix = one.mail.slice(0, 6);
    const byEmail = (await walk(f, `/users?customer=my_customer&query=${encodeURIComponent(`email:${prefix}*`)}`, 'users')).items;
    expect(byEmail.map((u) => u.id)).toContain(one.googleId);
    expect(byEmail.every((u) => (u.primaryEmail as string).startsWith(prefix))).toBe(true);
    const none = await f.json('/users?customer=my_customer&query=email%3Anobody*');
    expect(none.status).toBe(200);
    expect(Object.keys(none.body).sort()).toEqual(['etag', 'kind']);
    expect((await f.call('/users?customer=my_customer&query=manager%3Dx')).status).toBe(400);
    expect(Object.keys((await f.json('/users?customer=my_customer&showDeleted=true')).body).sort()).toEqual(['etag', 'kind']);
  });

  it('lists only in-domain users for domain=, guests living elsewhere', async () => {
    const f = googleFixture(server);
    const { items } = await walk(f, '/users?domain=contoso.test', 'users');
    expect(items.map((u) => u.id)).toEqual(
      users(f)
        .filter((u) => u.mail.endsWith('@contoso.test'))
        .map((u) => u.googleId),
    );
    expect(items.length).toBeLessThan(30);
  });

  it('renders users faithfully: admins, guests, suspension', async () => {
    const f = googleFixture(server);
    const token = await f.token();
    const get = async (key: string) => (await f.json(`/users/${encodeURIComponent(key)}`, { bearer: token })).body;
    const admin = await get(f.sim.credentials.adminEmail.toUpperCase());
    expect(admin).toMatchObject({
      kind: 'admin#directory#user',
      isAdmin: true,
      isDelegatedAdmin: false,
      customerId: f.sim.credentials.customerId,
      suspended: false,
    });
    expect(admin.etag).toMatch(/^".+\/.+"$/);
    const guest = users(f).find((u) => u.kind === 'guest')!;
    expect(await get(guest.googleId)).toMatchObject({
      id: guest.googleId,
      primaryEmail: guest.mail,
      isGuestUser: true,
      guestAccountInfo: { primaryGuestEmail: guest.mail },
      orgUnitPath: '/Guests',
    });
    const off = users(f).find((u) => !u.enabled)!;
    expect(await get(off.mail)).toMatchObject({
      suspended: true,
      suspensionReason: 'ADMIN',
      name: { givenName: expect.any(String), familyName: expect.any(String), fullName: expect.any(String) },
    });
    const missing = await f.json(`/users/${users(f)[0]!.objectId}`, { bearer: token });
    expect(missing.status).toBe(404);
    expect(apiError(missing.body)).toMatchObject({ message: 'Resource Not Found: userKey', errors: [{ reason: 'notFound' }], status: 'NOT_FOUND' });
  });

  it('pretty-prints like Google unless prettyPrint=false', async () => {
    const f = googleFixture(server);
    const token = await f.token();
    expect(await (await f.call('/users?customer=my_customer&maxResults=1', { bearer: token })).text()).toMatch(
      /^\{\n {2}"kind": "admin#directory#users",\n {2}"etag"/,
    );
    expect(await (await f.call('/users?customer=my_customer&maxResults=1&prettyPrint=false', { bearer: token })).text()).toMatch(
      /^\{"kind":"admin#directory#users","etag"/,
    );
  });
});

describe('groups and members', () => {
  it('lists groups up to 200 a page and a group by email or id', async () => {
    const f = googleFixture(server);
    const token = await f.token();
    expect((await f.call('/groups?customer=my_customer&maxResults=201', { bearer: token })).status).toBe(400);
    const { body } = await f.json('/groups?customer=my_customer', { bearer: token });
    const group = f.tenant.group(2)!;
    const listed = (body.groups as Obj[]).find((g) => g.id === group.googleId)!;
    expect(listed).toMatchObject({ kind: 'admin#directory#group', email: group.mail, name: group.displayName, adminCreated: true });
    expect(listed.directMembersCount).toBe(String(f.tenant.members(2, { limit: 10_000 }).items.length));
    expect((await f.json(`/groups/${group.mail.toUpperCase()}`, { bearer: token })).body.id).toBe(group.googleId);
    const missing = await f.json('/groups/nope@contoso.test', { bearer: token });
    expect(apiError(missing.body)).toMatchObject({ code: 404, message: 'Resource Not Found: groupKey' });
  });

  it('lists the groups a user belongs to with userKey, never together with customer', async () => {
    const f = googleFixture(server);
    const member = users(f).find((u) => f.tenant.memberOf('user', u.seq).length >= 2)!;
    const expected = f.tenant.memberOf('user', member.seq).map((m) => f.tenant.group(m.groupSeq)!.googleId);
    const { items } = await walk(f, `/groups?userKey=${encodeURIComponent(member.mail)}`, 'groups');
    expect(items.map((g) => g.id)).toEqual(expected);
    expect((await f.call(`/groups?userKey=${member.googleId}&customer=my_customer`)).status).toBe(400);
  });

  it('shows members with types, roles and statuses, and filters by role', async () => {
    const f = googleFixture(server);
    const group = mixedGroup(f);
    const { body } = await f.json(`/groups/${group.googleId}/members`);
    expect(body.kind).toBe('admin#directory#members');
    const members = body.members as Obj[];
    const expected = f.tenant.members(group.seq, { limit: 10_000 }).items;
    expect(members).toHaveLength(expected.length);
    expect(new Set(members.map((m) => m.type))).toEqual(new Set(['USER', 'GROUP']));
    const nested = members.find((m) => m.type === 'GROUP')!;
    expect(nested).toMatchObject({
      kind: 'admin#directory#member',
      role: 'MEMBER',
      status: 'ACTIVE',
      email: expect.stringMatching(/@contoso\.test$/),
    });
    const owners = new Set(f.tenant.owners(group.seq).map((u) => u.googleId));
    for (const m of members) expect(m.role).toBe(owners.has(m.id as string) ? 'OWNER' : 'MEMBER');
    const onlyOwners = (await f.json(`/groups/${group.googleId}/members?roles=OWNER`)).body.members as Obj[] | undefined;
    expect((onlyOwners ?? []).map((m) => m.id)).toEqual(members.filter((m) => m.role === 'OWNER').map((m) => m.id));
    expect((await f.call(`/groups/${group.googleId}/members?roles=BOSS`)).status).toBe(400);
    expect((await f.call(`/groups/${group.googleId}/members?maxResults=201`)).status).toBe(400);
  });

  it('includes nested groups members once with includeDerivedMembership', async () => {
    const f = googleFixture(server);
    const group = mixedGroup(f);
    const direct = (await walk(f, `/groups/${group.googleId}/members`, 'members')).items;
    const derived = (await walk(f, `/groups/${group.googleId}/members?includeDerivedMembership=true&maxResults=5`, 'members')).items;
    const child = direct.find((m) => m.type === 'GROUP')!;
    const childMembers = (await walk(f, `/groups/${child.id as string}/members`, 'members')).items;
    const ids = derived.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of [...direct, ...childMembers]) expect(ids).toContain(m.id);
  });
});

describe('roles and role assignments', () => {
  it('pages roles up to 100 and assignments up to 200, for this customer only', async () => {
    const f = googleFixture(server);
    const token = await f.token();
    const roles = await f.json('/customer/my_customer/roles?maxResults=3', { bearer: token });
    expect(roles.body).toMatchObject({ kind: 'admin#directory#roles' });
    expect(roles.body.items).toHaveLength(3);
    expect((roles.body.items as Obj[])[0]).toMatchObject({
      kind: 'admin#directory#role',
      roleName: '_SEED_ADMIN_ROLE',
      isSystemRole: true,
      isSuperAdminRole: true,
    });
    expect((await f.call('/customer/my_customer/roles?maxResults=101', { bearer: token })).status).toBe(400);
    expect((await f.call('/customer/my_customer/roleassignments?maxResults=201', { bearer: token })).status).toBe(400);
    expect((await f.call('/customer/C0zzzzzzz/roles', { bearer: token })).status).toBe(403);
    const all = await walk(f, `/customer/${f.sim.credentials.customerId}/roleassignments?maxResults=4`, 'items', token);
    expect(all.items[0]).toMatchObject({
      kind: 'admin#directory#roleAssignment',
      scopeType: 'CUSTOMER',
      assigneeType: expect.stringMatching(/^(user|group)$/),
    });
    expect(all.items.every((a) => /^\d+$/.test(a.roleAssignmentId as string))).toBe(true);
  });

  it('filters assignments by roleId and userKey', async () => {
    const f = googleFixture(server);
    const token = await f.token();
    const role = f.tenant.role(f.tenant.roleAssignments({ limit: 1 }).items[0]!.roleSeq)!;
    const byRole = await walk(f, `/customer/my_customer/roleassignments?roleId=${role.googleId}`, 'items', token);
    expect(byRole.items.length).toBeGreaterThan(0);
    expect(byRole.items.every((a) => a.roleId === role.googleId)).toBe(true);
    const admin = f.sim.credentials.adminEmail;
    const mine = await walk(f, `/customer/my_customer/roleassignments?userKey=${encodeURIComponent(admin)}`, 'items', token);
    const adminId = (await f.json(`/users/${admin}`, { bearer: token })).body.id;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((a) => a.assignedTo === adminId)).toBe(true);
    expect((await f.call('/customer/my_customer/roleassignments?userKey=nobody@contoso.test', { bearer: token })).status).toBe(404);
  });
});

describe('membership writes', () => {
  const memberScope = { scope: scope('admin.directory.group.member') };

  it('are refused without writeBack (403 forbidden) and with a read-only token (403 insufficientPermissions)', async () => {
    const off = googleFixture(server, { sim: { grantedScopes: [scope('admin.directory.group.member')] } });
    const refused = await off.json(`/groups/${off.tenant.group(1)!.googleId}/members`, {
      method: 'POST',
      body: { email: off.sim.credentials.adminEmail },
      bearer: await off.token(memberScope),
    });
    expect(refused.status).toBe(403);
    expect(apiError(refused.body).errors[0]!.reason).toBe('forbidden');
    const on = googleFixture(server, { sim: { writeBack: true } });
    const readOnly = await on.json(`/groups/${on.tenant.group(1)!.googleId}/members`, {
      method: 'POST',
      body: { email: on.sim.credentials.adminEmail },
      bearer: await on.token({ scope: scope('admin.directory.group.member.readonly') }),
    });
    expect(readOnly.status).toBe(403);
    expect(apiError(readOnly.body).errors[0]!.reason).toBe('insufficientPermissions');
  });

  it('add answers the member, a repeat 409 duplicate; delete 204 with no body, a repeat 404', async () => {
    const f = googleFixture(server, { sim: { writeBack: true } });
    const token = await f.token(memberScope);
    const group = f.tenant.group(2)!;
    const current = new Set(
      f.tenant
        .members(2, { limit: 10_000 })
        .items.filter((m) => m.memberType === 'user')
        .map((m) => m.memberSeq),
    );
    const newcomer = users(f).find((u) => !current.has(u.seq))!;
    const added = await f.json(`/groups/${group.mail}/members`, { method: 'POST', body: { email: newcomer.mail, role: 'MEMBER' }, bearer: token });
    expect(added.status).toBe(200);
    expect(added.response.headers.get('content-type')).toBe(DIRECTORY_JSON);
    expect(added.body).toMatchObject({ kind: 'admin#directory#member', id: newcomer.googleId, email: newcomer.mail, role: 'MEMBER', type: 'USER' });
    const again = await f.json(`/groups/${group.mail}/members`, { method: 'POST', body: { id: newcomer.googleId }, bearer: token });
    expect(again.status).toBe(409);
    expect(apiError(again.body)).toMatchObject({ message: 'Member already exists.', errors: [{ reason: 'duplicate' }], status: 'ALREADY_EXISTS' });
    const removed = await f.call(`/groups/${group.googleId}/members/${newcomer.mail}`, { method: 'DELETE', bearer: token });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    const gone = await f.json(`/groups/${group.googleId}/members/${newcomer.mail}`, { method: 'DELETE', bearer: token });
    expect(gone.status).toBe(404);
    expect(apiError(gone.body).message).toBe('Resource Not Found: memberKey');
    expect(f.ctx.journal.query({ route: /^google\.members\.(insert|delete)$/ }).map((e) => e.status)).toEqual([200, 409, 204, 404]);
  });

  it('refuses unknown members, roles it cannot store, and membership cycles', async () => {
    const f = googleFixture(server, { sim: { writeBack: true } });
    const token = await f.token(memberScope);
    const group = mixedGroup(f);
    const post = (body: Obj, g = group.googleId) => f.json(`/groups/${g}/members`, { method: 'POST', body, bearer: token });
    expect((await post({ email: 'stranger@elsewhere.test' })).status).toBe(404);
    expect((await post({ email: f.sim.credentials.adminEmail, role: 'OWNER' })).status).toBe(400);
    expect((await post({ email: group.mail })).status).toBe(400);
    const child = f.tenant.members(group.seq, { limit: 10_000 }).items.find((m) => m.memberType === 'group')!;
    expect((await post({ email: group.mail }, f.tenant.group(child.memberSeq)!.googleId)).status).toBe(400);
  });
});

describe('faults in the Directory dialect', () => {
  it('renders throttle reasons with their statuses and server errors as backendError', async () => {
    const f = googleFixture(server, {
      faults: [
        'throttle:route=google.users.list,count=1,reason=quotaExceeded',
        'throttle:route=google.groups.list,count=1,reason=rateLimitExceeded',
        'server-error:route=google.roles.list,count=1,status=503',
      ],
    });
    const token = await f.token();
    const quota = await f.json('/users?customer=my_customer', { bearer: token });
    expect(quota.status).toBe(403);
    expect(quota.response.headers.get('content-type')).toBe(DIRECTORY_JSON);
    expect(apiError(quota.body).errors[0]).toMatchObject({ reason: 'quotaExceeded', domain: 'usageLimits' });
    const rate = await f.json('/groups?customer=my_customer', { bearer: token });
    expect(rate.status).toBe(429);
    expect(apiError(rate.body)).toMatchObject({ status: 'RESOURCE_EXHAUSTED', errors: [{ reason: 'rateLimitExceeded' }] });
    const down = await f.json('/customer/my_customer/roles', { bearer: token });
    expect(down.status).toBe(503);
    expect(apiError(down.body)).toMatchObject({ status: 'UNAVAILABLE', errors: [{ reason: 'backendError' }] });
    expect(f.ctx.journal.query({ provider: 'google', fault: true }).map((e) => e.status)).toEqual([403, 429, 503]);
  });
});
