/**
 * The reference Okta connector syncing the Okta simulator (in-process, MSW) through the engine into a real
 * .c1z, checked against its ground truth and, independently, against the tenant itself: Okta ids, every
 * user status (DEPROVISIONED included), user members, admin roles held by users and groups, app
 * assignments; Link paging at Okta's limits; both ways in (an SSWS token and an OAuth service app's
 * private_key_jwt); a scope the app lacks costing only its data; Okta's words on failure. The shared
 * connector suite adds the ground truth, a 429 retried at its X-Rate-Limit-Reset and an expired credential.
 * Nothing really sleeps: the sleeper records.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../connectors/okta/builtin.js';
import { groundTruth as oktaGroundTruth } from '../harness/ground-truth/okta.js';
import { appGrantId, roleGrantId, STANDARD_ROLES, type OktaConnector } from '../connectors/okta/index.js';
import type { ConnectorHttpError } from '../c1z/contract/sync-errors.js';
import { createContext } from '../mocks/core/context.js';
import { drain, storeSource } from '../mocks/core/paging/list-source.js';
import { parseFaultSpec } from '../mocks/faults/spec.js';
import { oktaId } from '../mocks/okta/ids.js';
import { oktaRole } from '../mocks/okta/render/role.js';
import { createOktaSimulator, type OktaSimulatorOptions } from '../mocks/okta/simulator.js';
import type { TenantShape, TenantUser } from '../mocks/tenant/model.js';
import { createTenant } from '../mocks/tenant/store.js';
import { describeConnectorSuite } from './support/connector-suite.js';
import { syncConnector } from './support/synced-connector.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A frozen simulator clock: its Date and X-Rate-Limit-Reset headers then give exact waits. */
const T0 = new Date('2026-05-01T12:00:00Z');

interface WorldOptions {
  shape?: Partial<TenantShape>;
  faults?: string[];
  sim?: OktaSimulatorOptions;
  /** Sign in with the SSWS token only (the credentials without the service app's key). */
  ssws?: boolean;
}

function world(options: WorldOptions = {}) {
  const tenant = createTenant({ seed: 7, users: 30, groups: 6, disabledRatio: 0.25, ...options.shape });
  const ctx = createContext({ tenant, clock: () => T0, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const sim = createOktaSimulator(ctx, options.sim);
  server.use(...sim.handlers);
  const { token, clientId, privateKey, keyId, orgUrl } = sim.credentials;
  const credentials = options.ssws ? { orgUrl, credentials: { token } } : { orgUrl, credentials: { clientId, privateKey, keyId } };
  const connector = builtin.create(credentials, { now: ctx.clock }) as OktaConnector;
  return { tenant, ctx, sim, connector, secret: options.ssws ? token : privateKey };
}

const sorted = (list: Iterable<string>) => [...list].sort();
const uid = (w: ReturnType<typeof world>, seq: number) => oktaId(w.tenant.shape.seed, 'user', seq);
const gid = (w: ReturnType<typeof world>, seq: number) => oktaId(w.tenant.shape.seed, 'group', seq);

describeConnectorSuite({
  name: 'Okta',
  world: (faults = []) => world({ faults }),
  groundTruth: (tenant) => oktaGroundTruth(tenant),
  idIsRawId: true,
  // Okta's 429 names its reset in X-Rate-Limit-Reset (epoch seconds), one second ahead here; no Retry-After.
  throttle: { fault: 'throttle:every=4,retry-after=1,route=okta.*', status: 429, sleepMs: 1000 },
  expiredSecret: { texts: ['invalid_client'], code: 'Unauthenticated' },
});

describe('the Okta connector syncing a healthy org', () => {
  it('writes exactly the tenant, independently of the ground truth: ids, statuses, members, roles, apps', async () => {
    const w = world();
    const out = await syncConnector(w.connector);
    expect(out.result.outcome).toBe('succeeded');
    const users: TenantUser[] = drain(storeSource((p) => w.tenant.users(p)));
    const groups = drain(storeSource((p) => w.tenant.groups(p)));
    const apps = drain(storeSource((p) => w.tenant.apps(p)));
    expect(sorted(out.resourceKeys)).toEqual(
      sorted([
        ...users.map((u) => `user:${uid(w, u.seq)}`),
        ...groups.map((g) => `group:${gid(w, g.seq)}`),
        ...Object.keys(STANDARD_ROLES).map((t) => `role:${t}`),
        ...apps.map((a) => `app:${oktaId(w.tenant.shape.seed, 'app', a.seq)}`),
      ]),
    );
    // Disabled users are SUSPENDED or DEPROVISIONED; the plain listing would have left the latter out.
    expect(users.some((u) => !u.enabled)).toBe(true);
    for (const user of users) expect(out.users.get(uid(w, user.seq))).toEqual({ login: user.mail, email: user.mail, enabled: user.enabled });

    const members = groups.flatMap((g) =>
      drain(storeSource((p) => w.tenant.members(g.seq, p)))
        .filter((m) => m.memberType === 'user')
        .map((m) => `group:${gid(w, g.seq)}:member:user:${uid(w, m.memberSeq)}`),
    );
    expect(members.length).toBeGreaterThan(0);
    expect(sorted(out.grants.filter((g) => g.entitlementId.endsWith(':member')).map((g) => g.id))).toEqual(sorted(members));

    const roleGrants = drain(storeSource((p) => w.tenant.roleAssignments(p))).flatMap((a) => {
      const type = oktaRole(w.tenant.role(a.roleSeq)!, w.tenant.shape.seed).type;
      if (!(type in STANDARD_ROLES)) return [];
      return [a.principalType === 'user' ? roleGrantId(type, 'user', uid(w, a.principalSeq)) : roleGrantId(type, 'group', gid(w, a.principalSeq))];
    });
    expect(roleGrants.length).toBeGreaterThan(0);
    expect(sorted(out.grants.filter((g) => g.entitlementId.startsWith('role:')).map((g) => g.id))).toEqual(sorted(new Set(roleGrants)));
    for (const g of out.grants.filter((x) => x.principalType === 'group')) expect(g.expandsTo).toEqual([`group:${g.principalId}:member`]);

    const appGrants = out.grants.filter((g) => g.entitlementId.startsWith('app:'));
    expect(appGrants.length).toBeGreaterThan(0);
    const assigned = apps.flatMap((app) =>
      drain(storeSource((p) => w.tenant.appRoleAssignments(app.seq, p))).map((a) =>
        appGrantId(
          oktaId(w.tenant.shape.seed, 'app', app.seq),
          a.principalType,
          a.principalType === 'user' ? uid(w, a.principalSeq) : gid(w, a.principalSeq),
        ),
      ),
    );
    expect(sorted(appGrants.map((g) => g.id))).toEqual(sorted(new Set(assigned)));
  });

  it('reads the roles of the users holding one only, as the assignees listing names them', async () => {
    const w = world({ shape: { users: 120, groups: 6 } });
    await syncConnector(w.connector);
    const holders = new Set(drain(storeSource((p) => w.tenant.roleAssignments(p, { principalType: 'user' }))).map((a) => uid(w, a.principalSeq)));
    expect(holders.size).toBeGreaterThan(0);
    expect(holders.size).toBeLessThan(120);
    const reads = w.ctx.journal.query({ route: 'okta.userRoles.list' }).map((e) => /\/users\/([^/]+)\/roles/.exec(e.url)?.[1] ?? '');
    expect(sorted(reads)).toEqual(sorted(holders));
    expect(w.ctx.journal.query({ route: 'okta.roleAssignees.list' })).toHaveLength(Math.ceil(holders.size / 100));
  });

  it('signs in once with a private_key_jwt assertion and reads with the Bearer token it bought', async () => {
    const w = world();
    await syncConnector(w.connector);
    expect(w.connector.client.tokenRequests).toBe(1);
    expect(w.ctx.journal.query({ status: 401 })).toEqual([]);
  });

  it('syncs the same ground truth with an SSWS API token', async () => {
    const w = world({ ssws: true });
    const out = await syncConnector(w.connector);
    expect(out.result.outcome).toBe('succeeded');
    expect(w.connector.client.tokenRequests).toBe(0);
    const truth = oktaGroundTruth(w.tenant);
    expect(sorted(out.resourceKeys)).toEqual(sorted(truth.resources));
    expect(sorted(out.grants.map((g) => g.id))).toEqual(sorted(truth.grants));
  });

  it('pages 450 users at limit=200 by following each Link rel="next" URL as given', async () => {
    const w = world({ shape: { users: 450, groups: 3 } });
    const out = await syncConnector(w.connector);
    expect(out.users.size).toBe(450);
    const lists = w.ctx.journal.query({ route: 'okta.users.list' });
    expect(lists).toHaveLength(3);
    const urls = lists.map((e) => new URL(e.url, 'https://x'));
    expect(urls.map((u) => u.searchParams.get('limit'))).toEqual(['200', '200', '200']);
    expect(urls.map((u) => u.searchParams.get('search'))).toEqual(['status pr', 'status pr', 'status pr']);
    expect(urls[0]!.searchParams.get('after')).toBeNull();
    expect(urls.slice(1).every((u) => (u.searchParams.get('after') ?? '') !== '')).toBe(true);
  });
});

describe('the Okta connector with fewer scopes or a bad credential', () => {
  it('syncs users and groups without okta.roles.read and okta.apps.read, and exactly its ground truth for that grant', async () => {
    const granted = ['okta.users.read', 'okta.groups.read'];
    const w = world({ sim: { grantedScopes: granted } });
    const out = await syncConnector(w.connector);
    expect(out.result.outcome).toBe('succeeded');
    expect(out.resourceKeys.some((k) => k.startsWith('app:'))).toBe(false);
    expect(out.grants.some((g) => g.entitlementId.startsWith('role:'))).toBe(false);
    const truth = oktaGroundTruth(w.tenant, granted);
    expect(sorted(out.resourceKeys)).toEqual(sorted(truth.resources));
    expect(sorted(out.grants.map((g) => g.id))).toEqual(sorted(truth.grants));
    // Each kind is asked for once, refused in Okta's way (403 insufficient_scope, empty body), then skipped.
    const refused = w.ctx.journal.query({ status: 403 });
    expect(sorted(refused.map((e) => e.route ?? ''))).toEqual(['okta.apps.list', 'okta.roleAssignees.list']);
  });

  it('loses only the apps when the app listing is refused for okta.apps.read', async () => {
    const w = world({ faults: ['partial-consent:missing=okta.apps.read,route=okta.apps.list'] });
    const out = await syncConnector(w.connector);
    expect(out.result.outcome).toBe('succeeded');
    const truth = oktaGroundTruth(w.tenant, ['okta.users.read', 'okta.groups.read', 'okta.roles.read']);
    expect(sorted(out.resourceKeys)).toEqual(sorted(truth.resources));
    expect(sorted(out.grants.map((g) => g.id))).toEqual(sorted(truth.grants));
  });

  it('fails when users are refused, with the scope the route needed', async () => {
    const w = world({ sim: { grantedScopes: ['okta.groups.read', 'okta.roles.read', 'okta.apps.read'] } });
    const out = await syncConnector(w.connector);
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect(out.result.error.message).toMatch(/^GET \/api\/v1\/users: 403: insufficient_scope: .*\(needs scope okta\.users\.read\)$/);
    expect((out.result.error as ConnectorHttpError).code).toBe('PermissionDenied');
  });

  it("fails a revoked SSWS token with Okta's E0000011, never printing the token", async () => {
    const w = world({ ssws: true, faults: ['revoked-credential'] });
    const out = await syncConnector(w.connector);
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect(out.result.error.message).toBe('GET /api/v1/users: 401: E0000011: Invalid token provided');
    expect(out.result.error.message).not.toContain(w.secret);
  });
});

describe('the Okta connector provisioning group membership', () => {
  it('adds and removes a member with PUT and DELETE, on a token that adds okta.groups.manage, changing the tenant', async () => {
    const w = world({ sim: { writeBack: true } });
    const out = await syncConnector(w.connector);
    const groupSeq = drain(storeSource((p) => w.tenant.groups(p))).find((g) => w.tenant.group(g.seq)!.kind !== 'distribution')!.seq;
    const members = new Set(
      drain(storeSource((p) => w.tenant.members(groupSeq, p)))
        .filter((m) => m.memberType === 'user')
        .map((m) => m.memberSeq),
    );
    const outsider = drain(storeSource((p) => w.tenant.users(p))).find((u) => !members.has(u.seq))!;
    const group = out.resources.find((r) => r.id?.resource === gid(w, groupSeq))!;
    const user = out.resources.find((r) => r.id?.resource === uid(w, outsider.seq))!;
    const { entitlements } = await w.connector.syncers.group!.entitlements(group, '');
    const [granted] = await w.connector.syncers.group!.grant!(user, entitlements[0]!);
    expect(granted!.id).toBe(`group:${gid(w, groupSeq)}:member:user:${uid(w, outsider.seq)}`);
    expect(w.tenant.memberOf('user', outsider.seq).some((m) => m.groupSeq === groupSeq)).toBe(true);
    await w.connector.syncers.group!.revoke!(granted!);
    expect(w.tenant.memberOf('user', outsider.seq).some((m) => m.groupSeq === groupSeq)).toBe(false);
    expect(w.ctx.journal.query({ route: 'okta.members.add' }).map((e) => e.status)).toEqual([204]);
    expect(w.ctx.journal.query({ route: 'okta.members.remove' }).map((e) => e.status)).toEqual([204]);
    // One token for the sync, one more for the writes.
    expect(w.connector.client.tokenRequests).toBe(2);
    await expect(w.connector.syncers.group!.grant!(group, entitlements[0]!)).rejects.toThrow(/a group cannot be a group member/);
  });

  it("fails a write the service app may not make with Okta's 403 insufficient_scope naming okta.groups.manage", async () => {
    const w = world();
    const out = await syncConnector(w.connector);
    const grant = out.grants.find((g) => g.entitlementId.endsWith(':member'))!;
    const group = out.resources.find((r) => `group:${r.id?.resource}:member` === grant.entitlementId)!;
    const { entitlements } = await w.connector.syncers.group!.entitlements(group, '');
    const revoke = w.connector.syncers.group!.revoke!({
      id: grant.id,
      entitlement: entitlements[0],
      principal: { id: { resourceType: 'user', resource: grant.principalId } },
    } as never);
    await expect(revoke).rejects.toThrow(
      /^DELETE \/api\/v1\/groups\/[^/]+\/users\/[^:]+: 403: insufficient_scope: .*\(needs scope okta\.groups\.manage\)$/,
    );
    expect(out.grants.length).toBeGreaterThan(0);
  });
});
