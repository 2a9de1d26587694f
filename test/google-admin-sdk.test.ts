/**
 * Conformance: the official SDKs (google-auth-library's JWT client with domain-wide delegation and
 * @googleapis/admin's Directory API client, over gaxios) run in-process against the Google simulator under
 * MSW, with unmatched requests failing the test. google-auth-library 10 (gtoken 8) always posts to, and
 * signs for, https://oauth2.googleapis.com/token whatever the key file's token_uri says, so the simulator
 * runs on Google's default hosts here. A fresh JWT client per test: it caches its token.
 */
import { admin, type admin_directory_v1 } from '@googleapis/admin';
import { gaxios, JWT } from 'google-auth-library';
import { generateKeyPairSync } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../mocks/core/context.js';
import { parseFaultSpec } from '../mocks/faults/spec.js';
import { createGoogleSimulator, SCOPE_PREFIX, type GoogleSimulatorOptions } from '../mocks/google/index.js';
import { createTenant } from '../mocks/tenant/store.js';
import type { TenantShape, TenantStore } from '../mocks/tenant/model.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** What a read-only sync asks for (the DWD grant must cover every one). */
const READ_SCOPES = ['user', 'group', 'group.member', 'rolemanagement'].map((s) => `${SCOPE_PREFIX}admin.directory.${s}.readonly`);

function setup(
  options: { faults?: string[]; shape?: Partial<TenantShape>; sim?: GoogleSimulatorOptions; scopes?: string[]; subject?: string; key?: string } = {},
) {
  const tenant = createTenant({ users: 230, groups: 6, nestedGroupRatio: 0.4, ...options.shape });
  const ctx = createContext({ tenant, seed: 11, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const sim = createGoogleSimulator(ctx, options.sim);
  server.use(...sim.handlers);
  const { serviceAccountKey: saKey, adminEmail } = sim.credentials;
  const auth = new JWT({
    email: saKey.client_email,
    key: options.key ?? saKey.private_key,
    scopes: options.scopes ?? READ_SCOPES,
    subject: options.subject ?? adminEmail,
  });
  const directory = admin({ version: 'directory_v1', auth });
  return { ctx, sim, tenant, directory };
}

async function failure(promise: Promise<unknown>): Promise<gaxios.GaxiosError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(gaxios.GaxiosError);
    return error as gaxios.GaxiosError;
  }
  throw new Error('expected the call to fail');
}

/** Follows nextPageToken the way a connector does. */
async function allPages<T>(fetch: (pageToken?: string) => Promise<{ data: { nextPageToken?: string | null } }>, field: string): Promise<T[]> {
  const out: T[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await fetch(pageToken);
    out.push(...(((data as Record<string, unknown>)[field] as T[] | undefined) ?? []));
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const userIds = (t: TenantStore) => range(t.counts().users).map((seq) => t.user(seq)!.googleId);
function memberIds(t: TenantStore, groupSeq: number): string[] {
  return t.members(groupSeq, { limit: 10_000 }).items.map((m) => (m.memberType === 'user' ? t.user(m.memberSeq)! : t.group(m.memberSeq)!).googleId);
}

describe('@googleapis/admin against the Google simulator', () => {
  it('pages through every user with maxResults and sees exactly the tenant', async () => {
    const { directory, tenant, ctx } = setup();
    const users = await allPages<admin_directory_v1.Schema$User>(
      (pageToken) => directory.users.list({ customer: 'my_customer', maxResults: 50, orderBy: 'email', projection: 'full', pageToken }),
      'users',
    );
    const ids = users.map((u) => u.id!);
    expect(ids).toHaveLength(230);
    expect(new Set(ids)).toEqual(new Set(userIds(tenant)));
    const emails = users.map((u) => u.primaryEmail!.toLowerCase());
    expect(emails).toEqual([...emails].sort());
    expect(ctx.journal.query({ route: 'google.users.list' }).map((e) => e.items)).toEqual([50, 50, 50, 50, 30]);
    // One token for the whole walk: gaxios reuses it until it nears expiry.
    expect(ctx.journal.query({ route: 'google.token', status: 200 })).toHaveLength(1);
  });

  it('pages through groups and the members of the biggest group, ids and types exact', async () => {
    const { directory, tenant } = setup();
    const groups = await allPages<admin_directory_v1.Schema$Group>(
      (pageToken) => directory.groups.list({ customer: 'my_customer', maxResults: 4, pageToken }),
      'groups',
    );
    expect(new Set(groups.map((g) => g.id))).toEqual(new Set(range(tenant.counts().groups).map((seq) => tenant.group(seq)!.googleId)));
    let biggest = 1;
    for (const seq of range(tenant.counts().groups)) if (memberIds(tenant, seq).length > memberIds(tenant, biggest).length) biggest = seq;
    const expected = memberIds(tenant, biggest);
    expect(expected.length).toBeGreaterThan(60);
    const big = groups.find((g) => g.id === tenant.group(biggest)!.googleId)!;
    expect(big.directMembersCount).toBe(String(expected.length));
    const members = await allPages<admin_directory_v1.Schema$Member>(
      (pageToken) => directory.members.list({ groupKey: big.email!, maxResults: 25, pageToken }),
      'members',
    );
    expect(members.map((m) => m.id)).toHaveLength(expected.length);
    expect(new Set(members.map((m) => m.id))).toEqual(new Set(expected));
    for (const m of members)
      expect(m).toMatchObject({
        kind: 'admin#directory#member',
        role: expect.stringMatching(/^(OWNER|MEMBER)$/),
        type: expect.stringMatching(/^(USER|GROUP)$/),
      });
  });

  it('lists roles and role assignments, the DWD subject among the super admins', async () => {
    const { directory, tenant, sim } = setup();
    const roles = await allPages<admin_directory_v1.Schema$Role>(
      (pageToken) => directory.roles.list({ customer: 'my_customer', maxResults: 5, pageToken }),
      'items',
    );
    expect(new Set(roles.map((r) => r.roleId))).toEqual(new Set(tenant.roles().map((r) => r.googleId)));
    const superAdmin = roles.find((r) => r.isSuperAdminRole)!;
    expect(superAdmin.roleName).toBe('_SEED_ADMIN_ROLE');
    const assignments = await allPages<admin_directory_v1.Schema$RoleAssignment>(
      (pageToken) => directory.roleAssignments.list({ customer: 'my_customer', maxResults: 3, pageToken }),
      'items',
    );
    const admin = (await directory.users.get({ userKey: sim.credentials.adminEmail })).data;
    expect(admin.isAdmin).toBe(true);
    expect(assignments.some((a) => a.roleId === superAdmin.roleId && a.assignedTo === admin.id && a.assigneeType === 'user')).toBe(true);
    expect(new Set(assignments.map((a) => a.roleAssignmentId)).size).toBe(assignments.length);
    expect(assignments.length).toBeGreaterThanOrEqual(tenant.counts().roleAssignments);
  });

  it('lets gaxios retry a 429 rateLimitExceeded, then succeed', async () => {
    const { directory, ctx } = setup({ faults: ['throttle:route=google.users.list,count=2,reason=rateLimitExceeded'] });
    const started = performance.now();
    const { data } = await directory.users.list({ customer: 'my_customer', maxResults: 3 });
    const elapsed = performance.now() - started;
    expect(data.users).toHaveLength(3);
    expect(ctx.journal.query({ route: 'google.users.list' }).map((e) => [e.status, e.fault])).toEqual([
      [429, 'throttle:route=google.users.list,count=2,reason=rateLimitExceeded'],
      [429, 'throttle:route=google.users.list,count=2,reason=rateLimitExceeded'],
      [200, undefined],
    ]);
    // gaxios waits 100 ms, then 500 ms (reference B4); Retry-After plays no part.
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(3000);
  });

  it('never retries a 403 userRateLimitExceeded: one request, the reason deep in the error', async () => {
    const { directory, ctx } = setup({ faults: ['throttle:route=google.users.list,count=1'] });
    const error = await failure(directory.users.list({ customer: 'my_customer' }));
    expect(error.status).toBe(403);
    expect((error.response!.data as { error: { errors: Array<{ reason: string }> } }).error.errors[0]!.reason).toBe('userRateLimitExceeded');
    expect(error.message).toBe('User Rate Limit Exceeded');
    expect(ctx.journal.query({ route: 'google.users.list' })).toHaveLength(1);
  });

  it('retries a 500 backendError like any 5xx', async () => {
    const { directory, ctx } = setup({ faults: ['server-error:route=google.groups.list,count=1,status=500'] });
    const { data } = await directory.groups.list({ customer: 'my_customer' });
    expect(data.groups?.length).toBe(6);
    expect(ctx.journal.query({ route: 'google.groups.list' }).map((e) => e.status)).toEqual([500, 200]);
  });

  it('refuses a key the service account does not have: invalid_grant: Invalid JWT Signature.', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const { directory, ctx } = setup({ key: other.privateKey });
    const error = await failure(directory.users.list({ customer: 'my_customer' }));
    expect(error.message).toBe('invalid_grant: Invalid JWT Signature.');
    expect(error.status).toBe(400);
    expect(ctx.journal.query({ route: 'google.token' })).toHaveLength(1);
    expect(ctx.journal.query({ route: 'google.users.list' })).toHaveLength(0);
  });

  it('treats a deleted key (expired-secret) the same way', async () => {
    const { directory, ctx } = setup({ faults: ['expired-secret'] });
    const error = await failure(directory.users.list({ customer: 'my_customer' }));
    expect(error.message).toBe('invalid_grant: Invalid JWT Signature.');
    expect(ctx.journal.query({ route: 'google.token', fault: true })).toHaveLength(1);
  });

  it('refuses scopes the delegation does not grant: 401 unauthorized_client', async () => {
    const { directory } = setup({ sim: { grantedScopes: ['admin.directory.group.readonly'] } });
    const error = await failure(directory.groups.list({ customer: 'my_customer' }));
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      'unauthorized_client: Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
    );
  });

  it('answers a subject without an admin role with 403 forbidden', async () => {
    const probe = createTenant({ users: 230, groups: 6, nestedGroupRatio: 0.4 });
    const holders = new Set(
      probe
        .roleAssignments({ limit: 1000 })
        .items.filter((a) => a.principalType === 'user')
        .map((a) => a.principalSeq),
    );
    const plain = range(230)
      .map((seq) => probe.user(seq)!)
      .find((u) => u.enabled && u.kind === 'member' && !holders.has(u.seq) && u.seq > 1)!;
    probe.close();
    const { directory } = setup({ subject: plain.mail });
    const error = await failure(directory.users.list({ customer: 'my_customer' }));
    expect(error.status).toBe(403);
    expect(error.message).toBe('Not Authorized to access this resource/api');
    expect((error.response!.data as { error: { errors: Array<{ reason: string }> } }).error.errors[0]!.reason).toBe('forbidden');
  });

  it("answers a token without the method's scope with 403 insufficientPermissions", async () => {
    const { directory } = setup({ scopes: [`${SCOPE_PREFIX}admin.directory.group.readonly`] });
    expect((await directory.groups.list({ customer: 'my_customer', maxResults: 1 })).data.groups).toHaveLength(1);
    const error = await failure(directory.users.list({ customer: 'my_customer' }));
    expect(error.status).toBe(403);
    expect((error.response!.data as { error: { message: string; errors: Array<{ reason: string }> } }).error).toMatchObject({
      message: 'Request had insufficient authentication scopes.',
      errors: [{ reason: 'insufficientPermissions' }],
    });
  });

  it('adds and removes a member with write-back on', async () => {
    const scopes = [...READ_SCOPES, `${SCOPE_PREFIX}admin.directory.group.member`];
    const { directory, tenant } = setup({ sim: { writeBack: true }, scopes });
    const group = tenant.group(3)!;
    const inGroup = new Set(memberIds(tenant, 3));
    const outsider = range(230)
      .map((seq) => tenant.user(seq)!)
      .find((u) => !inGroup.has(u.googleId))!;
    const added = await directory.members.insert({ groupKey: group.googleId, requestBody: { email: outsider.mail, role: 'MEMBER' } });
    expect(added.status).toBe(200);
    expect(added.data).toMatchObject({ id: outsider.googleId, type: 'USER', role: 'MEMBER' });
    expect(memberIds(tenant, 3)).toContain(outsider.googleId);
    const again = await failure(directory.members.insert({ groupKey: group.googleId, requestBody: { email: outsider.mail } }));
    expect(again.status).toBe(409);
    expect(again.message).toBe('Member already exists.');
    expect((await directory.members.delete({ groupKey: group.mail, memberKey: outsider.googleId })).status).toBe(204);
    expect(memberIds(tenant, 3)).not.toContain(outsider.googleId);
  });
});
