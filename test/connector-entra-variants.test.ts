/**
 * `builtin:entra`: the clean connector built from the simulator's credentials writes exactly its ground
 * truth, and each buggy variant shows its one bug, synced in-process through MSW. Paging bugs need more
 * than one page, so most variants here list with `$top=10` (builtin runs use Graph's 999).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../connectors/entra/builtin.js';
import { groundTruth as entraGroundTruth } from '../harness/ground-truth/entra.js';
import { createEntraConnector, createEntraVariant, type ENTRA_VARIANTS, type EntraConnector } from '../connectors/entra/index.js';
import { createContext } from '../mocks/core/context.js';
import { entraProvider } from '../mocks/entra/index.js';
import { entraFixture, type EntraFixture, type FixtureOptions } from '../mocks/entra/test-support/entra-fixture.test-support.js';
import type { TenantShape } from '../mocks/tenant/model.js';
import { createTenant } from '../mocks/tenant/store.js';
import { syncConnector } from './support/synced-connector.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SHAPE = { users: 30, groups: 12, nestedGroupRatio: 0.5, guestRatio: 0.2 };
const TOP = 10;

function fixture(options: FixtureOptions = {}): EntraFixture {
  return entraFixture(server, { ...options, shape: { ...SHAPE, ...options.shape } });
}

function variant(f: EntraFixture, name: keyof typeof ENTRA_VARIANTS, top = TOP): EntraConnector {
  return createEntraVariant(name, { ...f.sim.credentials, authority: f.sim.authority, graphBase: f.sim.bases.graph, top });
}

function clean(f: EntraFixture, top = TOP): EntraConnector {
  return createEntraConnector({ ...f.sim.credentials, authority: f.sim.authority, graphBase: f.sim.bases.graph, top });
}

function usersOf(f: EntraFixture) {
  return Array.from({ length: f.tenant.counts().users }, (_, i) => f.tenant.user(i + 1)!);
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

/** The simulator as a scenario run serves it, with the credentials `entraProvider` hands out. */
function served(shape: Partial<TenantShape>, permissions?: string[]) {
  const tenant = createTenant(shape);
  const ctx = createContext({ tenant, seed: 5 });
  const provider = entraProvider(ctx, 'https://entra.sim.test') as Awaited<ReturnType<typeof entraProvider>>;
  server.use(...provider.handlers);
  return { tenant, ctx, credentials: provider.credentials, permissions };
}

describe('builtin:entra, the clean connector', () => {
  it('lists its variants and refuses unknown ones', () => {
    expect([...builtin.variants].sort()).toEqual(
      [
        'drops-guests',
        'drops-some',
        'first-page-only',
        'ignores-retry-after',
        'keeps-pages',
        'n-plus-one',
        'no-provisioner',
        'no-raw-id',
        'repeats-page-token',
        'uppercase-ids',
        'wrong-endpoint',
        'wrong-principal-type',
      ].sort(),
    );
    const { credentials } = served({ users: 3, groups: 1 });
    expect(() => builtin.create(credentials, { variant: 'nope' })).toThrow(/unknown variant "nope" \(known: repeats-page-token, /);
    expect(() => builtin.create({ ...credentials, graphBase: undefined }, {})).toThrow(/missing graphBase/);
  });

  it('syncs exactly its ground truth from the credentials entraProvider hands out', async () => {
    const { tenant, credentials } = served(SHAPE);
    expect(Object.keys(credentials).sort()).toEqual(['authority', 'clientId', 'clientSecret', 'graphBase', 'scope', 'tenantId']);
    const out = await syncConnector(builtin.create(credentials, {}));
    expect(out.result.outcome).toBe('succeeded');
    const truth = entraGroundTruth(tenant);
    expect(truth.resources).toHaveLength(SHAPE.users + SHAPE.groups + tenant.counts().apps);
    expect(truth.grants.some((g) => g.includes(':assignment:'))).toBe(true);
    expect(truth.grants.some((g) => g.includes(':member:group:'))).toBe(true);
    expect(truth.grants.some((g) => g.includes(':owner:user:'))).toBe(true);
    expect(sorted(out.resourceKeys)).toEqual(sorted(truth.resources));
    expect(sorted(out.grants.map((g) => g.id))).toEqual(sorted(truth.grants));
  });

  it('builds variants too, which at Graph’s page size of 999 need a larger tenant to show paging bugs', async () => {
    const { tenant, credentials } = served({ users: 1003, groups: 2, membershipsPerUser: 0.2, guestRatio: 0 });
    const out = await syncConnector(builtin.create(credentials, { variant: 'first-page-only' }));
    expect(out.result.outcome).toBe('succeeded');
    const truth = entraGroundTruth(tenant).resources;
    expect(truth.filter((r) => !out.resourceKeys.includes(r))).toEqual([1000, 1001, 1002, 1003].map((seq) => `user:${tenant.user(seq)!.objectId}`));
  });

  it('restricts the ground truth to what the permissions read', () => {
    const { tenant } = served({ users: 8, groups: 3 });
    const full = entraGroundTruth(tenant);
    const users = full.resources.filter((r) => r.startsWith('user:'));
    const groups = full.resources.filter((r) => r.startsWith('group:'));
    const groupGrants = full.grants.filter((g) => g.startsWith('group:'));
    expect(entraGroundTruth(tenant, ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'])).toEqual(full);
    expect(entraGroundTruth(tenant, ['User.Read.All', 'GroupMember.Read.All'])).toEqual({ resources: [...users, ...groups], grants: groupGrants });
    expect(entraGroundTruth(tenant, ['User.ReadBasic.All'])).toEqual({ resources: users, grants: [] });
    // GroupMember.Read.All reads groups and their members; members it may not read show as limited objects.
    expect(entraGroundTruth(tenant, ['GroupMember.Read.All'])).toEqual({ resources: groups, grants: groupGrants });
    expect(entraGroundTruth(tenant, [])).toEqual({ resources: [], grants: [] });
  });
});

describe('builtin:entra buggy variants', () => {
  it('repeats-page-token: the engine stops it with "next page token unchanged"', async () => {
    const f = fixture();
    const out = await syncConnector(variant(f, 'repeats-page-token'));
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect(out.result.error.message).toMatch(/listing resources failed: next page token unchanged \(token=.*type=user/);
    // The first page and the second, whose token came back unchanged; nothing after.
    const lists = f.ctx.journal.query({ route: 'graph.users.list' });
    expect(lists).toHaveLength(2);
    expect(out.result.error.message).toContain(new URL(lists[1]!.url, f.sim.bases.graph).searchParams.get('$skiptoken'));
  });

  it('wrong-principal-type: member grants name their principal User or Group', async () => {
    const f = fixture();
    const out = await syncConnector(variant(f, 'wrong-principal-type'));
    expect(out.result.outcome).toBe('succeeded');
    const members = out.grants.filter((g) => g.entitlementId.endsWith(':member'));
    expect(new Set(members.map((g) => g.principalType))).toEqual(new Set(['User', 'Group']));
    expect(out.grants.filter((g) => g.entitlementId.endsWith(':owner')).every((g) => g.principalType === 'user')).toBe(true);
    // Same memberships, none of them under the id the ground truth expects.
    const truth = entraGroundTruth(f.tenant).grants.filter((id) => id.includes(':member:'));
    expect(sorted(members.map((g) => g.id.replace(':member:User:', ':member:user:').replace(':member:Group:', ':member:group:')))).toEqual(
      sorted(truth),
    );
    expect(members.some((g) => truth.includes(g.id))).toBe(false);
  });

  it('n-plus-one: one graph.users.get per user after an id-only listing', async () => {
    const f = fixture();
    const out = await syncConnector(variant(f, 'n-plus-one'));
    expect(out.result.outcome).toBe('succeeded');
    const gets = f.ctx.journal.query({ route: 'graph.users.get', status: 200 });
    expect(gets).toHaveLength(SHAPE.users);
    expect(sorted(gets.map((e) => e.url.split('?')[0]!.split('/').pop()!))).toEqual(sorted(usersOf(f).map((u) => u.objectId)));
    expect(f.ctx.journal.query({ route: 'graph.users.list' })).toHaveLength(SHAPE.users / TOP);
    // The records themselves are right: the bug is the calls.
    expect(sorted(out.resourceKeys)).toEqual(sorted(entraGroundTruth(f.tenant).resources));

    const g = fixture();
    await syncConnector(clean(g));
    expect(g.ctx.journal.query({ route: 'graph.users.get' })).toHaveLength(0);
  });

  it('no-raw-id: users and groups carry no RawId', async () => {
    const f = fixture();
    const out = await syncConnector(variant(f, 'no-raw-id'));
    expect(out.result.outcome).toBe('succeeded');
    const ofDirectory = [...out.rawIds].filter(([key]) => key.startsWith('user:') || key.startsWith('group:'));
    expect(ofDirectory).toHaveLength(SHAPE.users + SHAPE.groups);
    expect(ofDirectory.every(([, raw]) => raw === undefined)).toBe(true);

    const g = fixture();
    const good = await syncConnector(clean(g));
    for (const [key, raw] of good.rawIds) expect(key).toBe(`${key.split(':')[0]}:${raw}`);
  });

  it('ignores-retry-after: re-sends a 429 at once, three times, before the engine waits', async () => {
    // The first five user listings are throttled with Retry-After: 1.
    const throttle = 'throttle:route=graph.users.list,count=5,retry-after=1';
    const f = fixture({ faults: [throttle] });
    const out = await syncConnector(variant(f, 'ignores-retry-after'));
    expect(out.result.outcome).toBe('succeeded');
    const first = f.ctx.journal.query({ route: 'graph.users.list' }).slice(0, 6);
    expect(first.map((e) => e.status)).toEqual([429, 429, 429, 429, 429, 200]);
    expect(new Set(first.map((e) => e.url)).size).toBe(1);
    // Four calls (one and three re-sends) before the engine saw an error and waited once; then one 429, re-sent at once.
    expect(out.sleeps).toEqual([1000]);

    const g = fixture({ faults: [throttle] });
    const good = await syncConnector(clean(g));
    expect(good.sleeps).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('first-page-only: users and groups beyond the first page are missing', async () => {
    const f = fixture();
    const out = await syncConnector(variant(f, 'first-page-only'));
    expect(out.result.outcome).toBe('succeeded');
    const truth = entraGroundTruth(f.tenant).resources;
    const missing = truth.filter((r) => !out.resourceKeys.includes(r));
    const firstUsers = usersOf(f)
      .slice(0, TOP)
      .map((u) => `user:${u.objectId}`);
    const firstGroups = Array.from({ length: TOP }, (_, i) => `group:${f.tenant.group(i + 1)!.objectId}`);
    expect(sorted(out.resourceKeys.filter((k) => !k.startsWith('enterprise_application:')))).toEqual(sorted([...firstUsers, ...firstGroups]));
    expect(missing).toHaveLength(SHAPE.users - TOP + SHAPE.groups - TOP);
    expect(f.ctx.journal.query({ route: 'graph.users.list' })).toHaveLength(1);
    expect(f.ctx.journal.query({ route: 'graph.groups.list' })).toHaveLength(1);
  });

  it('drops-guests: exactly the guest users are missing', async () => {
    const f = fixture();
    const out = await syncConnector(variant(f, 'drops-guests'));
    expect(out.result.outcome).toBe('succeeded');
    const guests = usersOf(f).filter((u) => u.kind === 'guest' || u.kind === 'external');
    expect(guests.length).toBeGreaterThan(0);
    const truth = entraGroundTruth(f.tenant).resources;
    expect(sorted(truth.filter((r) => !out.resourceKeys.includes(r)))).toEqual(sorted(guests.map((u) => `user:${u.objectId}`)));
    expect(out.resourceKeys.filter((r) => !truth.includes(r))).toEqual([]);
    expect(f.ctx.journal.query({ route: 'graph.users.list', status: 200 })[0]?.url).toContain('$filter=userType');
  });

  it('keeps-pages: every Graph page it fetched stays on the connector', async () => {
    const f = fixture();
    const connector = variant(f, 'keeps-pages') as ReturnType<(typeof ENTRA_VARIANTS)['keeps-pages']>;
    const out = await syncConnector(connector);
    expect(out.result.outcome).toBe('succeeded');
    const graphReads = f.ctx.journal.query({ route: /^graph\./, status: 200 });
    expect(connector.pages).toHaveLength(graphReads.length);
    const userIds = connector.pages.flatMap((p) => {
      const page = p as { value?: Array<{ id: string; userPrincipalName?: string }> };
      return (page.value ?? []).filter((o) => o.userPrincipalName !== undefined).map((o) => o.id);
    });
    expect(new Set(userIds)).toEqual(new Set(usersOf(f).map((u) => u.objectId)));

    // Twice the tenant, about twice the pages kept.
    const g = fixture({ shape: { users: 2 * SHAPE.users, groups: 2 * SHAPE.groups } });
    const bigger = variant(g, 'keeps-pages') as typeof connector;
    await syncConnector(bigger);
    expect(bigger.pages.length).toBeGreaterThan(1.5 * connector.pages.length);
  });
});
