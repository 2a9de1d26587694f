/**
 * The reference AWS connector, built as `builtin:aws` from exactly what `awsProvider` hands out, syncing
 * the AWS simulator (in-process, MSW, every request SigV4-verified) through the engine into a real .c1z.
 * Checked two ways: against the module's groundTruth (the shared connector suite, which also retries IAM's
 * HTTP 400 Throttling and fails an expired key with InvalidClientTokenId), and independently against the
 * tenant by the IAM unique ids and Identity Store ids the RawIds carry. Also: IAM Markers and Identity
 * Store NextTokens followed through several pages, and group membership provisioning changing the tenant.
 * Nothing sleeps.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../connectors/aws/builtin.js';
import { groundTruth as awsGroundTruth } from '../harness/ground-truth/aws.js';
import { groupMemberEntitlementId } from '../connectors/aws/ids.js';
import { unpackAnnotation } from '../c1z/proto/annotation.js';
import { RawIdSchema } from '../c1z/proto/connector-annotations.js';
import type { Connector } from '../c1z/contract/connector.js';
import type { ConnectorHttpError, SyncError } from '../c1z/contract/sync-errors.js';
import { provisionGrant, provisionRevoke } from '../harness/sync/provision.js';
import { awsProvider } from '../mocks/aws/index.js';
import { createContext, type SimContext } from '../mocks/core/context.js';
import { parseFaultSpec } from '../mocks/faults/spec.js';
import type { TenantStore } from '../mocks/tenant/model.js';
import { createTenant } from '../mocks/tenant/store.js';
import { describeConnectorSuite } from './support/connector-suite.js';
import { syncConnector, type SyncedConnector } from './support/synced-connector.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BASE = 'https://aws.sync-harness.test';
/** More users than one IAM or Identity Store page (100), so every user listing takes several. */
const SHAPE = { seed: 5, users: 230, groups: 8 };
/** The simulator judges signatures by this clock and the connector signs by it: a fixed, non-wall time. */
const SIM_NOW = new Date('2026-05-01T12:00:00Z');

interface AwsRun {
  tenant: TenantStore;
  ctx: SimContext;
  credentials: Record<string, unknown>;
  /** Request bodies the connector sent (form or JSON), in order. */
  bodies: string[];
  connector(variant?: string): Connector;
}

async function fixture(options: { faults?: string[]; writeBack?: boolean; shape?: Partial<typeof SHAPE> } = {}): Promise<AwsRun> {
  const tenant = createTenant({ ...SHAPE, ...options.shape });
  const ctx = createContext({ tenant, clock: () => SIM_NOW, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const served = await awsProvider(ctx, BASE, { writeBack: options.writeBack });
  server.use(...served.handlers);
  const bodies: string[] = [];
  const recording: typeof fetch = async (input, init) => {
    bodies.push(String(init?.body ?? ''));
    return fetch(input, init);
  };
  return {
    tenant,
    ctx,
    credentials: served.credentials,
    bodies,
    connector: (variant) => builtin.create(served.credentials, { fetch: recording, now: () => SIM_NOW, variant }),
  };
}

const all = <T>(count: number, get: (seq: number) => T | undefined): T[] => Array.from({ length: count }, (_, i) => get(i + 1)!);
const tenantUsers = (t: TenantStore) => all(t.counts().users, (s) => t.user(s));
const tenantGroups = (t: TenantStore) => all(t.counts().groups, (s) => t.group(s));

/** RawIds of the synced resources of one type. */
function rawIdsOf(out: SyncedConnector, type: string): string[] {
  return [...out.rawIds]
    .filter(([k]) => k.startsWith(`${type}:`))
    .map(([, raw]) => raw ?? '')
    .sort();
}

/** `<group id>|<user id>` for every direct user membership, in the given provider ids. */
function tenantPairs(t: TenantStore, ids: 'awsId' | 'scimId'): string[] {
  return tenantGroups(t)
    .flatMap((g) =>
      t
        .members(g.seq, { limit: 100_000 })
        .items.filter((m) => m.memberType === 'user')
        .map((m) => `${g[ids]}|${t.user(m.memberSeq)![ids]}`),
    )
    .sort();
}

/** The same pairs read from the file: entitlement resource and principal mapped to their RawIds. */
function syncedPairs(out: SyncedConnector, groupType: string, userType: string, slugSuffix: string): string[] {
  return out.grants
    .filter((g) => g.entitlementId.startsWith(`${groupType}:`) && g.entitlementId.endsWith(slugSuffix))
    .map((g) => {
      const groupId = g.entitlementId.slice(groupType.length + 1, -slugSuffix.length);
      return `${out.rawIds.get(`${groupType}:${groupId}`)}|${out.rawIds.get(`${userType}:${g.principalId}`)}`;
    })
    .sort();
}

describeConnectorSuite({
  name: 'AWS',
  world: async (faults = []) => {
    const f = await fixture({ faults });
    return { tenant: f.tenant, ctx: f.ctx, connector: f.connector(), secret: String(f.credentials.secretAccessKey) };
  },
  groundTruth: (tenant) => awsGroundTruth(tenant),
  idIsRawId: false,
  // IAM throttles with HTTP 400 Throttling and no Retry-After: the engine's linear step.
  throttle: { fault: 'throttle:every=7', status: 400, route: /^iam\./, sleepMs: 1000 },
  expiredSecret: { texts: ['InvalidClientTokenId', 'The security token included in the request is invalid.'], status: 401, code: 'Unauthenticated' },
});

describe('the AWS connector syncing a healthy account', () => {
  it('writes the tenant’s users, groups, roles and memberships by their ids, independently of the ground truth', async () => {
    const f = await fixture();
    const out = await syncConnector(f.connector());
    expect(out.result.outcome).toBe('succeeded');

    // The RawIds are the tenant's IAM unique ids and store ids.
    const users = tenantUsers(f.tenant);
    const groups = tenantGroups(f.tenant);
    expect(rawIdsOf(out, 'iam_user')).toEqual(users.map((u) => u.awsId).sort());
    expect(rawIdsOf(out, 'group')).toEqual(groups.map((g) => g.awsId).sort());
    expect(rawIdsOf(out, 'role')).toEqual(
      f.tenant
        .roles()
        .map((r) => r.awsId)
        .sort(),
    );
    expect(rawIdsOf(out, 'sso_user')).toEqual(users.map((u) => u.scimId).sort());
    expect(rawIdsOf(out, 'sso_group')).toEqual(groups.map((g) => g.scimId).sort());
    expect(rawIdsOf(out, 'role').every((id) => id.startsWith('AROA'))).toBe(true);

    const account = String(f.credentials.accountId);
    const store = String(f.credentials.identityStoreId);
    for (const key of out.resourceKeys) {
      const [type, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      if (type === 'iam_user') expect(id).toMatch(new RegExp(`^arn:aws:iam::${account}:user/`));
      if (type === 'group') expect(id).toMatch(new RegExp(`^arn:aws:iam::${account}:group/`));
      if (type === 'role') expect(id).toMatch(new RegExp(`^arn:aws:iam::${account}:role/`));
      if (type === 'sso_user') expect(id).toBe(`arn:aws:identitystore:us-east-1::${store}/user/${out.rawIds.get(key)}`);
      if (type === 'sso_group') expect(id).toBe(`arn:aws:identitystore:us-east-1::${store}/group/${out.rawIds.get(key)}`);
    }

    // Memberships: IAM groups and Identity Store groups hold the tenant's direct user members.
    expect(syncedPairs(out, 'group', 'iam_user', ':member')).toEqual(tenantPairs(f.tenant, 'awsId'));
    expect(syncedPairs(out, 'sso_group', 'sso_user', ':member')).toEqual(tenantPairs(f.tenant, 'scimId'));
    expect(out.grants.length).toBeGreaterThan(0);
    for (const g of out.grants) expect(g.id).toBe(`${g.entitlementId}:${g.principalType}:${g.principalId}`);
    expect(new Set(out.grants.map((g) => g.principalType))).toEqual(new Set(['iam_user', 'sso_user']));
  });

  it('follows IAM Markers and Identity Store NextTokens at the services’ default page size', async () => {
    const f = await fixture();
    const out = await syncConnector(f.connector());
    expect(out.result.outcome).toBe('succeeded');
    const ok = (route: string) => f.ctx.journal.query({ route, status: 200 });
    // 230 users: at least three IAM pages (IAM may cut pages short), exactly three Identity Store pages.
    expect(ok('iam.ListUsers').length).toBeGreaterThanOrEqual(3);
    expect(ok('identitystore.ListUsers').map((e) => e.items)).toEqual([100, 100, 30]);
    expect(f.bodies.filter((b) => b.includes('Action=ListUsers') && b.includes('Marker=')).length).toBe(ok('iam.ListUsers').length - 1);
    // Groups bigger than a page: GetGroup and ListGroupMemberships follow their tokens too.
    const groups = f.tenant.counts().groups;
    expect(ok('iam.GetGroup').length).toBeGreaterThan(groups);
    expect(ok('identitystore.ListGroupMemberships').length).toBeGreaterThan(groups);
    // Like baton-aws: no page size asked for.
    expect(f.bodies.some((b) => b.includes('MaxItems') || b.includes('MaxResults'))).toBe(false);
  });
});

describe('the AWS connector under faults', () => {
  it('in the ignores-retry-after variant re-sends a throttled request at once instead of waiting', async () => {
    const f = await fixture({ faults: ['throttle:every=7'] });
    const out = await syncConnector(f.connector('ignores-retry-after'));
    expect(out.result.outcome).toBe('succeeded');
    const entries = f.ctx.journal.query({ provider: 'aws' });
    const throttledAt = entries.flatMap((e, i) => (e.fault ? [i] : []));
    expect(throttledAt.length).toBeGreaterThan(0);
    // Each throttled call is followed straight away by the same call again, never by a wait.
    for (const i of throttledAt) expect(entries[i + 1]?.route).toBe(entries[i]!.route);
    expect(out.sleeps).toEqual([]);
  });

  it('fails with PermissionDenied and IAM’s AccessDenied text when iam:GetGroup is not allowed', async () => {
    const f = await fixture({ faults: ['partial-consent:missing=iam:GetGroup'] });
    const out = await syncConnector(f.connector());
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect((out.result.error as ConnectorHttpError).status).toBe(403);
    expect((out.result.error as SyncError).code).toBe('PermissionDenied');
    expect(out.result.error.message).toContain('AccessDenied: User: arn:aws:iam::');
    expect(out.result.error.message).toContain('is not authorized to perform: iam:GetGroup');
  });
});

describe('the AWS connector provisioning IAM group membership', () => {
  it('adds a user to a group with AddUserToGroup and removes them with RemoveUserFromGroup', async () => {
    const f = await fixture({ writeBack: true, shape: { users: 40, groups: 4 } });
    const connector = f.connector();
    const groups = (await connector.syncers.group!.list(undefined, '')).resources;
    const group = groups[0]!;
    const groupSeq = tenantGroups(f.tenant).find((g) => g.awsId === unpackAnnotation(group.annotations, RawIdSchema)?.id)!.seq;
    const isMember = (userSeq: number) =>
      f.tenant.members(groupSeq, { limit: 100_000 }).items.some((m) => m.memberType === 'user' && m.memberSeq === userSeq);

    const users = (await connector.syncers.iam_user!.list(undefined, '')).resources;
    const user = users.find((u) => !isMember(tenantUsers(f.tenant).find((t) => t.awsId === unpackAnnotation(u.annotations, RawIdSchema)?.id)!.seq))!;
    const userSeq = tenantUsers(f.tenant).find((t) => t.awsId === unpackAnnotation(user.annotations, RawIdSchema)?.id)!.seq;
    const [entitlement] = (await connector.syncers.group!.entitlements(group, '')).entitlements;
    expect(entitlement!.id).toBe(groupMemberEntitlementId(group.id!.resource));

    const [granted] = await provisionGrant(connector, user, entitlement!);
    expect(granted!.id).toBe(`${entitlement!.id}:iam_user:${user.id!.resource}`);
    expect(isMember(userSeq)).toBe(true);
    expect(f.ctx.journal.query({ route: 'iam.AddUserToGroup', status: 200 })).toHaveLength(1);
    expect((await syncConnector(connector)).grants.map((g) => g.id)).toContain(granted!.id);

    await provisionRevoke(connector, granted!);
    expect(isMember(userSeq)).toBe(false);
    expect(f.ctx.journal.query({ route: 'iam.RemoveUserFromGroup', status: 200 })).toHaveLength(1);
    expect((await syncConnector(connector)).grants.map((g) => g.id)).not.toContain(granted!.id);
  });

  it('is refused with AccessDenied when the simulator does not write back', async () => {
    const f = await fixture({ shape: { users: 20, groups: 2 } });
    const connector = f.connector();
    const group = (await connector.syncers.group!.list(undefined, '')).resources[0]!;
    const user = (await connector.syncers.iam_user!.list(undefined, '')).resources[0]!;
    const [entitlement] = (await connector.syncers.group!.entitlements(group, '')).entitlements;
    await expect(provisionGrant(connector, user, entitlement!)).rejects.toThrow(/grant failed: iam:AddUserToGroup: 403 AccessDenied/);
  });
});
