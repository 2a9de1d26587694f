/**
 * The reference SCIM connector syncing the SCIM simulator (in-process, MSW) through the engine into a real
 * .c1z, checked against its own ground truth and, separately, against the tenant: the same SCIM ids, the
 * same direct memberships; index paging across several pages; group membership granted and revoked with
 * PATCH. The shared connector suite adds throttling retried with the server's Retry-After and an expired
 * token failing the sync with the provider's 401 text. Nothing really sleeps: the sleeper records.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../connectors/scim/builtin.js';
import { groundTruth as scimGroundTruth } from '../harness/ground-truth/scim.js';
import { createScimConnector, memberEntitlementId, type ScimConnector } from '../connectors/scim/index.js';
import type { Grant } from '../c1z/proto/connector.js';
import { ConnectorHttpError, type SyncError } from '../c1z/contract/sync-errors.js';
import { authMessages } from '../mocks/scim/authenticate.js';
import { scimFixture, type ScimFixture, type ScimFixtureOptions } from '../mocks/scim/test-support/scim-fixture.test-support.js';
import { describeConnectorSuite } from './support/connector-suite.js';
import { syncConnector } from './support/synced-connector.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function fixture(options: ScimFixtureOptions = {}): ScimFixture {
  return scimFixture(server, options);
}

/** The connector exactly as a scenario builds it: `builtin:scim` from the simulator's credentials. */
function connectorFor(f: ScimFixture): ScimConnector {
  return builtin.create({ ...f.sim.credentials }, {}) as ScimConnector;
}

function tenantUsers(f: ScimFixture) {
  return Array.from({ length: f.tenant.counts().users }, (_, i) => f.tenant.user(i + 1)!);
}
function tenantGroups(f: ScimFixture) {
  return Array.from({ length: f.tenant.counts().groups }, (_, i) => f.tenant.group(i + 1)!);
}

/** `group:<gid>:member:<type>:<scim id>` for every direct membership, read from the tenant itself. */
function tenantMemberGrants(f: ScimFixture): string[] {
  return tenantGroups(f)
    .flatMap((group) =>
      f.tenant.members(group.seq, { limit: 100_000 }).items.map((m) => {
        const member = m.memberType === 'user' ? f.tenant.user(m.memberSeq)! : f.tenant.group(m.memberSeq)!;
        return `group:${group.scimId}:member:${m.memberType}:${member.scimId}`;
      }),
    )
    .sort();
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describeConnectorSuite({
  name: 'SCIM',
  world: (faults = []) => {
    const f = fixture({ faults });
    return { tenant: f.tenant, ctx: f.ctx, connector: connectorFor(f), secret: f.token };
  },
  groundTruth: (tenant) => scimGroundTruth(tenant),
  idIsRawId: true,
  throttle: { fault: 'throttle:every=4,retry-after=1', status: 429, sleepMs: 1000 },
  expiredSecret: { texts: [authMessages.expired], status: 401, code: 'Unauthenticated' },
});

describe('the SCIM connector syncing a healthy provider', () => {
  it('writes exactly the tenant, independently of the ground truth: SCIM ids, traits, every direct membership', async () => {
    const f = fixture();
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('succeeded');
    expect(sorted(out.users.keys())).toEqual(sorted(tenantUsers(f).map((u) => u.scimId)));
    expect(sorted(out.groups.keys())).toEqual(sorted(tenantGroups(f).map((g) => g.scimId)));
    expect(sorted(out.grants.map((g) => g.id))).toEqual(tenantMemberGrants(f));
    expect(out.grants.length).toBeGreaterThan(0);

    const users = tenantUsers(f);
    expect(users.some((u) => !u.enabled)).toBe(true);
    for (const user of users) expect(out.users.get(user.scimId)).toEqual({ login: user.userPrincipalName, email: user.mail, enabled: user.enabled });

    for (const group of tenantGroups(f)) {
      expect(out.groups.get(group.scimId)?.displayName).toBe(group.displayName);
      expect(out.entitlements.get(memberEntitlementId(group.scimId))?.slug).toBe('member');
    }
    expect(out.entitlements.size).toBe(tenantGroups(f).length);
  });

  it('marks nested groups expandable into the inner group’s member entitlement', async () => {
    const f = fixture();
    const out = await syncConnector(connectorFor(f));
    const nested = out.grants.filter((g) => g.principalType === 'group');
    expect(nested.length).toBeGreaterThan(0);
    for (const grant of nested) expect(grant.expandsTo).toEqual([memberEntitlementId(grant.principalId)]);
    for (const grant of out.grants.filter((g) => g.principalType === 'user')) expect(grant.expandsTo).toEqual([]);
  });

  it('lists groups without members and reads each group’s members with one GET', async () => {
    const f = fixture();
    await syncConnector(connectorFor(f));
    const lists = f.ctx.journal.query({ route: 'scim.groups.list' });
    expect(lists.map((e) => new URL(e.url, 'http://x').searchParams.get('excludedAttributes'))).toEqual(['members']);
    const gets = f.ctx.journal.query({ route: 'scim.groups.get', status: 200 });
    expect(gets).toHaveLength(tenantGroups(f).length);
    for (const get of gets) expect(new URL(get.url, 'http://x').searchParams.get('attributes')).toBe('members');
  });

  it('pages 250 users by startIndex at 100 a page and stops at totalResults', async () => {
    const f = fixture({ shape: { users: 250, groups: 4 } });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('succeeded');
    expect(sorted(out.users.keys())).toEqual(sorted(tenantUsers(f).map((u) => u.scimId)));
    const lists = f.ctx.journal.query({ route: 'scim.users.list' });
    expect(lists.map((e) => e.items)).toEqual([100, 100, 50]);
    expect(lists.map((e) => new URL(e.url, 'http://x').searchParams.get('startIndex'))).toEqual(['1', '101', '201']);
    expect(lists.every((e) => new URL(e.url, 'http://x').searchParams.get('count') === '100')).toBe(true);
  });

  it('keeps asking when the provider caps count below the page size', async () => {
    // The simulator never returns more than 100; asking for 150 gets 100, and the rest must still come.
    const f = fixture({ shape: { users: 250, groups: 2 } });
    const out = await syncConnector(createScimConnector({ ...f.sim.credentials, pageSize: 150 }));
    expect(out.result.outcome).toBe('succeeded');
    expect(out.users.size).toBe(250);
    expect(f.ctx.journal.query({ route: 'scim.users.list' }).map((e) => e.items)).toEqual([100, 100, 50]);
  });
});

describe('the SCIM connector provisioning group membership', () => {
  /** A group and a user not yet in it, as synced resources and the group's member entitlement. */
  async function target(f: ScimFixture, connector: ScimConnector) {
    const group = tenantGroups(f).at(-1)!;
    const members = new Set(
      f.tenant
        .members(group.seq, { limit: 100_000 })
        .items.filter((m) => m.memberType === 'user')
        .map((m) => m.memberSeq),
    );
    const user = tenantUsers(f).find((u) => !members.has(u.seq))!;
    const groupResource = (await connector.syncers.group!.list(undefined, '')).resources.find((r) => r.id?.resource === group.scimId)!;
    const { entitlements } = await connector.syncers.group!.entitlements(groupResource, '');
    const userResource = (await connector.syncers.user!.list(undefined, '')).resources.find((r) => r.id?.resource === user.scimId)!;
    return { group, user, entitlement: entitlements[0]!, userResource };
  }

  const isMember = (f: ScimFixture, groupSeq: number, userSeq: number) => f.tenant.memberOf('user', userSeq).some((m) => m.groupSeq === groupSeq);

  it('grants and revokes with PATCH, changing the tenant and the next sync', async () => {
    const f = fixture({ sim: { writeBack: true } });
    const connector = connectorFor(f);
    const { group, user, entitlement, userResource } = await target(f, connector);
    const expectedId = `group:${group.scimId}:member:user:${user.scimId}`;
    expect(isMember(f, group.seq, user.seq)).toBe(false);

    const granted: Grant[] = await connector.syncers.group!.grant!(userResource, entitlement);
    expect(granted.map((g) => g.id)).toEqual([expectedId]);
    expect(isMember(f, group.seq, user.seq)).toBe(true);
    expect((await syncConnector(connector)).grants.map((g) => g.id)).toContain(expectedId);

    await connector.syncers.group!.revoke!(granted[0]!);
    expect(isMember(f, group.seq, user.seq)).toBe(false);
    expect((await syncConnector(connector)).grants.map((g) => g.id)).not.toContain(expectedId);

    const patches = f.ctx.journal.query({ route: 'scim.groups.patch' });
    expect(patches.map((e) => e.status)).toEqual([204, 204]);
    expect(patches.every((e) => e.url.includes(`/Groups/${group.scimId}`))).toBe(true);
  });

  it('takes revoking a member who is already gone as done', async () => {
    const f = fixture({ sim: { writeBack: true } });
    const connector = connectorFor(f);
    const { entitlement, userResource } = await target(f, connector);
    const [grant] = await connector.syncers.group!.grant!(userResource, entitlement);
    await connector.syncers.group!.revoke!(grant!);
    await expect(connector.syncers.group!.revoke!(grant!)).resolves.toBeUndefined();
    // The provider said noTarget; the connector did not send anything else.
    expect(f.ctx.journal.query({ route: 'scim.groups.patch' }).map((e) => e.status)).toEqual([204, 204, 400]);
  });

  it('fails a grant on a read-only provider with the 403 and leaves the tenant alone', async () => {
    const f = fixture();
    const connector = connectorFor(f);
    const { group, user, entitlement, userResource } = await target(f, connector);
    const error = await connector.syncers.group!.grant!(userResource, entitlement).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorHttpError);
    expect((error as ConnectorHttpError).status).toBe(403);
    expect((error as SyncError).code).toBe('PermissionDenied');
    expect((error as Error).message).toContain('read-only');
    expect(isMember(f, group.seq, user.seq)).toBe(false);
  });
});
