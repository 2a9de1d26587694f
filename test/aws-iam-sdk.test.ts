/**
 * Conformance: the official SDK v3 clients (@aws-sdk/client-iam, client-sts) run in-process against the
 * AWS simulator under MSW, unmatched requests failing the test. Clients use the standard retry strategy
 * with the backoff sleep removed (sdk-clients.test-support.ts), so retry tests count attempts quickly.
 */
import {
  AddUserToGroupCommand,
  GetGroupCommand,
  GetUserCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsCommand,
  ListRolesCommand,
  ListUsersCommand,
  paginateGetGroup,
  paginateListAttachedUserPolicies,
  paginateListGroups,
  paginateListGroupsForUser,
  paginateListPolicies,
  paginateListRoles,
  paginateListUsers,
  type ListUsersCommandOutput,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awsFixture, movableClock, type FixtureOptions } from '../mocks/aws/test-support/aws-fixture.test-support.js';
import { quickRetry, sdkClients, type ClientCredentials } from '../mocks/aws/test-support/sdk-clients.test-support.js';
import type { TenantStore, TenantUser } from '../mocks/tenant/model.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(options: FixtureOptions & { credentials?: ClientCredentials } = {}) {
  const fixture = awsFixture(server, { ...options, shape: { users: 230, groups: 12, guestRatio: 0.1, serviceRatio: 0.05, ...options.shape } });
  return { ...fixture, ...sdkClients(fixture.sim, options.credentials ?? fixture.sim.credentials) };
}

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number; attempts?: number }; $fault?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

/** Written apart from the simulator's own naming, so a change there shows up here. */
function expectedArn(account: string, u: TenantUser): string {
  if (u.kind === 'guest' || u.kind === 'external') return `arn:aws:iam::${account}:user/external/${u.mail}`;
  const local = u.userPrincipalName.split('@')[0];
  return `arn:aws:iam::${account}:user/${u.kind === 'service' ? 'service/' : ''}${local}`;
}

function allUsers(tenant: TenantStore): TenantUser[] {
  return tenant.users({ limit: 100_000 }).items;
}

function groupWithMostUsers(tenant: TenantStore) {
  const groups = tenant.groups({ limit: 1000 }).items;
  const users = (seq: number) => tenant.members(seq, { limit: 100_000 }).items.filter((m) => m.memberType === 'user');
  return groups.map((g) => ({ group: g, users: users(g.seq) })).sort((a, b) => b.users.length - a.users.length)[0]!;
}

describe('IAM listings through the SDK paginators', () => {
  it('pages through every user and sees exactly the tenant, short truncated pages included', async () => {
    const { iam, tenant, sim, ctx } = setup();
    const pages: ListUsersCommandOutput[] = [];
    for await (const page of paginateListUsers({ client: iam, pageSize: 40 }, {})) pages.push(page);
    const users = pages.flatMap((p) => p.Users ?? []);
    const expected = allUsers(tenant);
    expect(users).toHaveLength(expected.length);
    expect(new Set(users.map((u) => u.UserId))).toEqual(new Set(expected.map((u) => u.awsId)));
    expect(new Set(users.map((u) => u.Arn))).toEqual(new Set(expected.map((u) => expectedArn(sim.credentials.accountId, u))));
    // Real IAM may stop short of MaxItems and still say IsTruncated; a paginator must keep going.
    const short = pages.filter((p) => p.IsTruncated && (p.Users?.length ?? 0) < 40);
    expect(short.length).toBeGreaterThan(0);
    expect(pages.at(-1)!.IsTruncated).toBe(false);
    expect(pages.at(-1)!.Marker).toBeUndefined();
    expect(ctx.journal.query({ route: 'iam.ListUsers' }).map((e) => e.items)).toEqual(pages.map((p) => p.Users!.length));
  });

  it('shapes users as IAM does: path, AIDA id, ISO date', async () => {
    const { iam, tenant } = setup();
    const page = await iam.send(new ListUsersCommand({ MaxItems: 1 }));
    const first = tenant.user(1)!;
    expect(page.Users).toEqual([
      {
        Path: first.kind === 'member' ? '/' : expect.any(String),
        UserName: expect.any(String),
        UserId: first.awsId,
        Arn: expect.stringMatching(/^arn:aws:iam::\d{12}:user\//),
        CreateDate: new Date(first.createdAt.replace(/\.\d{3}Z$/, 'Z')),
      },
    ]);
    expect(page.Users![0]!.UserId).toMatch(/^AIDA[A-Z0-9]{16}$/);
  });

  it('filters users by PathPrefix', async () => {
    const { iam, tenant } = setup();
    const users = [];
    for await (const page of paginateListUsers({ client: iam }, { PathPrefix: '/service/' })) users.push(...(page.Users ?? []));
    const expected = allUsers(tenant).filter((u) => u.kind === 'service');
    expect(expected.length).toBeGreaterThan(0);
    expect(users.map((u) => u.UserId).sort()).toEqual(expected.map((u) => u.awsId).sort());
  });

  it("lists groups, and a big group's users across GetGroup pages", async () => {
    const { iam, tenant } = setup();
    const groups = [];
    for await (const page of paginateListGroups({ client: iam, pageSize: 5 }, {})) groups.push(...(page.Groups ?? []));
    const tenantGroups = tenant.groups({ limit: 1000 }).items;
    expect(new Set(groups.map((g) => g.GroupId))).toEqual(new Set(tenantGroups.map((g) => g.awsId)));
    expect(groups.every((g) => /^AGPA/.test(g.GroupId!) && g.Arn === `arn:aws:iam::${g.Arn!.split(':')[4]}:group/${g.GroupName}`)).toBe(true);

    const big = groupWithMostUsers(tenant);
    expect(big.users.length).toBeGreaterThan(10);
    const name = groups.find((g) => g.GroupId === big.group.awsId)!.GroupName!;
    const members: string[] = [];
    let pages = 0;
    for await (const page of paginateGetGroup({ client: iam, pageSize: 10 }, { GroupName: name })) {
      pages++;
      expect(page.Group?.GroupId).toBe(big.group.awsId);
      members.push(...(page.Users ?? []).map((u) => u.UserId!));
    }
    expect(pages).toBeGreaterThan(1);
    expect(members.sort()).toEqual(big.users.map((m) => tenant.user(m.memberSeq)!.awsId).sort());
  });

  it("lists a user's groups", async () => {
    const { iam, tenant } = setup();
    const user = allUsers(tenant).find((u) => tenant.memberOf('user', u.seq).length >= 2)!;
    const name = (await iam.send(new ListUsersCommand({ MaxItems: 1000 }))).Users!.find((u) => u.UserId === user.awsId)!.UserName!;
    const ids: string[] = [];
    for await (const page of paginateListGroupsForUser({ client: iam, pageSize: 1 }, { UserName: name }))
      ids.push(...page.Groups!.map((g) => g.GroupId!));
    expect(ids.sort()).toEqual(
      tenant
        .memberOf('user', user.seq)
        .map((m) => tenant.group(m.groupSeq)!.awsId)
        .sort(),
    );
  });

  it('lists roles with their trust policy URL-encoded', async () => {
    const { iam, tenant } = setup();
    const roles = [];
    for await (const page of paginateListRoles({ client: iam, pageSize: 5 }, {})) roles.push(...(page.Roles ?? []));
    expect(roles.map((r) => r.RoleId)).toEqual(tenant.roles().map((r) => r.awsId));
    expect(roles.every((r) => /^[\w+=,.@-]+$/.test(r.RoleName!))).toBe(true);
    const trust = JSON.parse(decodeURIComponent(roles[0]!.AssumeRolePolicyDocument!)) as { Statement: Array<{ Action: string }> };
    expect(roles[0]!.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22/);
    expect(trust.Statement[0]!.Action).toBe('sts:AssumeRoleWithSAML');
  });

  it('lists policies by scope and only-attached, with AWS-managed ARNs', async () => {
    const { iam, tenant } = setup();
    const list = async (input: Parameters<typeof paginateListPolicies>[1]) => {
      const out = [];
      for await (const page of paginateListPolicies({ client: iam, pageSize: 3 }, input)) out.push(...(page.Policies ?? []));
      return out;
    };
    const all = await list({});
    const aws = await list({ Scope: 'AWS' });
    const local = await list({ Scope: 'Local' });
    const policies = tenant.policies({ limit: 1000 }).items;
    expect(all.map((p) => p.PolicyId)).toEqual(policies.map((p) => p.awsId));
    expect(aws.map((p) => p.PolicyId)).toEqual(policies.filter((p) => p.awsManaged).map((p) => p.awsId));
    expect(local.map((p) => p.PolicyId)).toEqual(policies.filter((p) => !p.awsManaged).map((p) => p.awsId));
    expect(aws.every((p) => p.Arn!.startsWith('arn:aws:iam::aws:policy/'))).toBe(true);
    expect(local.every((p) => /^arn:aws:iam::\d{12}:policy\//.test(p.Arn!))).toBe(true);
    const attached = await list({ OnlyAttached: true });
    expect(attached.length).toBeGreaterThan(0);
    expect(attached.length).toBeLessThan(all.length);
    expect(attached.every((p) => p.AttachmentCount! > 0)).toBe(true);
  });

  it("lists a user's attached managed policies", async () => {
    const { iam, tenant } = setup();
    const user = allUsers(tenant).find((u) => tenant.policyAttachments({ targetType: 'user', targetSeq: u.seq }).length > 0)!;
    const name = (await iam.send(new ListUsersCommand({ MaxItems: 1000 }))).Users!.find((u) => u.UserId === user.awsId)!.UserName!;
    const arns: string[] = [];
    for await (const page of paginateListAttachedUserPolicies({ client: iam, pageSize: 1 }, { UserName: name }))
      arns.push(...page.AttachedPolicies!.map((p) => p.PolicyArn!));
    const policies = tenant.policies({ limit: 1000 }).items;
    const expected = tenant.policyAttachments({ targetType: 'user', targetSeq: user.seq }).map((a) => policies.find((p) => p.seq === a.policySeq)!);
    expect(arns).toHaveLength(expected.length);
    expect(arns.map((a) => a.split('/').at(-1))).toEqual(expected.map((p) => p.name));
    const none = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'sync-harness-connector' }));
    expect(none.AttachedPolicies).toEqual([]);
  });

  it("lists a group's and a role's attached managed policies", async () => {
    const { iam, tenant } = setup({ shape: { policyAttachments: 400 } });
    const policies = tenant.policies({ limit: 1000 }).items;
    const expectedNames = (targetType: 'group' | 'role', targetSeq: number) =>
      tenant.policyAttachments({ targetType, targetSeq }).map((a) => policies.find((p) => p.seq === a.policySeq)!.name);
    const group = tenant.groups({ limit: 1000 }).items.find((g) => tenant.policyAttachments({ targetType: 'group', targetSeq: g.seq }).length > 0)!;
    const groupPolicies = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: group.mail.split('@')[0] }));
    expect(groupPolicies.AttachedPolicies!.map((p) => p.PolicyName)).toEqual(expectedNames('group', group.seq));
    const roles = (await iam.send(new ListRolesCommand({}))).Roles!;
    const index = tenant.roles().findIndex((r) => tenant.policyAttachments({ targetType: 'role', targetSeq: r.seq }).length > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const rolePolicies = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roles[index]!.RoleName }));
    expect(rolePolicies.AttachedPolicies!.map((p) => p.PolicyName)).toEqual(expectedNames('role', tenant.roles()[index]!.seq));
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'SyncHarnessConnectorRole' }))).AttachedPolicies).toEqual([]);
  });

  it('refuses MaxItems outside 1..1000 with ValidationError', async () => {
    const { iam } = setup();
    const error = await failure(iam.send(new ListUsersCommand({ MaxItems: 1001 })));
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
  });

  it('answers an unknown name with NoSuchEntity 404', async () => {
    const { iam } = setup();
    const error = await failure(iam.send(new GetGroupCommand({ GroupName: 'no-such-group' })));
    expect(error.name).toBe('NoSuchEntityException');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toBe('The group with name no-such-group cannot be found.');
  });

  it('answers GetUser without a name with the caller', async () => {
    const { iam, sim } = setup();
    const { User } = await iam.send(new GetUserCommand({}));
    expect(User?.Arn).toBe(`arn:aws:iam::${sim.credentials.accountId}:user/sync-harness-connector`);
    expect(User?.UserId).toMatch(/^AIDA[A-Z2-7]{16}$/);
  });
});

describe('SigV4 authentication through the SDK', () => {
  it('answers a wrong secret with SignatureDoesNotMatch 403', async () => {
    const fixture = awsFixture(server);
    const iam = new IAMClient({
      region: 'us-east-1',
      credentials: { accessKeyId: fixture.sim.credentials.accessKeyId, secretAccessKey: 'x'.repeat(40) },
      retryStrategy: quickRetry(),
    });
    const error = await failure(iam.send(new ListUsersCommand({})));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
    // Not retried: the Date header is real time, so the SDK sees no clock skew to correct.
    expect(error.$metadata.attempts).toBe(1);
  });

  it('answers an unknown access key with InvalidClientTokenId 403', async () => {
    const fixture = awsFixture(server);
    const iam = new IAMClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: fixture.sim.credentials.secretAccessKey },
      retryStrategy: quickRetry(),
    });
    const error = await failure(iam.send(new ListUsersCommand({})));
    expect(error.name).toBe('InvalidClientTokenId');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe('The security token included in the request is invalid.');
  });

  it.each(['revoked-credential', 'expired-secret'])('stops recognising the access key once a %s fault fires', async (kind) => {
    const { iam, ctx } = setup({ faults: [`${kind}:provider=aws,from=2`] });
    await iam.send(new ListUsersCommand({ MaxItems: 1 }));
    const error = await failure(iam.send(new ListUsersCommand({ MaxItems: 1 })));
    expect(error.name).toBe('InvalidClientTokenId');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(ctx.journal.query({ route: 'iam.ListUsers', fault: true }).map((e) => [e.status, e.fault])).toEqual([
      [403, `${kind}:provider=aws,from=2`],
    ]);
  });

  it('keeps the SDK clock offset near zero: the Date header is real time even when the simulation clock moves', async () => {
    const clock = movableClock();
    const { iam, sts } = setup({ clock });
    await sts.send(new GetCallerIdentityCommand({}));
    expect(Math.abs(iam.config.systemClockOffset)).toBeLessThan(2000);
    clock.advance(60 * 60_000);
    const error = await failure(iam.send(new ListUsersCommand({})));
    // The moved clock calls the request stale; the SDK keeps its own clock and does not retry.
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
    expect(error.$metadata.attempts).toBe(1);
    expect(Math.abs(iam.config.systemClockOffset)).toBeLessThan(2000);
  });
});

describe('authorization', () => {
  it('answers an action outside the policy with AccessDenied 403 in IAM words', async () => {
    const { iam, sim } = setup({ sim: { allowedActions: ['iam:ListUsers'] } });
    await iam.send(new ListUsersCommand({ MaxItems: 1 }));
    const error = await failure(iam.send(new ListGroupsCommand({})));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    const account = sim.credentials.accountId;
    expect(error.message).toBe(
      `User: arn:aws:iam::${account}:user/sync-harness-connector is not authorized to perform: iam:ListGroups on resource: arn:aws:iam::${account}:group/ because no identity-based policy allows the iam:ListGroups action`,
    );
  });

  it('takes an action away with partial-consent', async () => {
    const { iam, ctx } = setup({ faults: ['partial-consent:missing=iam:ListGroups'] });
    await iam.send(new ListUsersCommand({ MaxItems: 1 }));
    const error = await failure(iam.send(new ListGroupsCommand({})));
    expect(error.name).toBe('AccessDenied');
    expect(ctx.journal.query({ route: 'iam.ListGroups', status: 403, fault: true })).toHaveLength(1);
  });

  it('refuses membership writes without write-back, applies them with it (idempotently)', async () => {
    const readOnly = setup();
    const name = (tenant: TenantStore) => tenant.groups({ limit: 1 }).items[0]!.mail.split('@')[0]!;
    const denied = await failure(readOnly.iam.send(new AddUserToGroupCommand({ GroupName: name(readOnly.tenant), UserName: 'x' })));
    expect(denied.name).toBe('AccessDenied');

    const { iam, tenant } = setup({ sim: { writeBack: true } });
    const group = tenant.groups({ limit: 1 }).items[0]!;
    const outsider = allUsers(tenant).find((u) => u.kind === 'member' && !tenant.memberOf('user', u.seq).some((m) => m.groupSeq === group.seq))!;
    const userName = outsider.userPrincipalName.split('@')[0]!;
    await iam.send(new AddUserToGroupCommand({ GroupName: name(tenant), UserName: userName }));
    await iam.send(new AddUserToGroupCommand({ GroupName: name(tenant), UserName: userName }));
    const ids: string[] = [];
    for await (const page of paginateGetGroup({ client: iam }, { GroupName: name(tenant) })) ids.push(...page.Users!.map((u) => u.UserId!));
    expect(ids.filter((id) => id === outsider.awsId)).toHaveLength(1);
    const missing = await failure(iam.send(new AddUserToGroupCommand({ GroupName: name(tenant), UserName: 'nobody.here' })));
    expect(missing.name).toBe('NoSuchEntityException');
    expect(missing.message).toBe('The user with name nobody.here cannot be found.');
  });
});

describe('retries', () => {
  it('retries two Throttling answers (HTTP 400) and succeeds on the third attempt', async () => {
    const { iam, ctx } = setup({ faults: ['throttle:route=iam.ListUsers,count=2'] });
    const out = await iam.send(new ListUsersCommand({ MaxItems: 2 }));
    expect(out.Users).toHaveLength(2);
    expect(out.$metadata.attempts).toBe(3);
    expect(ctx.journal.query({ route: 'iam.ListUsers' }).map((e) => e.status)).toEqual([400, 400, 200]);
  });

  it('gives up after three Throttling answers with the Throttling error', async () => {
    const { iam, ctx } = setup({ faults: ['throttle:route=iam.ListUsers'] });
    const error = await failure(iam.send(new ListUsersCommand({})));
    expect(error.name).toBe('Throttling');
    expect(error.message).toBe('Rate exceeded');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 3 });
    expect(ctx.journal.query({ route: 'iam.ListUsers' })).toHaveLength(3);
  });

  it('retries a ServiceFailure 500 as a transient error', async () => {
    const { iam, ctx } = setup({ faults: ['server-error:route=iam.GetUser,status=500,count=1'] });
    const out = await iam.send(new GetUserCommand({}));
    expect(out.$metadata.attempts).toBe(2);
    expect(ctx.journal.query({ route: 'iam.GetUser' }).map((e) => e.status)).toEqual([500, 200]);
  });
});

describe('STS', () => {
  it('says who is calling', async () => {
    const { sts, sim } = setup();
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: sim.credentials.accountId, Arn: sim.account.user.arn, UserId: sim.account.user.userId });
    expect(me.Account).toMatch(/^\d{12}$/);
  });

  it('assumes the connector role; the session acts as the role until it expires by the simulation clock', async () => {
    const clock = movableClock();
    const { sts, sim, ctx } = setup({ clock });
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: sim.credentials.roleArn, RoleSessionName: 'sync-run', DurationSeconds: 900 }));
    const creds = assumed.Credentials!;
    expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.SecretAccessKey).toHaveLength(40);
    expect(creds.SessionToken!.length).toBeGreaterThan(100);
    expect(creds.Expiration!.getTime() - ctx.clock().getTime()).toBeGreaterThan(890_000);
    expect(creds.Expiration!.getTime() - ctx.clock().getTime()).toBeLessThanOrEqual(900_000);
    expect(assumed.AssumedRoleUser).toEqual({
      AssumedRoleId: `${sim.account.role.roleId}:sync-run`,
      Arn: `arn:aws:sts::${sim.credentials.accountId}:assumed-role/SyncHarnessConnectorRole/sync-run`,
    });

    const session = sdkClients(sim, { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken! });
    const me = await session.sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(assumed.AssumedRoleUser!.Arn);
    expect(me.UserId).toBe(assumed.AssumedRoleUser!.AssumedRoleId);
    expect((await session.iam.send(new ListUsersCommand({ MaxItems: 3 }))).Users).toHaveLength(3);
    const noName = await failure(session.iam.send(new GetUserCommand({})));
    expect(noName.name).toBe('ValidationError');

    clock.advance(901_000);
    const expired = await failure(session.iam.send(new ListUsersCommand({})));
    expect(expired.name).toBe('ExpiredToken');
    expect(expired.$metadata.httpStatusCode).toBe(403);
    expect(expired.message).toBe('The security token included in the request is expired');
  });

  it('refuses a role that does not trust the caller, and an unknown one, with AccessDenied', async () => {
    const { sts, iam, sim } = setup();
    const tenantRole = (await iam.send(new ListRolesCommand({ MaxItems: 1 }))).Roles![0]!.Arn!;
    for (const roleArn of [tenantRole, `arn:aws:iam::${sim.credentials.accountId}:role/NoSuchRole`]) {
      const error = await failure(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's1' })));
      expect(error.name).toBe('AccessDenied');
      expect(error.$metadata.httpStatusCode).toBe(403);
      expect(error.message).toBe(`User: ${sim.account.user.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    }
  });

  it('requires the external id when the role is configured with one', async () => {
    const { sts, sim } = setup({ sim: { externalId: 'tenant-42' } });
    const error = await failure(sts.send(new AssumeRoleCommand({ RoleArn: sim.credentials.roleArn, RoleSessionName: 's1' })));
    expect(error.name).toBe('AccessDenied');
    const ok = await sts.send(new AssumeRoleCommand({ RoleArn: sim.credentials.roleArn, RoleSessionName: 's1', ExternalId: 'tenant-42' }));
    expect(ok.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('validates DurationSeconds (900 to 43200)', async () => {
    const { sts, sim } = setup();
    const error = await failure(sts.send(new AssumeRoleCommand({ RoleArn: sim.credentials.roleArn, RoleSessionName: 's1', DurationSeconds: 899 })));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });
});
