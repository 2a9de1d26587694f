import { describe, expect, it } from 'vitest';
import { createOktaConnector } from './connector.js';
import { appResource, groupResource, userResource } from './resources.js';

const ORG = 'https://acme.okta.com';

/** A fetch answering JSON by path (and query, when the key has one); every URL asked is recorded. */
function routes(table: Record<string, { body: unknown; link?: string }>) {
  const asked: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    asked.push(url.href);
    const hit = table[url.pathname + url.search] ?? table[url.pathname];
    if (!hit)
      return new Response(JSON.stringify({ errorCode: 'E0000007', errorSummary: `Not found: ${url.pathname}`, errorCauses: [] }), { status: 404 });
    return new Response(JSON.stringify(hit.body), { headers: { 'content-type': 'application/json', ...(hit.link ? { link: hit.link } : {}) } });
  };
  return { fetch, asked };
}

const ssws = (fetch: typeof globalThis.fetch) => createOktaConnector({ orgUrl: ORG, auth: { kind: 'ssws', token: 't' }, fetch });
const ids = (grants: Array<{ id: string }>) => grants.map((g) => g.id);

describe('the Okta connector', () => {
  it('lists users with search=status pr, following the Link next URL as the page token', async () => {
    const next = `${ORG}/api/v1/users?after=abc&limit=200&search=status+pr`;
    const f = routes({
      '/api/v1/users?search=status%20pr&limit=200': {
        body: [{ id: '00u1', status: 'DEPROVISIONED', profile: { login: 'a@x.test' } }],
        link: `<${next}>; rel="next"`,
      },
    });
    const page = await ssws(f.fetch).syncers.user!.list(undefined, '');
    expect(page.nextPageToken).toBe(next);
    expect(page.resources.map((r) => r.id?.resource)).toEqual(['00u1']);
  });

  it('grants a role holder its own active standard roles, leaving group-held, inactive and custom ones out', async () => {
    const f = routes({
      '/api/v1/iam/assignees/users?limit=100': { body: { value: [{ id: '00u1' }], _links: {} } },
      '/api/v1/users/00u1/roles': {
        body: [
          { id: 'ra1', type: 'SUPER_ADMIN', status: 'ACTIVE', assignmentType: 'USER' },
          { id: 'ra2', type: 'APP_ADMIN', status: 'ACTIVE', assignmentType: 'GROUP' },
          { id: 'ra3', type: 'REPORT_ADMIN', status: 'INACTIVE', assignmentType: 'USER' },
          { id: 'ra4', type: 'CUSTOM', status: 'ACTIVE', assignmentType: 'USER' },
        ],
      },
    });
    const connector = ssws(f.fetch);
    const page = await connector.syncers.user!.grants(userResource({ id: '00u1' }), '');
    expect(ids(page.grants)).toEqual(['role:SUPER_ADMIN:assigned:user:00u1']);
    expect(page.grants[0]!.entitlement?.resource?.displayName).toBe('Super Administrator');
    // A user the assignees listing does not name holds no role: no call for it.
    expect((await connector.syncers.user!.grants(userResource({ id: '00u2' }), '')).grants).toEqual([]);
    expect(f.asked.map((u) => new URL(u).pathname)).toEqual(['/api/v1/iam/assignees/users', '/api/v1/users/00u1/roles']);
  });

  it('grants a group its members, then its own roles (expandable into its members), each page its own call', async () => {
    const next = `${ORG}/api/v1/groups/00g1/users?after=x&limit=200`;
    const f = routes({
      '/api/v1/groups/00g1/users?limit=200': { body: [{ id: '00u1' }], link: `<${next}>; rel="next"` },
      '/api/v1/groups/00g1/users?after=x&limit=200': { body: [{ id: '00u2' }] },
      '/api/v1/groups/00g1/roles': { body: [{ id: 'ra9', type: 'HELP_DESK_ADMIN', status: 'ACTIVE', assignmentType: 'GROUP' }] },
    });
    const connector = ssws(f.fetch);
    const group = groupResource({ id: '00g1', profile: { name: 'Eng' } });
    const first = await connector.syncers.group!.grants(group, '');
    expect([ids(first.grants), first.nextPageToken]).toEqual([['group:00g1:member:user:00u1'], `members:${next}`]);
    const second = await connector.syncers.group!.grants(group, first.nextPageToken);
    expect([ids(second.grants), second.nextPageToken]).toEqual([['group:00g1:member:user:00u2'], 'roles:']);
    const roles = await connector.syncers.group!.grants(group, second.nextPageToken);
    expect([ids(roles.grants), roles.nextPageToken]).toEqual([['role:HELP_DESK_ADMIN:assigned:group:00g1'], '']);
    expect(roles.grants[0]!.annotations).toHaveLength(1);
    expect(f.asked).toHaveLength(3);
    await expect(connector.syncers.group!.grants(group, 'bogus:x')).rejects.toThrow(/is not one this listing gave/);
  });

  it("grants an app its direct users, then its groups; users assigned through a group are the group's grant", async () => {
    const f = routes({
      '/api/v1/apps/0oa1/users?limit=500': {
        body: [
          { id: '00u1', scope: 'USER' },
          { id: '00u2', scope: 'GROUP' },
        ],
      },
      '/api/v1/apps/0oa1/groups?limit=200': { body: [{ id: '00g1' }] },
    });
    const connector = ssws(f.fetch);
    const app = appResource({ id: '0oa1', label: 'Slack' });
    const users = await connector.syncers.app!.grants(app, '');
    expect([ids(users.grants), users.nextPageToken]).toEqual([['app:0oa1:access:user:00u1'], 'groups:']);
    const groups = await connector.syncers.app!.grants(app, users.nextPageToken);
    expect([ids(groups.grants), groups.nextPageToken]).toEqual([['app:0oa1:access:group:00g1'], '']);
  });

  it('skips a kind once Okta refuses it for a scope or admin right, and fails when users are refused', async () => {
    const insufficient = () =>
      new Response(null, { status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="okta.apps.read"' } });
    const asked: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      asked.push(String(input));
      return insufficient();
    };
    const connector = ssws(fetch);
    expect(await connector.syncers.app!.list(undefined, '')).toEqual({ resources: [], nextPageToken: '' });
    expect(await connector.syncers.app!.grants(appResource({ id: '0oa1' }), '')).toEqual({ grants: [], nextPageToken: '' });
    expect(asked).toHaveLength(1);
    // The role catalogue needs no call; who holds a role does.
    expect((await connector.syncers.role!.list(undefined, '')).resources).toHaveLength(13);
    expect((await connector.syncers.user!.grants(userResource({ id: '00u1' }), '')).grants).toEqual([]);
    await expect(connector.syncers.user!.list(undefined, '')).rejects.toThrow(
      /^GET \/api\/v1\/users: 403: insufficient_scope \(needs scope okta.apps.read\)$/,
    );
    const e0000006 = async () =>
      new Response(
        JSON.stringify({ errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action', errorCauses: [] }),
        { status: 403 },
      );
    expect(await ssws(e0000006).syncers.group!.list(undefined, '')).toEqual({ resources: [], nextPageToken: '' });
    const e500 = async () => new Response('{}', { status: 500 });
    await expect(ssws(e500).syncers.group!.list(undefined, '')).rejects.toThrow(/500/);
  });
});
