/**
 * The SCIM provider on the wire, through plain fetch: bearer auth, ListResponse paging with 1-based
 * startIndex, filters, projection, resource shapes, discovery documents, membership PATCH, and how the
 * generic and credential faults look in SCIM's dialect.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCIM_JSON, SCIM_URN } from '../mocks/scim/index.js';
import { scimFixture, type Json, type ScimFixture } from '../mocks/scim/test-support/scim-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Resources = Array<Json & { id: string }>;

function users(f: ScimFixture) {
  return Array.from({ length: f.tenant.counts().users }, (_, i) => f.tenant.user(i + 1)!);
}

function groups(f: ScimFixture) {
  return Array.from({ length: f.tenant.counts().groups }, (_, i) => f.tenant.group(i + 1)!);
}

/** Every direct member of a group, as the store has it. */
function membersOf(f: ScimFixture, groupSeq: number) {
  return f.tenant.members(groupSeq, { limit: 10_000 }).items;
}

/** Asserts the SCIM error shape and returns its body. */
async function expectScimError(response: Response, status: number, scimType?: string): Promise<Json> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe(SCIM_JSON);
  const body = (await response.json()) as Json;
  expect(body.schemas).toEqual([SCIM_URN.error]);
  expect(body.status).toBe(String(status));
  expect(typeof body.detail).toBe('string');
  expect(body.scimType).toBe(scimType);
  return body;
}

describe('where it is served', () => {
  it('puts the SCIM root under the given base and path, and every location on it', async () => {
    const f = scimFixture(server, { sim: { base: 'http://scim.internal.test:8443/', path: 'tenant-a/scim' } });
    expect(f.baseUrl).toBe('http://scim.internal.test:8443/tenant-a/scim');
    const { body } = await f.json('/Users?count=1');
    const user = (body.Resources as Resources)[0]!;
    expect((user.meta as Json).location).toBe(`http://scim.internal.test:8443/tenant-a/scim/Users/${user.id}`);
    expect((await f.call('/Users', { bearer: null })).headers.get('www-authenticate')).toBe('Bearer realm="scim.internal.test:8443"');
  });
});

describe('bearer authentication', () => {
  it('answers a request without a token with 401, a bare Bearer challenge and a SCIM error whose status is a string', async () => {
    const f = scimFixture(server);
    const response = await f.call('/Users', { bearer: null });
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="scim.example.test"');
    const body = await expectScimError(response, 401);
    expect(JSON.stringify(body)).toContain('"status":"401"');
    expect(f.ctx.journal.query({ route: 'scim.users.list', status: 401 })).toHaveLength(1);
  });

  it('refuses a wrong token and a non-Bearer scheme', async () => {
    const f = scimFixture(server);
    const wrong = await f.call('/Users', { bearer: `${f.token}x` });
    expect(wrong.headers.get('www-authenticate')).toBe(
      'Bearer realm="scim.example.test", error="invalid_token", error_description="The access token is invalid"',
    );
    await expectScimError(wrong, 401);
    await expectScimError(await f.call('/Users', { bearer: null, headers: { authorization: `Basic ${f.token}` } }), 401);
    expect((await f.call('/Users')).status).toBe(200);
  });
});

describe('GET /Users paging', () => {
  it('pages through every user with startIndex/count and returns exactly the tenant set, in order', async () => {
    const f = scimFixture(server);
    const ids: string[] = [];
    for (let startIndex = 1; ; startIndex += 7) {
      const { status, body, response } = await f.json(`/Users?startIndex=${startIndex}&count=7`);
      expect(status).toBe(200);
      expect(response.headers.get('content-type')).toBe(SCIM_JSON);
      expect(body).toMatchObject({ schemas: [SCIM_URN.listResponse], totalResults: 30, startIndex });
      const page = body.Resources as Resources;
      expect(body.itemsPerPage).toBe(page.length);
      ids.push(...page.map((u) => u.id));
      if (startIndex + 7 > (body.totalResults as number)) break;
    }
    expect(ids).toEqual(users(f).map((u) => u.scimId));
    expect(f.ctx.journal.query({ route: 'scim.users.list' }).map((e) => e.items)).toEqual([7, 7, 7, 7, 2]);
  });

  it('treats startIndex below 1 as 1 and negative count as 0 (totals only, no Resources)', async () => {
    const f = scimFixture(server);
    const first = (await f.json('/Users?startIndex=-4&count=3')).body;
    expect(first.startIndex).toBe(1);
    expect((first.Resources as Resources).map((u) => u.id)).toEqual(
      users(f)
        .slice(0, 3)
        .map((u) => u.scimId),
    );
    const totals = (await f.json('/Users?count=-1')).body;
    expect(totals).toEqual({ schemas: [SCIM_URN.listResponse], totalResults: 30, startIndex: 1, itemsPerPage: 0 });
    expect((await f.json('/Users?count=0&filter=active eq false')).body.totalResults).toBe(users(f).filter((u) => !u.enabled).length);
  });

  it('caps count at 100, defaults to it, and answers past the end with an empty page', async () => {
    const f = scimFixture(server, { shape: { users: 130, groups: 3 } });
    const capped = (await f.json('/Users?count=1000')).body;
    expect(capped.itemsPerPage).toBe(100);
    expect((await f.json('/Users')).body.itemsPerPage).toBe(100);
    const rest = (await f.json('/Users?startIndex=101&count=100')).body;
    expect(rest.itemsPerPage).toBe(30);
    const past = (await f.json('/Users?startIndex=500')).body;
    expect(past).toMatchObject({ totalResults: 130, startIndex: 500, itemsPerPage: 0, Resources: [] });
  });

  it('refuses a startIndex that is not an integer with 400 invalidValue', async () => {
    const f = scimFixture(server);
    await expectScimError(await f.call('/Users?startIndex=two'), 400, 'invalidValue');
  });
});

describe('User resources', () => {
  it('render the tenant user with both schemas, the enterprise extension and an absolute meta.location', async () => {
    const f = scimFixture(server);
    const user = users(f).find((u) => u.kind === 'member')!;
    const { status, body, response } = await f.json(`/Users/${user.scimId}`);
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe(SCIM_JSON);
    expect(body).toEqual({
      schemas: [SCIM_URN.user, SCIM_URN.enterpriseUser],
      id: user.scimId,
      externalId: user.objectId,
      userName: user.userPrincipalName,
      name: { formatted: `${user.givenName} ${user.surname}`, familyName: user.surname, givenName: user.givenName },
      displayName: user.displayName,
      title: user.jobTitle,
      active: user.enabled,
      emails: [{ value: user.mail, type: 'work', primary: true }],
      [SCIM_URN.enterpriseUser]: { department: user.department },
      meta: {
        resourceType: 'User',
        created: user.createdAt,
        lastModified: user.createdAt,
        location: `${f.baseUrl}/Users/${user.scimId}`,
        version: expect.stringMatching(/^W\/"[0-9a-f]{16}"$/),
      },
    });
    const again = await f.json((body.meta as Json).location as string);
    expect(again.body.id).toBe(user.scimId);
  });

  it('answer an unknown id, and a known id in the wrong case (ids are caseExact), with a SCIM 404', async () => {
    const f = scimFixture(server);
    const body = await expectScimError(await f.call('/Users/does-not-exist'), 404);
    expect(body.detail).toBe('Resource does-not-exist not found');
    await expectScimError(await f.call(`/Users/${users(f)[0]!.scimId.toUpperCase()}`), 404);
  });

  it('project with attributes= (id and schemas always) and give direct groups only when asked', async () => {
    const f = scimFixture(server);
    const user = users(f).find((u) => f.tenant.memberOf('user', u.seq).length > 0)!;
    const { body } = await f.json(`/Users/${user.scimId}?attributes=userName,groups`);
    expect(Object.keys(body)).toEqual(['schemas', 'id', 'userName', 'groups']);
    const expected = f.tenant.memberOf('user', user.seq).map((m) => f.tenant.group(m.groupSeq)!.scimId);
    expect((body.groups as Resources).map((g) => g.value)).toEqual(expected);
    expect((body.groups as Resources)[0]).toMatchObject({ $ref: `${f.baseUrl}/Groups/${expected[0]}`, type: 'direct' });
    expect((await f.json(`/Users/${user.scimId}`)).body.groups).toBeUndefined();
  });
});

describe('filters', () => {
  const resources = async (f: ScimFixture, path: string) => {
    const { status, body } = await f.json(path);
    expect(status).toBe(200);
    return { total: body.totalResults as number, ids: ((body.Resources as Resources | undefined) ?? []).map((r) => r.id) };
  };
  const q = (filter: string, extra = '') => `/Users?filter=${encodeURIComponent(filter)}${extra}`;

  it('find a user by userName ignoring case, and by externalId exactly', async () => {
    const f = scimFixture(server);
    const user = users(f)[4]!;
    expect(await resources(f, q(`userName eq "${user.userPrincipalName.toUpperCase()}"`))).toEqual({ total: 1, ids: [user.scimId] });
    expect(await resources(f, q(`externalId eq "${user.objectId}"`))).toEqual({ total: 1, ids: [user.scimId] });
    expect(await resources(f, q(`externalId eq "${user.objectId.toUpperCase()}"`))).toEqual({ total: 0, ids: [] });
    expect(await resources(f, q('userName eq "nobody@contoso.test"'))).toEqual({ total: 0, ids: [] });
  });

  it('support sw, co, pr, and, not and the work-email value path', async () => {
    const f = scimFixture(server);
    const all = users(f);
    const user = all[7]!;
    expect((await resources(f, q(`displayName eq "${user.displayName}"`))).ids).toContain(user.scimId);
    const prefix = user.userPrincipalName.slice(0, 3);
    expect((await resources(f, q(`userName sw "${prefix}"`))).ids).toEqual(
      all.filter((u) => u.userPrincipalName.toLowerCase().startsWith(prefix.toLowerCase())).map((u) => u.scimId),
    );
    expect((await resources(f, q('displayName co "a" and active eq false'))).ids).toEqual(
      all.filter((u) => /a/i.test(u.displayName) && !u.enabled).map((u) => u.scimId),
    );
    expect((await resources(f, q('title pr and not (active eq true)'))).total).toBe(all.filter((u) => !u.enabled).length);
    expect(await resources(f, q(`emails[type eq "work"].value eq "${user.mail}"`))).toEqual({ total: 1, ids: [user.scimId] });
  });

  it('page a filtered listing with totalResults counting every match', async () => {
    const f = scimFixture(server);
    const enabled = users(f)
      .filter((u) => u.enabled)
      .map((u) => u.scimId);
    const ids: string[] = [];
    for (let start = 1; start <= enabled.length; start += 4) {
      const page = await resources(f, q('active eq true', `&startIndex=${start}&count=4`));
      expect(page.total).toBe(enabled.length);
      ids.push(...page.ids);
    }
    expect(ids).toEqual(enabled);
  });

  it('answer a malformed filter, or one on an attribute not served, with 400 invalidFilter', async () => {
    const f = scimFixture(server);
    const bad = await expectScimError(await f.call(q('userName eq')), 400, 'invalidFilter');
    expect(bad.detail).toContain('unexpected end');
    await expectScimError(await f.call(q('nickName eq "x"')), 400, 'invalidFilter');
    await expectScimError(await f.call(q('userName regex "x"')), 400, 'invalidFilter');
  });
});

describe('GET /Groups', () => {
  it('inlines direct members (users and nested groups) with value, absolute $ref, display and type', async () => {
    const f = scimFixture(server);
    const { body } = await f.json('/Groups');
    expect(body.totalResults).toBe(6);
    const listed = body.Resources as Resources;
    expect(listed.map((g) => g.id)).toEqual(groups(f).map((g) => g.scimId));
    let nested = 0;
    for (const group of groups(f)) {
      const resource = listed.find((g) => g.id === group.scimId)!;
      const expected = membersOf(f, group.seq).map((m) => {
        const target = m.memberType === 'user' ? f.tenant.user(m.memberSeq)! : f.tenant.group(m.memberSeq)!;
        const kind = m.memberType === 'user' ? 'Users' : 'Groups';
        return {
          value: target.scimId,
          $ref: `${f.baseUrl}/${kind}/${target.scimId}`,
          display: target.displayName,
          type: m.memberType === 'user' ? 'User' : 'Group',
        };
      });
      nested += expected.filter((m) => m.type === 'Group').length;
      expect(resource).toMatchObject({ schemas: [SCIM_URN.group], externalId: group.objectId, displayName: group.displayName, members: expected });
      expect((resource.meta as Json).location).toBe(`${f.baseUrl}/Groups/${group.scimId}`);
    }
    expect(nested).toBeGreaterThan(0);
  });

  it('leaves members out with excludedAttributes=members, and filters and fetches by id', async () => {
    const f = scimFixture(server);
    const { body } = await f.json('/Groups?excludedAttributes=members&count=2&startIndex=2');
    expect((body.Resources as Resources).map((g) => g.id)).toEqual(
      groups(f)
        .slice(1, 3)
        .map((g) => g.scimId),
    );
    expect((body.Resources as Resources).every((g) => !('members' in g) && 'displayName' in g)).toBe(true);
    const target = groups(f)[3]!;
    const filtered = await f.json(
      `/Groups?filter=${encodeURIComponent(`displayName eq "${target.displayName.toLowerCase()}"`)}&excludedAttributes=members`,
    );
    expect((filtered.body.Resources as Resources).map((g) => g.id)).toContain(target.scimId);
    const one = await f.json(`/Groups/${target.scimId}`);
    expect((one.body.members as Json[]).length).toBe(membersOf(f, target.seq).length);
  });

  it('filters on members by value', async () => {
    const f = scimFixture(server);
    const user = users(f).find((u) => f.tenant.memberOf('user', u.seq).length > 0)!;
    const expected = f.tenant
      .memberOf('user', user.seq)
      .map((m) => f.tenant.group(m.groupSeq)!.scimId)
      .sort();
    const { body } = await f.json(`/Groups?filter=${encodeURIComponent(`members[value eq "${user.scimId}"]`)}&attributes=displayName`);
    expect((body.Resources as Resources).map((g) => g.id).sort()).toEqual(expected);
    expect((body.Resources as Resources).every((g) => !('members' in g))).toBe(true);
  });
});

describe('discovery', () => {
  it('ServiceProviderConfig says what is supported: filter (max 100), PATCH, bearer tokens', async () => {
    const f = scimFixture(server);
    const { body, response } = await f.json('/ServiceProviderConfig');
    expect(response.headers.get('content-type')).toBe(SCIM_JSON);
    expect(body).toMatchObject({
      schemas: [SCIM_URN.serviceProviderConfig],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 100 },
      sort: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken', primary: true }],
      meta: { location: `${f.baseUrl}/ServiceProviderConfig` },
    });
  });

  it('ResourceTypes and Schemas list what resources carry; a filter there is refused with 403', async () => {
    const f = scimFixture(server);
    const types = (await f.json('/ResourceTypes')).body;
    expect(types).toMatchObject({ schemas: [SCIM_URN.listResponse], totalResults: 2, itemsPerPage: 2 });
    expect((types.Resources as Json[])[0]).toMatchObject({
      id: 'User',
      endpoint: '/Users',
      schema: SCIM_URN.user,
      schemaExtensions: [{ schema: SCIM_URN.enterpriseUser, required: false }],
    });
    expect((await f.json('/ResourceTypes/Group')).body).toMatchObject({ id: 'Group', endpoint: '/Groups' });
    const schemas = (await f.json('/Schemas')).body;
    expect((schemas.Resources as Json[]).map((s) => s.id)).toEqual([SCIM_URN.user, SCIM_URN.enterpriseUser, SCIM_URN.group]);
    const user = (await f.json(`/Schemas/${SCIM_URN.user}`)).body;
    expect((user.attributes as Json[]).find((a) => a.name === 'userName')).toMatchObject({
      type: 'string',
      required: true,
      caseExact: false,
      uniqueness: 'server',
    });
    await expectScimError(await f.call('/Schemas?filter=id%20pr'), 403);
  });
});

describe('PATCH /Groups/{id} membership', () => {
  const op = (...Operations: unknown[]) => ({ schemas: [SCIM_URN.patchOp], Operations });
  /** A group and a user not in it. */
  function pick(f: ScimFixture) {
    const group = groups(f)[0]!;
    const inside = new Set(
      membersOf(f, group.seq)
        .filter((m) => m.memberType === 'user')
        .map((m) => m.memberSeq),
    );
    const outsider = users(f).find((u) => !inside.has(u.seq))!;
    const insider = f.tenant.user([...inside][0]!)!;
    return { group, outsider, insider };
  }
  const hasUser = (f: ScimFixture, groupSeq: number, userSeq: number) =>
    membersOf(f, groupSeq).some((m) => m.memberType === 'user' && m.memberSeq === userSeq);

  it('is refused with 403 (no scimType) when the simulator is read-only, and changes nothing', async () => {
    const f = scimFixture(server);
    const { group, outsider } = pick(f);
    const response = await f.patch(`/Groups/${group.scimId}`, op({ op: 'add', path: 'members', value: [{ value: outsider.scimId }] }));
    await expectScimError(response, 403);
    expect(hasUser(f, group.seq, outsider.seq)).toBe(false);
  });

  it('adds and removes members (path filter and Entra value-list forms) with 204, visible on the next read', async () => {
    const f = scimFixture(server, { sim: { writeBack: true }, clock: () => new Date('2031-01-02T03:04:05.000Z') });
    const { group, outsider, insider } = pick(f);
    const before = (await f.json(`/Groups/${group.scimId}`)).body.meta as Json;
    const added = await f.patch(`/Groups/${group.scimId}`, op({ op: 'Add', path: 'members', value: [{ value: outsider.scimId }] }));
    expect(added.status).toBe(204);
    expect(await added.text()).toBe('');
    expect(hasUser(f, group.seq, outsider.seq)).toBe(true);
    const after = (await f.json(`/Groups/${group.scimId}`)).body;
    expect((after.members as Json[]).map((m) => m.value)).toContain(outsider.scimId);
    expect((after.meta as Json).lastModified).toBe('2031-01-02T03:04:05.000Z');
    expect((after.meta as Json).version).not.toBe(before.version);

    expect((await f.patch(`/Groups/${group.scimId}`, op({ op: 'remove', path: `members[value eq "${outsider.scimId}"]` }))).status).toBe(204);
    expect(hasUser(f, group.seq, outsider.seq)).toBe(false);
    expect((await f.patch(`/Groups/${group.scimId}`, op({ op: 'Remove', path: 'members', value: [{ value: insider.scimId }] }))).status).toBe(204);
    expect(hasUser(f, group.seq, insider.seq)).toBe(false);
  });

  it('returns the group with 200 when attributes= is given', async () => {
    const f = scimFixture(server, { sim: { writeBack: true } });
    const { group, outsider } = pick(f);
    const response = await f.call(`/Groups/${group.scimId}?attributes=members`, {
      method: 'PATCH',
      body: JSON.stringify(op({ op: 'add', path: 'members', value: [{ value: outsider.scimId }] })),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(SCIM_JSON);
    const body = (await response.json()) as Json;
    expect(Object.keys(body)).toEqual(['schemas', 'id', 'members']);
    expect((body.members as Json[]).some((m) => m.value === outsider.scimId)).toBe(true);
  });

  it('is atomic: one bad operation (unknown member, no target, self-membership) leaves the group as it was', async () => {
    const f = scimFixture(server, { sim: { writeBack: true } });
    const { group, outsider } = pick(f);
    const count = membersOf(f, group.seq).length;
    const unknown = await f.patch(
      `/Groups/${group.scimId}`,
      op({ op: 'add', path: 'members', value: [{ value: outsider.scimId }] }, { op: 'add', path: 'members', value: [{ value: 'nope' }] }),
    );
    await expectScimError(unknown, 400, 'invalidValue');
    const noTarget = await f.patch(
      `/Groups/${group.scimId}`,
      op({ op: 'remove', path: 'members', value: [] }, { op: 'remove', path: 'members[value eq "nope"]' }),
    );
    await expectScimError(noTarget, 400, 'noTarget');
    await expectScimError(
      await f.patch(`/Groups/${group.scimId}`, op({ op: 'add', path: 'members', value: [{ value: group.scimId }] })),
      400,
      'invalidValue',
    );
    expect(membersOf(f, group.seq)).toHaveLength(count);
    expect(hasUser(f, group.seq, outsider.seq)).toBe(false);
  });

  it('answers an unknown group with 404, a body without PatchOp with 400 invalidSyntax, a rename with 501', async () => {
    const f = scimFixture(server, { sim: { writeBack: true } });
    await expectScimError(await f.patch('/Groups/nope', op({ op: 'remove', path: 'members' })), 404);
    const group = groups(f)[1]!;
    await expectScimError(await f.patch(`/Groups/${group.scimId}`, { Operations: [{ op: 'remove', path: 'members' }] }), 400, 'invalidSyntax');
    await expectScimError(await f.patch(`/Groups/${group.scimId}`, op({ op: 'replace', path: 'displayName', value: 'x' })), 501);
  });

  it('answers writes it does not simulate (POST /Users, DELETE /Groups/{id}) with a SCIM 501', async () => {
    const f = scimFixture(server, { sim: { writeBack: true } });
    const created = await f.call('/Users', { method: 'POST', body: JSON.stringify({ schemas: [SCIM_URN.user], userName: 'x@contoso.test' }) });
    const body = await expectScimError(created, 501);
    expect(body.detail).toContain('POST /Users');
    await expectScimError(await f.call(`/Groups/${groups(f)[0]!.scimId}`, { method: 'DELETE' }), 501);
    expect(f.tenant.counts().users).toBe(30);
  });
});

describe('faults in the SCIM dialect', () => {
  it('throttle: 429 with Retry-After and a SCIM body whose status is "429"', async () => {
    const f = scimFixture(server, { faults: ['throttle:route=scim.users.list,every=2,retry-after=7'] });
    expect((await f.call('/Users')).status).toBe(200);
    const throttled = await f.call('/Users');
    expect(throttled.headers.get('retry-after')).toBe('7');
    const body = await expectScimError(throttled, 429);
    expect(body.detail).toContain('7 seconds');
    expect(f.ctx.journal.query({ route: 'scim.users.list', fault: true }).map((e) => e.status)).toEqual([429]);
  });

  it('throttle with retry-after=none omits the header', async () => {
    const f = scimFixture(server, { faults: ['throttle:retry-after=none'] });
    const response = await f.call('/Groups');
    expect(response.headers.has('retry-after')).toBe(false);
    await expectScimError(response, 429);
  });

  it('server-error: the status asked for, with a SCIM body and a Date header', async () => {
    const f = scimFixture(server, { faults: ['server-error:status=503,count=1'] });
    const failed = await f.call('/Users/whatever');
    expect(failed.headers.get('date')).toMatch(/GMT$/);
    await expectScimError(failed, 503);
    expect((await f.call('/ServiceProviderConfig')).status).toBe(200);
  });

  it('expired-secret: the token stops working from the n-th call on, and stays dead', async () => {
    const f = scimFixture(server, { faults: ['expired-secret:from=2,count=1'] });
    expect((await f.call('/Users?count=1')).status).toBe(200);
    const expired = await f.call('/Users?count=1');
    expect(expired.headers.get('www-authenticate')).toContain('error_description="The access token expired"');
    const body = await expectScimError(expired, 401);
    expect(body.detail).toContain('expired');
    await expectScimError(await f.call('/Groups'), 401);
    expect(f.ctx.journal.query({ fault: true }).map((e) => e.fault)).toEqual(['expired-secret:from=2,count=1']);
  });

  it('revoked-credential: 401 "revoked" on every call once it fired', async () => {
    const f = scimFixture(server, { faults: ['revoked-credential:count=1'] });
    const body = await expectScimError(await f.call('/Groups'), 401);
    expect(body.detail).toContain('revoked');
    await expectScimError(await f.call('/ServiceProviderConfig'), 401);
  });
});
