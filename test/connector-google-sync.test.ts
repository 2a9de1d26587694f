/**
 * The reference Google Workspace connector syncing the Google simulator (in-process, MSW) through the
 * engine into a real .c1z, checked against the connector's ground truth and, independently, against the
 * tenant itself: Google ids, direct memberships, role assignments; real paging at Google's page sizes;
 * 429 quota errors retried with their Retry-After; a scope left out of the delegation grant costing only
 * its data; and membership provisioning changing the tenant. The shared connector suite adds the ground
 * truth, the default 403 throttle retried and a deleted service-account key failing in Google's words.
 * Nothing really sleeps: the sleeper records.
 */
import { create } from '@bufbuild/protobuf';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../connectors/google/builtin.js';
import { groundTruth as googleGroundTruth } from '../harness/ground-truth/google.js';
import {
  createGoogleConnector,
  groupMemberEntitlementId,
  membershipGrantId,
  roleMemberEntitlementId,
  type GoogleConnector,
} from '../connectors/google/index.js';
import { EntitlementSchema, GrantSchema, ResourceSchema } from '../c1z/proto/connector.js';
import { steppingClock } from '../c1z/synthetic/stepping-clock.js';
import { ConnectorHttpError, type SyncError } from '../c1z/contract/sync-errors.js';
import { provisionGrant, provisionRevoke } from '../harness/sync/provision.js';
import { drain, storeSource } from '../mocks/core/paging/list-source.js';
import { SYNC_SCOPES } from '../mocks/google/scopes.js';
import { googleFixture, type FixtureOptions } from '../mocks/google/test-support/google-fixture.test-support.js';
import type { TenantGroup, TenantUser } from '../mocks/tenant/model.js';
import { describeConnectorSuite } from './support/connector-suite.js';
import { syncConnector } from './support/synced-connector.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The simulator's seed must be the tenant's: role assignment ids derive from it (see ground-truth.ts). */
const SEED = 11;
const T0 = new Date('2026-05-01T12:00:00Z');

type Fixture = ReturnType<typeof googleFixture>;

function fixture(options: FixtureOptions = {}): Fixture {
  // One clock for the simulator and the connector, so assertion times and token lifetimes agree.
  return googleFixture(server, { seed: SEED, clock: steppingClock(T0, 10), ...options, shape: { seed: SEED, ...options.shape } });
}

function connectorFor(f: Fixture): GoogleConnector {
  const credentials = {
    ...f.sim.credentials,
    tokenUri: f.sim.credentials.serviceAccountKey.token_uri,
    adminBase: f.sim.bases.admin,
    scopes: f.sim.grantedScopes,
  };
  return builtin.create(credentials, { now: f.ctx.clock }) as GoogleConnector;
}

const sorted = (list: Iterable<string>) => [...list].sort();
const tenantUsers = (f: Fixture): TenantUser[] => drain(storeSource((p) => f.tenant.users(p)));
const tenantGroups = (f: Fixture): TenantGroup[] => drain(storeSource((p) => f.tenant.groups(p)));

/** Every direct membership, read from the tenant's store rather than through the simulator. */
function tenantMemberGrants(f: Fixture): string[] {
  return tenantGroups(f).flatMap((g) =>
    drain(storeSource((p) => f.tenant.members(g.seq, p))).map((m) =>
      m.memberType === 'user'
        ? membershipGrantId(g.googleId, 'user', f.tenant.user(m.memberSeq)!.googleId)
        : membershipGrantId(g.googleId, 'group', f.tenant.group(m.memberSeq)!.googleId),
    ),
  );
}

/** `role:<roleId>:member <principal id>` for the tenant's assignments. */
function tenantRoleHolders(f: Fixture): string[] {
  return f.tenant.roles().flatMap((role) =>
    drain(storeSource((p) => f.tenant.roleAssignments(p, { roleSeq: role.seq }))).map((a) => {
      const who = a.principalType === 'user' ? f.tenant.user(a.principalSeq)!.googleId : f.tenant.group(a.principalSeq)!.googleId;
      return `${roleMemberEntitlementId(role.googleId)} ${a.principalType}:${who}`;
    }),
  );
}

describeConnectorSuite({
  name: 'Google',
  world: (faults = []) => {
    const f = fixture({ shape: { users: 30, groups: 6 }, faults });
    return { tenant: f.tenant, ctx: f.ctx, connector: connectorFor(f), secret: f.key.private_key };
  },
  groundTruth: (tenant) => googleGroundTruth(tenant),
  idIsRawId: true,
  // Google's default throttle is 403 userRateLimitExceeded without Retry-After: the SDK's linear step.
  throttle: { fault: 'throttle:every=4,route=google.*.list', status: 403, sleepMs: 1000 },
  expiredSecret: { texts: ['invalid_grant: Invalid JWT Signature.'], code: 'InvalidArgument' },
});

describe('the Google connector syncing a healthy tenant', () => {
  it('writes exactly the tenant, independently of the ground truth: ids, traits, memberships, role assignments', async () => {
    const f = fixture({ shape: { users: 40, groups: 6, nestedGroupRatio: 0.5 } });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('succeeded');

    const expectedResources = [
      ...tenantUsers(f).map((u) => `user:${u.googleId}`),
      ...tenantGroups(f).map((g) => `group:${g.googleId}`),
      ...f.tenant.roles().map((r) => `role:${r.googleId}`),
    ];
    expect(sorted(out.resourceKeys)).toEqual(sorted(expectedResources));
    for (const user of tenantUsers(f)) expect(out.users.get(user.googleId)).toEqual({ login: user.mail, email: user.mail, enabled: user.enabled });

    const members = out.grants.filter((g) => g.entitlementId.startsWith('group:'));
    expect(sorted(members.map((g) => g.id))).toEqual(sorted(tenantMemberGrants(f)));
    const nested = members.filter((g) => g.principalType === 'group');
    expect(nested.length).toBeGreaterThan(0);
    for (const grant of nested) expect(grant.expandsTo).toEqual([groupMemberEntitlementId(grant.principalId)]);

    // Role grants are keyed by Google's roleAssignmentId; who holds what is the tenant's, plus the Super
    // Admin role of the admin the connector acts as (the simulator guarantees it one).
    const roles = out.grants.filter((g) => g.entitlementId.startsWith('role:'));
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((g) => /^\d+$/.test(g.id))).toBe(true);
    expect(new Set(roles.map((g) => g.id)).size).toBe(roles.length);
    const holders = roles.map((g) => `${g.entitlementId} ${g.principalType}:${g.principalId}`);
    const admin = f.tenant.findUser(f.sim.credentials.adminEmail)!;
    const extra = holders.filter((h) => !tenantRoleHolders(f).includes(h));
    expect(extra.length).toBeLessThanOrEqual(1);
    expect(extra.every((h) => h.endsWith(` user:${admin.googleId}`))).toBe(true);
    expect(sorted(holders.filter((h) => !extra.includes(h)))).toEqual(sorted(tenantRoleHolders(f)));
    expect(out.grants).toHaveLength(members.length + roles.length);
  });

  it('asks one token per kind of data for the whole sync, with the read-only scopes only', async () => {
    const f = fixture({ shape: { users: 20, groups: 3 } });
    const connector = connectorFor(f);
    await syncConnector(connector);
    expect(f.ctx.journal.query({ route: 'google.token', status: 200 })).toHaveLength(4);
    expect(connector.client.tokenRequests).toBe(4);
    for (const kind of ['users', 'groups', 'members', 'roles'] as const) expect(await connector.client.readScope(kind)).toMatch(/\.readonly$/);
    expect(connector.client.tokenRequests).toBe(4);
  });

  it('keeps a token until five minutes before it expires, then signs a new assertion', async () => {
    let now = T0.getTime();
    const f = fixture({ shape: { users: 5, groups: 1 }, clock: () => new Date(now) });
    const connector = connectorFor(f);
    const scope = (await connector.client.readScope('users'))!;
    const first = await connector.client.token(scope);
    now += 54 * 60_000;
    expect(await connector.client.token(scope)).toBe(first);
    expect(connector.client.tokenRequests).toBe(1);
    // Google's tokens live 3599 s: 55 minutes in, less than five minutes are left.
    now += 60_000;
    expect(await connector.client.token(scope)).not.toBe(first);
    expect(connector.client.tokenRequests).toBe(2);
  });

  it('pages through a tenant larger than a page at the real connector’s page sizes', async () => {
    const f = fixture({ shape: { users: 450, groups: 3, membershipsPerUser: 2, nestedGroupRatio: 0 } });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('succeeded');
    expect(sorted(out.resourceKeys)).toEqual(sorted(googleGroundTruth(f.tenant).resources));
    expect(sorted(out.grants.map((g) => g.id))).toEqual(sorted(googleGroundTruth(f.tenant).grants));
    expect(sorted(out.grants.filter((g) => g.entitlementId.startsWith('group:')).map((g) => g.id))).toEqual(sorted(tenantMemberGrants(f)));

    // 450 users at 200 a page: three pages, sorted by email, the later ones by Google's nextPageToken.
    const userPages = f.ctx.journal.query({ route: 'google.users.list', status: 200 });
    expect(userPages).toHaveLength(3);
    expect(userPages.every((e) => /maxResults=200/.test(e.url) && /orderBy=email/.test(e.url) && /projection=full/.test(e.url))).toBe(true);
    expect(userPages.filter((e) => /pageToken=/.test(e.url))).toHaveLength(2);
    // ~300 members a group: each group's members take two pages of 200.
    const memberPages = f.ctx.journal.query({ route: 'google.members.list', status: 200 });
    expect(memberPages.length).toBeGreaterThan(tenantGroups(f).length);
    expect(memberPages.every((e) => /maxResults=200/.test(e.url))).toBe(true);
  });
});

describe('the Google connector under faults', () => {
  it('retries 429 rateLimitExceeded with the Retry-After given', async () => {
    const f = fixture({ shape: { users: 30, groups: 6 }, faults: ['throttle:every=5,route=google.*.list,reason=rateLimitExceeded,retry-after=3'] });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('succeeded');
    const throttled = f.ctx.journal.query({ fault: true });
    expect(throttled.length).toBeGreaterThan(0);
    expect(out.sleeps).toEqual(throttled.map(() => 3000));
    expect(sorted(out.resourceKeys)).toEqual(sorted(googleGroundTruth(f.tenant).resources));
  });

  it('skips only the data of a scope the delegation grant lacks, as its ground truth says', async () => {
    const granted = SYNC_SCOPES.filter((s) => !s.endsWith('/admin.directory.rolemanagement.readonly'));
    const f = fixture({ shape: { users: 30, groups: 6 }, sim: { grantedScopes: [...granted] } });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('succeeded');
    const truth = googleGroundTruth(f.tenant, granted);
    expect(truth.resources.some((k) => k.startsWith('role:'))).toBe(false);
    expect(sorted(out.resourceKeys)).toEqual(sorted(truth.resources));
    expect(sorted(out.grants.map((g) => g.id))).toEqual(sorted(truth.grants));
    // The read-only scope was refused, then the broader one, then roles were given up on.
    expect(f.ctx.journal.query({ route: 'google.token', status: 401 })).toHaveLength(2);
    expect(f.ctx.journal.query({ route: /^google\.role/ })).toHaveLength(0);
  });

  it('fails when no user scope is granted, as its empty ground truth says', async () => {
    const granted = SYNC_SCOPES.filter((s) => !s.endsWith('/admin.directory.user.readonly'));
    const f = fixture({ sim: { grantedScopes: [...granted] } });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect(out.result.error.message).toContain('401: unauthorized_client: Client is unauthorized to retrieve access tokens');
    expect((out.result.error as SyncError).code).toBe('Unauthenticated');
    expect(out.syncs[0]?.endedAt).toBeUndefined();
    expect(googleGroundTruth(f.tenant, granted)).toEqual({ resources: [], grants: [] });
  });
});

describe('the Google connector provisioning group membership', () => {
  it('adds a member with members.insert and removes it with members.delete, changing the tenant', async () => {
    const f = fixture({ shape: { users: 30, groups: 4, nestedGroupRatio: 0 }, sim: { writeBack: true } });
    const connector = createGoogleConnector({
      customerId: f.sim.credentials.customerId,
      adminEmail: f.sim.credentials.adminEmail,
      clientEmail: f.key.client_email,
      privateKey: f.key.private_key,
      tokenUri: f.key.token_uri,
      adminBase: f.sim.bases.admin,
      now: f.ctx.clock,
    });
    const group = f.tenant.group(1)!;
    const isMember = (seq: number) =>
      drain(storeSource((p) => f.tenant.members(group.seq, p))).some((m) => m.memberType === 'user' && m.memberSeq === seq);
    const outsider = tenantUsers(f).find((u) => !isMember(u.seq))!;
    const groupResource = create(ResourceSchema, { id: { resourceType: 'group', resource: group.googleId }, displayName: group.displayName });
    const entitlement = create(EntitlementSchema, { id: groupMemberEntitlementId(group.googleId), resource: groupResource, slug: 'member' });
    const principal = create(ResourceSchema, { id: { resourceType: 'user', resource: outsider.googleId } });

    const granted = await provisionGrant(connector, principal, entitlement);
    expect(granted.map((g) => g.id)).toEqual([membershipGrantId(group.googleId, 'user', outsider.googleId)]);
    expect(isMember(outsider.seq)).toBe(true);
    expect(f.ctx.journal.query({ route: 'google.members.insert', status: 200 })).toHaveLength(1);

    // The next sync sees the new member.
    const after = await syncConnector(connector);
    expect(after.grants.map((g) => g.id)).toContain(membershipGrantId(group.googleId, 'user', outsider.googleId));

    await provisionRevoke(connector, create(GrantSchema, { id: granted[0]!.id, entitlement, principal }));
    expect(isMember(outsider.seq)).toBe(false);
    expect(f.ctx.journal.query({ route: 'google.members.delete', status: 204 })).toHaveLength(1);
  });

  it('is refused at the token endpoint when the delegation grant has no write scope', async () => {
    const f = fixture({ shape: { users: 10, groups: 2 } });
    const connector = connectorFor(f);
    const group = f.tenant.group(1)!;
    const entitlement = create(EntitlementSchema, {
      id: groupMemberEntitlementId(group.googleId),
      resource: create(ResourceSchema, { id: { resourceType: 'group', resource: group.googleId } }),
    });
    const principal = create(ResourceSchema, { id: { resourceType: 'user', resource: f.tenant.user(2)!.googleId } });
    // The default grant has no write scope: the token for it is refused before any write is tried.
    await expect(provisionGrant(connector, principal, entitlement)).rejects.toThrow(/unauthorized_client/);
    expect(f.ctx.journal.query({ route: 'google.members.insert' })).toHaveLength(0);
  });

  it('fails with Google’s 403 when the write scope is granted but the tenant refuses writes', async () => {
    const f = fixture({
      shape: { users: 10, groups: 2 },
      sim: { grantedScopes: [...SYNC_SCOPES, 'admin.directory.group.member'], writeBack: false },
    });
    const connector = connectorFor(f);
    const group = f.tenant.group(1)!;
    const entitlement = create(EntitlementSchema, {
      id: groupMemberEntitlementId(group.googleId),
      resource: create(ResourceSchema, { id: { resourceType: 'group', resource: group.googleId } }),
    });
    const principal = create(ResourceSchema, { id: { resourceType: 'user', resource: f.tenant.user(2)!.googleId } });
    const failure = await provisionGrant(connector, principal, entitlement).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('403: forbidden: Not Authorized to access this resource/api');
    expect((failure as Error).cause).toBeInstanceOf(ConnectorHttpError);
    expect(f.ctx.journal.query({ route: 'google.members.insert', status: 403 })).toHaveLength(1);
  });
});
