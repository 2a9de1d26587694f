/**
 * Graph on the wire: token validation, permissions, query options and their errors, envelopes and
 * headers, the role and app endpoints, and membership writes.
 */
import { SignJWT, generateKeyPair } from 'jose';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_JSON } from '../mocks/entra/index.js';
import { entraFixture, graphError, type EntraFixture } from '../mocks/entra/test-support/entra-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const EVENTUAL = { ConsistencyLevel: 'eventual' };
type Obj = Record<string, unknown>;

/** A group with both user and group members (needs nesting in the shape). */
function mixedGroup(f: EntraFixture) {
  for (let seq = 1; seq <= f.tenant.counts().groups; seq++) {
    const types = new Set(f.tenant.members(seq, { limit: 10_000 }).items.map((m) => m.memberType));
    if (types.size === 2) return f.tenant.group(seq)!;
  }
  throw new Error('no group with both user and group members in this tenant');
}

function groups(f: EntraFixture) {
  return Array.from({ length: f.tenant.counts().groups }, (_, i) => f.tenant.group(i + 1)!);
}

function users(f: EntraFixture) {
  return Array.from({ length: f.tenant.counts().users }, (_, i) => f.tenant.user(i + 1)!);
}

describe('bearer validation', () => {
  it('answers a missing token with 401 "Access token is empty." and the WWW-Authenticate header', async () => {
    const f = entraFixture(server);
    const response = await fetch('https://graph.microsoft.com/v1.0/users');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    );
    const error = graphError((await response.json()) as Obj);
    expect(error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect(f.ctx.journal.query({ route: 'graph.users.list', status: 401 })).toHaveLength(1);
  });

  it('refuses garbage and tokens signed by another key', async () => {
    const f = entraFixture(server);
    const garbage = graphError((await f.json('/v1.0/users', {}, 'not-a-jwt')).body);
    expect(garbage.message).toBe('CompactToken parsing failed with error code: 80049217');
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ aud: 'https://graph.microsoft.com', tid: f.sim.credentials.tenantId, roles: ['Directory.Read.All'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const { status, body } = await f.json('/v1.0/users', {}, forged);
    expect(status).toBe(401);
    expect(graphError(body).code).toBe('InvalidAuthenticationToken');
  });

  it('judges expiry by the simulation clock', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const f = entraFixture(server, { clock: () => now });
    const token = await f.token();
    expect((await f.get('/v1.0/users', {}, token)).status).toBe(200);
    now = new Date('2030-01-01T02:00:00Z');
    const { status, body, response } = await f.json('/v1.0/users', {}, token);
    expect(status).toBe(401);
    expect(graphError(body).message).toBe('Lifetime validation failed, the token is expired.');
    // The Date header stays real time: SDKs (MSAL, AWS) read it to correct their clocks.
    expect(Math.abs(Date.parse(response.headers.get('date')!) - Date.now())).toBeLessThan(5_000);
  });

  it('once the secret expires mid-run, rejects tokens issued before and refuses new ones', async () => {
    // Call 1 is the token request, call 2 a Graph read; from call 3 on the secret is expired.
    const f = entraFixture(server, { faults: ['expired-secret:from=3'] });
    const token = await f.token();
    expect((await f.get('/v1.0/users', {}, token)).status).toBe(200);
    const { status, body } = await f.json('/v1.0/users', {}, token);
    expect(status).toBe(401);
    expect(graphError(body).message).toBe('Lifetime validation failed, the token is expired.');
    const refused = (await (await f.requestToken()).json()) as { error_codes: number[] };
    expect(refused.error_codes).toEqual([7000222]);
  });
});

describe('permissions', () => {
  it('lets Directory.Read.All read everything', async () => {
    const f = entraFixture(server, { sim: { grantedPermissions: ['Directory.Read.All'] } });
    for (const path of [
      '/v1.0/users',
      '/v1.0/groups',
      '/v1.0/directoryRoles',
      '/v1.0/servicePrincipals',
      '/v1.0/roleManagement/directory/roleAssignments',
    ]) {
      expect((await f.get(path)).status, path).toBe(200);
    }
  });

  it('refuses every read to an app nobody consented for, though its token was issued', async () => {
    const f = entraFixture(server, { sim: { grantedPermissions: [] } });
    const { status, body } = await f.json('/v1.0/users');
    expect(status).toBe(403);
    expect(graphError(body)).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
  });

  it('applies partial-consent by removing the named permission', async () => {
    const f = entraFixture(server, { faults: ['partial-consent:route=graph.users.*,missing=User.Read.All'] });
    expect((await f.get('/v1.0/users')).status).toBe(403);
    expect((await f.get('/v1.0/groups')).status).toBe(200);
    expect(f.ctx.journal.query({ route: 'graph.users.list' })[0]!.fault).toBe('partial-consent:route=graph.users.*,missing=User.Read.All');
  });

  it('shows group members in full with GroupMember.Read.All and users as limited information', async () => {
    const f = entraFixture(server, { shape: { nestedGroupRatio: 0.5 }, sim: { grantedPermissions: ['GroupMember.Read.All'] } });
    const { body } = await f.json(`/v1.0/groups/${mixedGroup(f).objectId}/members`);
    const members = body.value as Obj[];
    const group = members.find((m) => m['@odata.type'] === '#microsoft.graph.group')!;
    const user = members.find((m) => m['@odata.type'] === '#microsoft.graph.user')!;
    expect(typeof group.displayName).toBe('string');
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.entries(user).filter(([k, v]) => v !== null && k !== 'id' && k !== '@odata.type')).toEqual([]);
    expect((await f.get('/v1.0/users')).status).toBe(403);
  });
});

describe('list envelopes and query options', () => {
  it('answers with the exact content type, request ids and the echoed client-request-id', async () => {
    const f = entraFixture(server);
    const response = await f.get('/v1.0/users?$top=2', { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' });
    expect(response.headers.get('content-type')).toBe(GRAPH_JSON);
    expect(response.headers.get('client-request-id')).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(response.headers.get('x-ms-ags-diagnostic')!)).toHaveProperty('ServerInfo');
    expect(response.headers.get('x-ms-resource-unit')).toBe('1');
  });

  it('returns the default user properties unless $select says otherwise', async () => {
    const f = entraFixture(server);
    const { body } = await f.json('/v1.0/users?$top=1');
    expect(Object.keys((body.value as Obj[])[0]!).sort()).toEqual(
      [
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    expect(body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users');
  });

  it('repeats every original option in an absolute nextLink', async () => {
    const f = entraFixture(server);
    // A first letter at least two users share, so the filtered listing has a second page.
    const initials = users(f).map((u) => u.displayName[0]!);
    const letter = initials.find((c, i) => initials.indexOf(c) !== i)!;
    const { body } = await f.json(`/v1.0/users?$top=1&$select=id,displayName&$filter=startswith(displayName,'${letter}')`);
    const next = new URL(body['@odata.nextLink'] as string);
    expect(`${next.origin}${next.pathname}`).toBe('https://graph.microsoft.com/v1.0/users');
    expect(next.searchParams.get('$top')).toBe('1');
    expect(next.searchParams.get('$select')).toBe('id,displayName');
    expect(next.searchParams.get('$filter')).toBe(`startswith(displayName,'${letter}')`);
    expect(next.searchParams.get('$skiptoken')).toMatch(/^RFNwdAIA/);
    const second = await f.json(body['@odata.nextLink'] as string);
    expect(second.body.value).toHaveLength(1);
    expect(((second.body.value as Obj[])[0]!.displayName as string).startsWith(letter)).toBe(true);
  });

  it('refuses $top outside 1..999 and $skip', async () => {
    const f = entraFixture(server);
    expect(graphError((await f.json('/v1.0/users?$top=1000')).body)).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    });
    expect(graphError((await f.json('/v1.0/users?$skip=10')).body).code).toBe('Request_BadRequest');
  });

  it('rejects an unknown $select property', async () => {
    const f = entraFixture(server);
    const { status, body } = await f.json('/v1.0/users?$select=id,shoeSize');
    expect(status).toBe(400);
    expect(graphError(body).message).toBe("Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
  });

  it('filters with basic eq on userType and accountEnabled without ConsistencyLevel', async () => {
    const f = entraFixture(server);
    const guests = await f.json("/v1.0/users?$filter=userType eq 'Guest'&$select=id,userType");
    expect((guests.body.value as Obj[]).length).toBeGreaterThan(0);
    expect((guests.body.value as Obj[]).every((u) => u.userType === 'Guest')).toBe(true);
    const disabled = await f.json('/v1.0/users?$filter=accountEnabled eq false&$select=accountEnabled');
    expect((disabled.body.value as Obj[]).every((u) => u.accountEnabled === false)).toBe(true);
  });

  it.each([
    ["$filter=userType ne 'Guest'", "Filter operator 'NotEqualsMatch' is not supported."],
    ["$filter=endswith(mail,'@contoso.test')", 'Unsupported Query.'],
    [
      '$search="displayName:ada"',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    ],
    ["$filter=startswith(displayName,'A')&$orderby=displayName", 'Sorting not supported for current query.'],
    ["$filter=department eq 'Sales'", "Unsupported or invalid query filter clause specified for property 'department' of resource 'User'."],
  ])('refuses the advanced query %s without ConsistencyLevel', async (query, message) => {
    const f = entraFixture(server);
    const { status, body } = await f.json(`/v1.0/users?${query}`);
    expect(status).toBe(400);
    expect(graphError(body)).toMatchObject({ code: 'Request_UnsupportedQuery', message });
  });

  it('serves advanced queries with ConsistencyLevel: eventual and $count=true, counting on the first page only', async () => {
    const f = entraFixture(server, { shape: { users: 60 } });
    const first = await f.json("/v1.0/users?$filter=userType ne 'Guest'&$count=true&$top=20&$select=id,userType", EVENTUAL);
    expect(first.status).toBe(200);
    const members = users(f).filter((u) => u.kind !== 'guest' && u.kind !== 'external');
    expect(first.body['@odata.count']).toBe(members.length);
    const second = await f.json(first.body['@odata.nextLink'] as string, EVENTUAL);
    expect(second.body).not.toHaveProperty('@odata.count');
    expect((second.body.value as Obj[]).every((u) => u.userType === 'Member')).toBe(true);
  });

  it('ignores $count=true without the header, as the directory does', async () => {
    const f = entraFixture(server);
    const { status, body } = await f.json('/v1.0/users?$count=true&$top=1');
    expect(status).toBe(200);
    expect(body).not.toHaveProperty('@odata.count');
  });

  it('searches and orders in an advanced query', async () => {
    const f = entraFixture(server);
    const given = f.tenant.user(1)!.givenName;
    const { body } = await f.json(
      `/v1.0/users?$search="displayName:${given.slice(0, 3)}"&$count=true&$orderby=displayName desc&$select=displayName`,
      EVENTUAL,
    );
    const names = (body.value as Obj[]).map((u) => u.displayName as string);
    expect(names).toContain(f.tenant.user(1)!.displayName);
    expect(names.every((n) => n.split(/\s+/).some((w) => w.toLowerCase().startsWith(given.slice(0, 3).toLowerCase())))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())));
  });

  it('serves /users/$count as text/plain only with ConsistencyLevel: eventual', async () => {
    const f = entraFixture(server);
    const refused = await f.json('/v1.0/users/$count');
    expect(graphError(refused.body)).toMatchObject({ code: 'Request_BadRequest', message: '$count is not currently supported.' });
    const counted = await f.get('/v1.0/users/$count', EVENTUAL);
    expect(counted.headers.get('content-type')).toBe('text/plain;charset=utf-8');
    expect(await counted.text()).toBe(String(f.tenant.counts().users));
    const named = f.tenant.group(2)!.displayName;
    const groups = await f.get(`/v1.0/groups/$count?$filter=displayName eq '${named.replace(/'/g, "''")}'`, EVENTUAL);
    expect(await groups.text()).toBe('1');
  });

  it('refuses a tampered or foreign skiptoken with Directory_ExpiredPageToken', async () => {
    const f = entraFixture(server);
    const { body } = await f.json('/v1.0/users?$top=5');
    const next = new URL(body['@odata.nextLink'] as string);
    const token = next.searchParams.get('$skiptoken')!;
    const tampered = await f.json(`/v1.0/users?$top=5&$skiptoken=${token.slice(0, -2)}AA`);
    expect(tampered.status).toBe(400);
    expect(graphError(tampered.body)).toMatchObject({
      code: 'Directory_ExpiredPageToken',
      message: 'The specified page token value has expired and can no longer be included in your request.',
    });
    const foreign = await f.json(`/v1.0/groups?$skiptoken=${token}`);
    expect(graphError(foreign.body).code).toBe('Directory_ExpiredPageToken');
  });

  it('builds every link from the serving base', async () => {
    const f = entraFixture(server, { sim: { bases: { login: 'http://127.0.0.1:4010', graph: 'http://127.0.0.1:4010' } } });
    const { body } = await f.json('/beta/users?$top=3');
    expect(body['@odata.context']).toBe('http://127.0.0.1:4010/beta/$metadata#users');
    expect(body['@odata.nextLink']).toMatch(/^http:\/\/127\.0\.0\.1:4010\/beta\/users\?\$top=3&\$skiptoken=/);
  });
});

describe('single objects, members and owners', () => {
  it('gets a user by id or UPN, and 404s an unknown one', async () => {
    const f = entraFixture(server);
    const user = f.tenant.user(4)!;
    const byId = await f.json(`/v1.0/users/${user.objectId}?$select=id,userPrincipalName`);
    expect(byId.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName)/$entity',
      id: user.objectId,
      userPrincipalName: user.userPrincipalName,
    });
    expect((await f.json(`/v1.0/users/${encodeURIComponent(user.userPrincipalName)}`)).body.id).toBe(user.objectId);
    const missing = await f.json('/v1.0/users/00000000-1111-4222-8333-444444444444');
    expect(missing.status).toBe(404);
    expect(graphError(missing.body)).toMatchObject({
      code: 'Request_ResourceNotFound',
      message: "Resource '00000000-1111-4222-8333-444444444444' does not exist or one of its queried reference-property objects are not present.",
    });
  });

  it('casts members to users or groups and lists transitive members once each', async () => {
    const f = entraFixture(server, { shape: { users: 30, groups: 8, nestedGroupRatio: 0.5 } });
    const parent = mixedGroup(f);
    const all = (await f.json(`/v1.0/groups/${parent.objectId}/members`)).body.value as Obj[];
    const users = await f.json(`/v1.0/groups/${parent.objectId}/members/microsoft.graph.user`);
    expect(users.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users');
    expect((users.body.value as Obj[]).map((u) => u.id)).toEqual(all.filter((m) => m['@odata.type'] === '#microsoft.graph.user').map((m) => m.id));
    expect(all.some((m) => m['@odata.type'] === '#microsoft.graph.group')).toBe(true);
    // Expected closure computed from the store directly, through every nesting level.
    const reachable = new Set<string>();
    const visit = (groupSeq: number) => {
      for (const m of f.tenant.members(groupSeq, { limit: 999 }).items) {
        const id = m.memberType === 'user' ? f.tenant.user(m.memberSeq)!.objectId : f.tenant.group(m.memberSeq)!.objectId;
        if (reachable.has(id)) continue;
        reachable.add(id);
        if (m.memberType === 'group') visit(m.memberSeq);
      }
    };
    visit(parent.seq);
    const transitive = (await f.json(`/v1.0/groups/${parent.objectId}/transitiveMembers?$select=id`)).body.value as Obj[];
    const ids = transitive.map((m) => m.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(reachable);
    expect(ids.length).toBeGreaterThan(all.length);
  });

  it('lists owners as directory objects', async () => {
    const f = entraFixture(server);
    const { body } = await f.json(`/beta/groups/${f.tenant.group(3)!.objectId}/owners?$select=id`);
    expect(body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#directoryObjects(id)');
    expect((body.value as Obj[])[0]).toEqual({ '@odata.type': '#microsoft.graph.user', id: f.tenant.owners(3)[0]!.objectId });
  });
});

describe('roles and apps', () => {
  it('lists only activated directory roles, unpaged, and refuses $top', async () => {
    const f = entraFixture(server, { shape: { roles: 4 } });
    const { body } = await f.json('/v1.0/directoryRoles');
    const activated = f.tenant.roles().filter((r) => r.activated);
    expect((body.value as Obj[]).map((r) => r.roleTemplateId)).toEqual(activated.map((r) => r.templateId));
    expect(body).not.toHaveProperty('@odata.nextLink');
    const refused = await f.json('/v1.0/directoryRoles?$top=1');
    expect(graphError(refused.body)).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message: 'This resource does not support custom page sizes. Please retry without a page size argument.',
    });
  });

  it("lists a role's members", async () => {
    const f = entraFixture(server);
    const role = f.tenant.roles().find((r) => r.activated && f.tenant.roleAssignments({ limit: 99 }, { roleSeq: r.seq }).items.length > 0)!;
    const { body } = await f.json(`/v1.0/directoryRoles/${role.objectId}/members?$select=id`);
    expect((body.value as Obj[]).length).toBeGreaterThan(0);
    expect((body.value as Obj[]).every((m) => typeof m['@odata.type'] === 'string')).toBe(true);
  });

  it('filters role assignments by roleDefinitionId and expands the principal', async () => {
    const f = entraFixture(server);
    const role = f.tenant.role(2)!;
    const expected = f.tenant.roleAssignments({ limit: 999 }, { roleSeq: 2 }).items.length;
    const { body } = await f.json(
      `/v1.0/roleManagement/directory/roleAssignments?$filter=roleDefinitionId eq '${role.templateId}'&$expand=principal`,
    );
    expect(body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignments(principal())');
    const value = body.value as Obj[];
    expect(value).toHaveLength(expected);
    for (const a of value) {
      expect(a.roleDefinitionId).toBe(role.templateId);
      expect((a.principal as Obj).id).toBe(a.principalId);
      expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}-1$/);
    }
  });

  it('lists service principals and who is assigned to their app roles', async () => {
    const f = entraFixture(server);
    const sps = (await f.json('/v1.0/servicePrincipals?$select=id,appId,appRoles')).body.value as Obj[];
    expect(sps).toHaveLength(f.tenant.counts().apps);
    const sp = sps[0]!;
    expect((sp.appRoles as Obj[]).every((r) => r.id !== '00000000-0000-0000-0000-000000000000')).toBe(true);
    const { body } = await f.json(`/v1.0/servicePrincipals/${sp.id}/appRoleAssignedTo`);
    expect(body['@odata.context']).toBe(`https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('${sp.id}')/appRoleAssignedTo`);
    const assigned = body.value as Obj[];
    expect(assigned.length).toBeGreaterThan(0);
    expect(assigned.every((a) => a.resourceId === sp.id && ['User', 'Group'].includes(a.principalType as string))).toBe(true);
  });
});

describe('membership writes', () => {
  async function write(f: ReturnType<typeof entraFixture>, method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> {
    return fetch(`https://graph.microsoft.com/v1.0${path}`, {
      method,
      headers: { authorization: `Bearer ${await f.token()}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  it('refuses writes when write-back is off, whatever the token grants', async () => {
    const f = entraFixture(server, { sim: { grantedPermissions: ['Directory.ReadWrite.All'] } });
    const group = f.tenant.group(1)!;
    const member = f.tenant.members(1, { limit: 1 }).items[0]!;
    expect(member.memberType).toBe('user');
    const response = await write(f, 'DELETE', `/groups/${group.objectId}/members/${f.tenant.user(member.memberSeq)!.objectId}/$ref`);
    expect(response.status).toBe(403);
    expect(f.tenant.members(1, { limit: 999 }).items).toContainEqual(member);
  });

  it('refuses to change a distribution list', async () => {
    const f = entraFixture(server, { shape: { groups: 20 }, sim: { writeBack: true } });
    const list = groups(f).find((g) => g.kind === 'distribution')!;
    const response = await write(f, 'POST', `/groups/${list.objectId}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${f.tenant.user(2)!.objectId}`,
    });
    expect(response.status).toBe(400);
    expect(graphError((await response.json()) as Obj).message).toBe('Cannot Update a mail-enabled security groups and or distribution list.');
  });

  it('refuses to make a group a member of itself', async () => {
    const f = entraFixture(server, { sim: { writeBack: true } });
    const group = groups(f).find((g) => g.kind === 'security')!;
    const response = await write(f, 'POST', `/groups/${group.objectId}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${group.objectId}`,
    });
    expect(response.status).toBe(400);
    expect(graphError((await response.json()) as Obj).code).toBe('Request_BadRequest');
  });

  it('refuses writes without a write permission', async () => {
    const f = entraFixture(server, { sim: { writeBack: true, grantedPermissions: ['Directory.Read.All'] } });
    const response = await write(f, 'POST', `/groups/${f.tenant.group(2)!.objectId}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${f.tenant.user(2)!.objectId}`,
    });
    expect(response.status).toBe(403);
  });

  it('adds and removes a member with 204, and reports duplicates and absentees', async () => {
    const f = entraFixture(server, { sim: { writeBack: true } });
    const group = groups(f).find((g) => g.kind === 'security')!;
    const outsider = users(f).find((u) => !f.tenant.memberOf('user', u.seq).some((m) => m.groupSeq === group.seq))!;
    const ref = { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${outsider.objectId}` };
    expect((await write(f, 'POST', `/groups/${group.objectId}/members/$ref`, ref)).status).toBe(204);
    const again = await write(f, 'POST', `/groups/${group.objectId}/members/$ref`, ref);
    expect(again.status).toBe(400);
    expect(graphError((await again.json()) as Obj).message).toBe(
      "One or more added object references already exist for the following modified properties: 'members'.",
    );
    expect((await write(f, 'DELETE', `/groups/${group.objectId}/members/${outsider.objectId}/$ref`)).status).toBe(204);
    expect((await write(f, 'DELETE', `/groups/${group.objectId}/members/${outsider.objectId}/$ref`)).status).toBe(404);
  });
});
