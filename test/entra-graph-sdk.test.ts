/**
 * Conformance: the official SDKs (@azure/identity's ClientSecretCredential + @microsoft/microsoft-graph-client)
 * run in-process against the Entra simulator under MSW, with unmatched requests failing the test.
 * A fresh credential per test: MSAL caches tokens and throttle entries per credential (reference A1).
 */
import { AuthenticationRequiredError, ClientSecretCredential } from '@azure/identity';
import { Client, GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../mocks/core/context.js';
import { parseFaultSpec } from '../mocks/faults/spec.js';
import { createEntraSimulator, type EntraSimulatorOptions } from '../mocks/entra/index.js';
import { createTenant } from '../mocks/tenant/store.js';
import type { TenantShape, TenantStore } from '../mocks/tenant/model.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(options: { faults?: string[]; shape?: Partial<TenantShape>; sim?: EntraSimulatorOptions; secret?: string } = {}) {
  const tenant = createTenant({ users: 230, groups: 5, ...options.shape });
  const ctx = createContext({ tenant, seed: 11, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const sim = createEntraSimulator(ctx, options.sim);
  server.use(...sim.handlers);
  const { tenantId, clientId, clientSecret } = sim.credentials;
  const credential = new ClientSecretCredential(tenantId, clientId, options.secret ?? clientSecret);
  const client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: [sim.scope] }) });
  return { ctx, sim, client, tenant };
}

async function collect(client: Client, first: PageCollection): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  const iterator = new PageIterator(client, first, (item: Record<string, unknown>) => {
    items.push(item);
    return true;
  });
  await iterator.iterate();
  return items;
}

function biggestGroup(tenant: TenantStore) {
  let best = tenant.group(1)!;
  for (let seq = 2; seq <= tenant.counts().groups; seq++) {
    if (memberIds(tenant, seq).length > memberIds(tenant, best.seq).length) best = tenant.group(seq)!;
  }
  return best;
}

function memberIds(tenant: TenantStore, groupSeq: number): string[] {
  return tenant
    .members(groupSeq, { limit: 10_000 })
    .items.map((m) => (m.memberType === 'user' ? tenant.user(m.memberSeq)! : tenant.group(m.memberSeq)!).objectId);
}

function allUserIds(tenant: TenantStore): string[] {
  const ids: string[] = [];
  for (let seq = 1; seq <= tenant.counts().users; seq++) ids.push(tenant.user(seq)!.objectId);
  return ids;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('Graph SDK against the Entra simulator', () => {
  it('pages through every user with PageIterator and sees exactly the tenant', async () => {
    const { client, tenant, ctx } = setup();
    const first = (await client.api('/users').get()) as PageCollection;
    const users = await collect(client, first);
    const ids = users.map((u) => u.id as string);
    expect(ids).toHaveLength(230);
    expect(new Set(ids)).toEqual(new Set(allUserIds(tenant)));
    // 230 users at the default page size of 100: three pages, each a separate request.
    expect(ctx.journal.query({ route: 'graph.users.list' }).map((e) => e.items)).toEqual([100, 100, 30]);
  });

  it('pages through the members of a big group on the beta path the Entra connector uses', async () => {
    const { client, tenant } = setup();
    const big = biggestGroup(tenant);
    const expected = memberIds(tenant, big.seq);
    expect(expected.length).toBeGreaterThan(100);
    const first = (await client.api(`/groups/${big.objectId}/members`).version('beta').select('id').get()) as PageCollection;
    expect(first['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.com\/beta\/groups\/[0-9a-f-]+\/members\?\$select=id&\$skiptoken=/);
    const members = await collect(client, first);
    expect(members.map((m) => m.id)).toHaveLength(expected.length);
    expect(new Set(members.map((m) => m.id))).toEqual(new Set(expected));
    expect(members.every((m) => typeof m['@odata.type'] === 'string' && Object.keys(m).length === 2)).toBe(true);
  });

  it('projects $select and names it in @odata.context', async () => {
    const { client } = setup();
    const page = (await client.api('/users').select(['id', 'accountEnabled', 'userType']).top(5).get()) as PageCollection;
    expect(page['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users(id,accountEnabled,userType)');
    expect(page.value).toHaveLength(5);
    for (const user of page.value as Array<Record<string, unknown>>) {
      expect(Object.keys(user).sort()).toEqual(['accountEnabled', 'id', 'userType']);
      expect(['Member', 'Guest']).toContain(user.userType);
    }
  });

  it('surfaces a wrong secret as AuthenticationRequiredError carrying AADSTS7000215', async () => {
    const { client, sim } = setup({ secret: 'not-the-secret' });
    // The Graph client wraps whatever the credential throws into a GraphError named after it.
    const wrapped = (await failure(client.api('/users').get())) as GraphError;
    expect(wrapped.code).toBe('AuthenticationRequiredError');
    expect(wrapped.message).toContain('AADSTS7000215: Invalid client secret provided.');
    const { tenantId, clientId } = sim.credentials;
    const direct = await failure(new ClientSecretCredential(tenantId, clientId, 'not-the-secret').getToken(sim.scope));
    expect(direct).toBeInstanceOf(AuthenticationRequiredError);
    expect((direct as Error).message).toMatch(
      /^invalid_client: Error\(s\): 7000215 - Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ - Description: AADSTS7000215: /,
    );
    expect((direct as Error).message).toMatch(/Trace ID: [0-9a-f-]{36}/);
  });

  it('surfaces an expired secret as AADSTS7000222', async () => {
    const { client, ctx } = setup({ faults: ['expired-secret'] });
    const error = await failure(client.api('/users').get());
    expect((error as Error).message).toContain('AADSTS7000222: The provided client secret keys for app');
    expect(ctx.journal.query({ route: 'entra.token', status: 401, fault: true })).toHaveLength(1);
    expect(ctx.journal.query({ route: 'graph.users.list' })).toHaveLength(0);
  });

  it('answers a missing permission with GraphError 403 Authorization_RequestDenied and a request id', async () => {
    const { client } = setup({ sim: { grantedPermissions: ['User.Read.All'] } });
    const error = await failure(client.api('/groups').get());
    expect(error).toBeInstanceOf(GraphError);
    const graphError = error as GraphError;
    expect(graphError.statusCode).toBe(403);
    expect(graphError.code).toBe('Authorization_RequestDenied');
    expect(graphError.message).toBe('Insufficient privileges to complete the operation.');
    expect(graphError.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(graphError.headers?.get('request-id')).toBe(graphError.requestId);
  });

  it('lets the RetryHandler honour a fractional Retry-After on a throttle, then succeed', async () => {
    const { client, ctx } = setup({ faults: ['throttle:route=graph.users.list,count=1,retry-after=0.3'] });
    const started = performance.now();
    const page = (await client.api('/users').top(3).get()) as PageCollection;
    const elapsed = performance.now() - started;
    expect(page.value).toHaveLength(3);
    expect(ctx.journal.query({ route: 'graph.users.list' }).map((e) => e.status)).toEqual([429, 200]);
    // Retry-After 0.3 is honoured as 300 ms (not rounded to 0, not the 3 s default delay).
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(2500);
  });

  it('retries at once on Retry-After: 0', async () => {
    const { client, ctx } = setup({ faults: ['throttle:route=graph.users.list,count=2,retry-after=0'] });
    const page = (await client.api('/users').top(1).get()) as PageCollection;
    expect(page.value).toHaveLength(1);
    expect(ctx.journal.query({ route: 'graph.users.list' }).map((e) => e.status)).toEqual([429, 429, 200]);
  });

  it('does not retry a 500', async () => {
    const { client, ctx } = setup({ faults: ['server-error:route=graph.users.list,status=500'] });
    const error = (await failure(client.api('/users').get())) as GraphError;
    expect(error.statusCode).toBe(500);
    expect(error.code).toBe('serviceNotAvailable');
    expect(ctx.journal.query({ route: 'graph.users.list' })).toHaveLength(1);
  });

  it('returns limited-information members when the app may read memberships but not users', async () => {
    const { client, tenant } = setup({ sim: { grantedPermissions: ['GroupMember.Read.All'] } });
    const group = tenant.group(2)!;
    expect(tenant.members(2, { limit: 5 }).items.some((m) => m.memberType === 'user')).toBe(true);
    const page = (await client.api(`/groups/${group.objectId}/members`).get()) as PageCollection;
    const users = (page.value as Array<Record<string, unknown>>).filter((m) => m['@odata.type'] === '#microsoft.graph.user');
    expect(users.length).toBeGreaterThan(0);
    for (const u of users) {
      expect(u.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(u.displayName).toBeNull();
      expect(u.userPrincipalName).toBeNull();
    }
  });
});
