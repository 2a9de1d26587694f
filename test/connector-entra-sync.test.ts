/**
 * The reference Entra connector syncing the Entra simulator (in-process, MSW) through the engine into a
 * real .c1z, checked against the tenant itself: the same object ids, the same direct memberships and
 * owners, every enterprise application with its app roles and assignments; a missing permission failing
 * the sync the SDK's way. The shared connector suite adds the ground truth, throttling retried with the
 * server's Retry-After and an expired secret failing the sync. Nothing really sleeps: the sleeper records.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unpackAnnotation } from '../c1z/proto/annotation.js';
import { GrantExpandableSchema } from '../c1z/proto/connector-annotations.js';
import {
  APP_RESOURCE_TYPE,
  DEFAULT_APP_ROLE_ID,
  appAssignmentEntitlementId,
  appOwnerEntitlementId,
  createEntraConnector,
  memberEntitlementId,
  type EntraConnector,
} from '../connectors/entra/index.js';
import { groundTruth as entraGroundTruth } from '../harness/ground-truth/entra.js';
import { ConnectorHttpError, type SyncError } from '../c1z/contract/sync-errors.js';
import { entraFixture, type EntraFixture, type FixtureOptions } from '../mocks/entra/test-support/entra-fixture.test-support.js';
import { describeConnectorSuite } from './support/connector-suite.js';
import { syncConnector } from './support/synced-connector.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Nesting on, so some groups have group members and their grants are expandable. */
const SHAPE = { users: 30, groups: 6, nestedGroupRatio: 0.5 };

function connectorFor(f: EntraFixture, options: { top?: number } = {}): EntraConnector {
  return createEntraConnector({ ...f.sim.credentials, authority: f.sim.authority, graphBase: f.sim.bases.graph, ...options });
}

function fixture(options: FixtureOptions = {}): EntraFixture {
  return entraFixture(server, { ...options, shape: { ...SHAPE, ...options.shape } });
}

function tenantUsers(f: EntraFixture) {
  return Array.from({ length: f.tenant.counts().users }, (_, i) => f.tenant.user(i + 1)!);
}
function tenantGroups(f: EntraFixture) {
  return Array.from({ length: f.tenant.counts().groups }, (_, i) => f.tenant.group(i + 1)!);
}

/** `group:<gid>:member:<type>:<oid>` for every direct membership in the tenant. */
function expectedMemberGrants(f: EntraFixture, groupObjectId?: string): string[] {
  const out: string[] = [];
  for (const group of tenantGroups(f)) {
    if (groupObjectId && group.objectId !== groupObjectId) continue;
    for (const m of f.tenant.members(group.seq, { limit: 100_000 }).items) {
      const member = m.memberType === 'user' ? f.tenant.user(m.memberSeq) : f.tenant.group(m.memberSeq);
      if (member) out.push(`${memberEntitlementId(group.objectId)}:${m.memberType}:${member.objectId}`);
    }
  }
  return out.sort();
}

/** Apps with enough assignments that some go to groups and some to the default role. */
const APP_SHAPE = { apps: 4, appRoleAssignments: 60 };

function tenantApps(f: EntraFixture) {
  return f.tenant.apps({ limit: 100_000 }).items;
}

/** `enterprise_application:<spId>:assignment:<appRoleId>:<type>:<oid>` for every app role assignment. */
function expectedAppGrants(f: EntraFixture): string[] {
  const out: string[] = [];
  for (const app of tenantApps(f)) {
    const roles = new Map(f.tenant.appRoles(app.seq).map((r) => [r.seq, r]));
    for (const a of f.tenant.appRoleAssignments(app.seq, { limit: 100_000 }).items) {
      const who = a.principalType === 'user' ? f.tenant.user(a.principalSeq) : f.tenant.group(a.principalSeq);
      const role = roles.get(a.appRoleSeq);
      if (who && role) out.push(`${appAssignmentEntitlementId(app.objectId, role.id)}:${a.principalType}:${who.objectId}`);
    }
  }
  return out.sort();
}

function expectedOwnerGrants(f: EntraFixture): string[] {
  return tenantGroups(f)
    .flatMap((g) => f.tenant.owners(g.seq).map((u) => `group:${g.objectId}:owner:user:${u.objectId}`))
    .sort();
}

describeConnectorSuite({
  name: 'Entra',
  world: (faults = []) => {
    const f = fixture({ faults });
    return { tenant: f.tenant, ctx: f.ctx, connector: connectorFor(f), secret: f.sim.credentials.clientSecret };
  },
  groundTruth: (tenant) => entraGroundTruth(tenant),
  idIsRawId: true,
  throttle: { fault: 'throttle:every=5,retry-after=1', status: 429, sleepMs: 1000 },
  expiredSecret: { texts: ['AADSTS7000222'], code: 'Unauthenticated' },
});

describe('the Entra connector syncing a healthy tenant', () => {
  it('writes exactly the tenant: user and group ids, traits, every direct membership and owner', async () => {
    const f = fixture();
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('succeeded');

    expect([...out.users.keys()].sort()).toEqual(
      tenantUsers(f)
        .map((u) => u.objectId)
        .sort(),
    );
    expect([...out.groups.keys()].sort()).toEqual(
      tenantGroups(f)
        .map((g) => g.objectId)
        .sort(),
    );

    for (const user of tenantUsers(f)) {
      expect(out.users.get(user.objectId)).toEqual({ login: user.userPrincipalName, email: user.mail, enabled: user.enabled });
    }

    const ofGroups = out.grants.filter((g) => g.entitlementId.startsWith('group:'));
    const members = ofGroups.filter((g) => g.entitlementId.endsWith(':member'));
    const owners = ofGroups.filter((g) => g.entitlementId.endsWith(':owner'));
    for (const group of tenantGroups(f)) {
      const ofGroup = members
        .filter((g) => g.entitlementId === memberEntitlementId(group.objectId))
        .map((g) => g.id)
        .sort();
      expect(ofGroup, `members of ${group.displayName}`).toEqual(expectedMemberGrants(f, group.objectId));
    }
    expect(members.length).toBeGreaterThan(0);
    expect(owners.length).toBeGreaterThan(0);
    expect(members.map((g) => g.id).sort()).toEqual(expectedMemberGrants(f));
    expect(owners.map((g) => g.id).sort()).toEqual(expectedOwnerGrants(f));
    expect(ofGroups).toHaveLength(members.length + owners.length);
  });

  it('writes every enterprise application with its owner and app-role entitlements and exactly its assignments', async () => {
    const f = fixture({ shape: APP_SHAPE });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('succeeded');
    const apps = tenantApps(f);
    const appKeys = out.resourceKeys.filter((k) => k.startsWith(`${APP_RESOURCE_TYPE.id}:`));
    expect(appKeys.sort()).toEqual(apps.map((a) => `enterprise_application:${a.objectId}`).sort());
    for (const key of appKeys) expect(out.rawIds.get(key)).toBe(key.split(':')[1]);

    for (const app of apps) {
      // Graph lists an app's named roles; the all-zero default role is the app itself, always an entitlement.
      const named = f.tenant.appRoles(app.seq).filter((r) => r.id !== DEFAULT_APP_ROLE_ID);
      const ofApp = [...out.entitlements.values()].filter((e) => e.resource?.id?.resource === app.objectId);
      expect(ofApp.map((e) => [e.id, e.slug]).sort()).toEqual(
        [
          [appOwnerEntitlementId(app.objectId), 'owner'],
          [appAssignmentEntitlementId(app.objectId, DEFAULT_APP_ROLE_ID), 'assigned'],
          ...named.map((r) => [appAssignmentEntitlementId(app.objectId, r.id), r.value]),
        ].sort(),
      );
    }

    const ofApps = out.grants.filter((g) => g.entitlementId.startsWith('enterprise_application:'));
    expect(ofApps.map((g) => g.id).sort()).toEqual(expectedAppGrants(f));
    expect(ofApps.some((g) => g.entitlementId.endsWith(`:assignment:${DEFAULT_APP_ROLE_ID}`))).toBe(true);
    expect(ofApps.some((g) => g.principalType === 'group')).toBe(true);
    // The tenant records no app owners: each app's owners are asked for once, and none come back.
    expect(ofApps.filter((g) => g.entitlementId.endsWith(':owner'))).toEqual([]);
    expect(f.ctx.journal.query({ route: 'graph.servicePrincipals.owners.list', status: 200 })).toHaveLength(apps.length);
    // Roles come from the listing: no app is fetched on its own.
    expect(f.ctx.journal.query({ route: 'graph.servicePrincipals.get' })).toEqual([]);
  });

  it('makes a group’s app-role grant expand shallowly into the group’s user members', async () => {
    const f = fixture({ shape: APP_SHAPE });
    const connector = connectorFor(f);
    const syncer = connector.syncers[APP_RESOURCE_TYPE.id]!;
    const listed = await syncer.list(undefined, '');
    const grants = [];
    for (const app of listed.resources) {
      let token = '';
      do {
        const page = await syncer.grants(app, token);
        grants.push(...page.grants);
        token = page.nextPageToken;
      } while (token);
    }
    const byGroup = grants.filter((g) => g.principal?.id?.resourceType === 'group');
    expect(byGroup.length).toBeGreaterThan(0);
    for (const grant of byGroup) {
      const expandable = unpackAnnotation(grant.annotations, GrantExpandableSchema);
      expect(expandable).toMatchObject({
        entitlementIds: [memberEntitlementId(grant.principal!.id!.resource)],
        shallow: true,
        resourceTypeIds: ['user'],
      });
    }
    for (const grant of grants.filter((g) => g.principal?.id?.resourceType === 'user')) expect(grant.annotations).toEqual([]);
  });

  it('marks nested groups expandable into the inner group’s member entitlement', async () => {
    const f = fixture();
    const out = await syncConnector(connectorFor(f));
    const nested = out.grants.filter((g) => g.principalType === 'group');
    expect(nested.length).toBeGreaterThan(0);
    for (const grant of nested) expect(grant.expandsTo).toEqual([memberEntitlementId(grant.principalId)]);
    for (const grant of out.grants.filter((g) => g.principalType === 'user')) expect(grant.expandsTo).toEqual([]);
  });

  it('follows @odata.nextLink through small pages and gets the same file content', async () => {
    const f = fixture();
    const out = await syncConnector(connectorFor(f, { top: 7 }));
    expect(out.result.outcome).toBe('succeeded');
    expect([...out.users.keys()].sort()).toEqual(
      tenantUsers(f)
        .map((u) => u.objectId)
        .sort(),
    );
    expect([...out.groups.keys()].sort()).toEqual(
      tenantGroups(f)
        .map((g) => g.objectId)
        .sort(),
    );
    // 30 users at 7 a page: five pages, the later ones asked for by their nextLink.
    expect(f.ctx.journal.query({ route: 'graph.users.list', status: 200 })).toHaveLength(5);
  });

  it('asks for one token for the whole sync', async () => {
    const f = fixture();
    await syncConnector(connectorFor(f));
    expect(f.ctx.journal.query({ route: 'entra.token' })).toHaveLength(1);
  });
});

describe('the Entra connector under faults', () => {
  it('fails with PermissionDenied when GroupMember.Read.All is missing and member listing answers 403', async () => {
    // Least-privileged consent (GroupMember.Read.All also reads groups), taken away for the members route only.
    const f = fixture({
      sim: { grantedPermissions: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'] },
      faults: ['partial-consent:missing=GroupMember.Read.All,route=graph.groups.members.list'],
    });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect(out.result.error).toBeInstanceOf(ConnectorHttpError);
    expect((out.result.error as ConnectorHttpError).status).toBe(403);
    expect((out.result.error as SyncError).code).toBe('PermissionDenied');
    expect(f.ctx.journal.query({ route: 'graph.groups.members.list', status: 403 })).toHaveLength(1);
    // Users, groups and apps were listed before the grants failed; the sync stays unfinished and resumable.
    expect(out.users.size).toBe(SHAPE.users);
    expect(out.groups.size).toBe(SHAPE.groups);
    expect(out.syncs[0]?.endedAt).toBeUndefined();
    expect(out.sleeps).toEqual([]);
  });

  it('fails with PermissionDenied at the app listing when Application.Read.All is not granted, as the real connector does', async () => {
    const f = fixture({ sim: { grantedPermissions: ['User.Read.All', 'GroupMember.Read.All'] } });
    const out = await syncConnector(connectorFor(f));
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect((out.result.error as ConnectorHttpError).status).toBe(403);
    expect((out.result.error as SyncError).code).toBe('PermissionDenied');
    expect(f.ctx.journal.query({ route: 'graph.servicePrincipals.list', status: 403 })).toHaveLength(1);
    // Everything before the apps was written; the sync stays unfinished.
    expect(out.users.size).toBe(SHAPE.users);
    expect(out.groups.size).toBe(SHAPE.groups);
    expect(out.resourceKeys.filter((k) => k.startsWith('enterprise_application:'))).toEqual([]);
    expect(out.syncs[0]?.endedAt).toBeUndefined();
  });
});
