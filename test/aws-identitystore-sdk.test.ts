/**
 * Conformance: @aws-sdk/client-identitystore (awsJson 1.1) in-process against the AWS simulator's
 * Identity Store, unmatched requests failing the test.
 */
import {
  IdentitystoreClient,
  ListGroupMembershipsCommand,
  ListUsersCommand,
  paginateListGroupMemberships,
  paginateListGroups,
  paginateListUsers,
} from '@aws-sdk/client-identitystore';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awsFixture, movableClock, type FixtureOptions } from '../mocks/aws/test-support/aws-fixture.test-support.js';
import { quickRetry, sdkClients } from '../mocks/aws/test-support/sdk-clients.test-support.js';
import type { TenantStore } from '../mocks/tenant/model.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(options: FixtureOptions = {}) {
  const fixture = awsFixture(server, { ...options, shape: { users: 160, groups: 10, ...options.shape } });
  return { ...fixture, ...sdkClients(fixture.sim), storeId: fixture.sim.credentials.identityStoreId };
}

async function failure(
  promise: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number; attempts?: number } } & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

function biggestGroup(tenant: TenantStore) {
  const users = (seq: number) => tenant.members(seq, { limit: 100_000 }).items.filter((m) => m.memberType === 'user');
  return tenant
    .groups({ limit: 1000 })
    .items.map((g) => ({ group: g, users: users(g.seq) }))
    .sort((a, b) => b.users.length - a.users.length)[0]!;
}

describe('Identity Store through the SDK paginators', () => {
  it('pages through every user and sees exactly the tenant', async () => {
    const { identityStore, tenant, storeId, ctx } = setup();
    const users = [];
    for await (const page of paginateListUsers({ client: identityStore, pageSize: 50 }, { IdentityStoreId: storeId }))
      users.push(...(page.Users ?? []));
    const expected = tenant.users({ limit: 1000 }).items;
    expect(users).toHaveLength(expected.length);
    expect(new Set(users.map((u) => u.UserId))).toEqual(new Set(expected.map((u) => u.scimId)));
    expect(ctx.journal.query({ route: 'identitystore.ListUsers' }).map((e) => e.items)).toEqual([50, 50, 50, 10]);
    const first = expected[0]!;
    expect(users.find((u) => u.UserId === first.scimId)).toMatchObject({
      IdentityStoreId: storeId,
      UserName: first.userPrincipalName,
      DisplayName: first.displayName,
      Name: { GivenName: first.givenName, FamilyName: first.surname },
      Emails: [{ Value: first.mail, Type: 'work', Primary: true }],
      UserStatus: first.enabled ? 'ENABLED' : 'DISABLED',
      CreatedAt: new Date(Math.floor(Date.parse(first.createdAt) / 1000) * 1000),
    });
  });

  it('pages through groups', async () => {
    const { identityStore, tenant, storeId } = setup();
    const groups = [];
    for await (const page of paginateListGroups({ client: identityStore, pageSize: 3 }, { IdentityStoreId: storeId }))
      groups.push(...(page.Groups ?? []));
    expect(groups.map((g) => [g.GroupId, g.DisplayName])).toEqual(tenant.groups({ limit: 1000 }).items.map((g) => [g.scimId, g.displayName]));
  });

  it("pages through a big group's memberships: its users, each once", async () => {
    const { identityStore, tenant, storeId } = setup();
    const big = biggestGroup(tenant);
    expect(big.users.length).toBeGreaterThan(5);
    const memberships = [];
    for await (const page of paginateListGroupMemberships(
      { client: identityStore, pageSize: 5 },
      { IdentityStoreId: storeId, GroupId: big.group.scimId },
    )) {
      memberships.push(...(page.GroupMemberships ?? []));
    }
    expect(memberships.map((m) => (m.MemberId && 'UserId' in m.MemberId ? m.MemberId.UserId : undefined)).sort()).toEqual(
      big.users.map((m) => tenant.user(m.memberSeq)!.scimId).sort(),
    );
    expect(memberships.every((m) => m.GroupId === big.group.scimId && m.IdentityStoreId === storeId)).toBe(true);
    expect(new Set(memberships.map((m) => m.MembershipId)).size).toBe(memberships.length);
  });

  it('honours the deprecated UserName filter', async () => {
    const { identityStore, tenant, storeId } = setup();
    const user = tenant.user(7)!;
    const out = await identityStore.send(
      new ListUsersCommand({ IdentityStoreId: storeId, Filters: [{ AttributePath: 'UserName', AttributeValue: user.userPrincipalName }] }),
    );
    expect(out.Users?.map((u) => u.UserId)).toEqual([user.scimId]);
  });
});

describe('Identity Store errors', () => {
  it('refuses MaxResults above 100 with ValidationException', async () => {
    const { identityStore, storeId } = setup();
    const error = await failure(identityStore.send(new ListUsersCommand({ IdentityStoreId: storeId, MaxResults: 101 })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
  });

  it('answers an unknown group with ResourceNotFoundException naming it', async () => {
    const { identityStore, storeId } = setup();
    const groupId = '00000000-0000-4000-8000-000000000000';
    const error = await failure(identityStore.send(new ListGroupMembershipsCommand({ IdentityStoreId: storeId, GroupId: groupId })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error).toMatchObject({ ResourceType: 'GROUP', ResourceId: groupId });
  });

  it('answers a missing permission with AccessDeniedException, HTTP 400 as observed', async () => {
    const { identityStore, storeId, sim } = setup({ sim: { allowedActions: ['identitystore:ListGroups'] } });
    const error = await failure(identityStore.send(new ListUsersCommand({ IdentityStoreId: storeId })));
    expect(error.name).toBe('AccessDeniedException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      `User: ${sim.account.user.arn} is not authorized to perform: identitystore:ListUsers on resource: arn:aws:identitystore::${sim.credentials.accountId}:identitystore/${storeId} because no identity-based policy allows the identitystore:ListUsers action`,
    );
  });

  it('answers a wrong secret with InvalidSignatureException and an unknown key with UnrecognizedClientException', async () => {
    const { sim, storeId } = setup();
    const client = (accessKeyId: string, secretAccessKey: string) =>
      new IdentitystoreClient({ region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, retryStrategy: quickRetry() });
    const wrongSecret = await failure(client(sim.credentials.accessKeyId, 'y'.repeat(40)).send(new ListUsersCommand({ IdentityStoreId: storeId })));
    expect(wrongSecret.name).toBe('InvalidSignatureException');
    const unknownKey = await failure(
      client('AKIAIOSFODNN7EXAMPLE', sim.credentials.secretAccessKey).send(new ListUsersCommand({ IdentityStoreId: storeId })),
    );
    expect(unknownKey.name).toBe('UnrecognizedClientException');
    expect(unknownKey.message).toBe('The security token included in the request is invalid.');
  });

  it('calls a stale request InvalidSignatureException "Signature expired", which SDK v3 retries as transient', async () => {
    const clock = movableClock();
    const { identityStore, storeId, ctx } = setup({ clock });
    clock.advance(10 * 60_000);
    const error = await failure(identityStore.send(new ListUsersCommand({ IdentityStoreId: storeId })));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^Signature expired: /);
    expect(error.$metadata.attempts).toBe(3);
    expect(ctx.journal.query({ route: 'identitystore.ListUsers', status: 400 })).toHaveLength(3);
  });

  it('retries two ThrottlingExceptions (HTTP 400) and succeeds on the third attempt', async () => {
    const { identityStore, storeId, ctx } = setup({ faults: ['throttle:route=identitystore.ListUsers,count=2'] });
    const out = await identityStore.send(new ListUsersCommand({ IdentityStoreId: storeId, MaxResults: 4 }));
    expect(out.Users).toHaveLength(4);
    expect(out.$metadata.attempts).toBe(3);
    expect(ctx.journal.query({ route: 'identitystore.ListUsers' }).map((e) => e.status)).toEqual([400, 400, 200]);
  });

  it('surfaces a persistent throttle as ThrottlingException after three attempts', async () => {
    const { identityStore, storeId } = setup({ faults: ['throttle:route=identitystore.*'] });
    const error = await failure(identityStore.send(new ListUsersCommand({ IdentityStoreId: storeId })));
    expect(error.name).toBe('ThrottlingException');
    expect(error.$metadata.attempts).toBe(3);
  });
});

describe('Identity Store with role session credentials', () => {
  it('serves a session, expires it by the simulation clock, and keeps the SDK clock offset at zero', async () => {
    const clock = movableClock();
    const { sts, sim, storeId } = setup({ clock });
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: sim.credentials.roleArn, RoleSessionName: 'idstore' }));
    const session = sdkClients(sim, {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    });
    expect((await session.identityStore.send(new ListUsersCommand({ IdentityStoreId: storeId, MaxResults: 2 }))).Users).toHaveLength(2);
    expect(Math.abs(session.identityStore.config.systemClockOffset)).toBeLessThan(2000);
    clock.advance(3601_000);
    const error = await failure(session.identityStore.send(new ListUsersCommand({ IdentityStoreId: storeId })));
    expect(error.name).toBe('ExpiredTokenException');
    expect(Math.abs(session.identityStore.config.systemClockOffset)).toBeLessThan(2000);
  });
});
