/**
 * Group membership provisioning by the reference Entra connector against the simulator: with write-back
 * consented, grant and revoke change the tenant's memberships through Graph's `$ref` calls; without it,
 * Graph's 403 reaches the caller with Graph's own error text and the tenant stays as it was.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEntraConnector, memberEntitlementId, type EntraConnector } from '../connectors/entra/index.js';
import { unpackAnnotation } from '../c1z/proto/annotation.js';
import { GrantExpandableSchema } from '../c1z/proto/connector-annotations.js';
import type { Entitlement, Resource } from '../c1z/proto/connector.js';
import { derivedCapabilities } from '../c1z/contract/connector.js';
import { ConnectorHttpError, SyncError } from '../c1z/contract/sync-errors.js';
import { provisionGrant, provisionRevoke } from '../harness/sync/provision.js';
import { entraFixture, type EntraFixture } from '../mocks/entra/test-support/entra-fixture.test-support.js';
import type { PrincipalType } from '../mocks/tenant/model.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const DENIED = 'Authorization_RequestDenied: Insufficient privileges to complete the operation.';

function connectorFor(f: EntraFixture): EntraConnector {
  return createEntraConnector({ ...f.sim.credentials, authority: f.sim.authority, graphBase: f.sim.bases.graph });
}

/** The connector's own records for a group, its entitlements and a principal, as a sync would give them. */
async function records(connector: EntraConnector, groupId: string, principal: { type: PrincipalType; id: string }) {
  const groups = await connector.syncers.group!.list(undefined, '');
  const users = await connector.syncers.user!.list(undefined, '');
  const group = groups.resources.find((r) => r.id?.resource === groupId)!;
  const { entitlements } = await connector.syncers.group!.entitlements(group, '');
  const member = entitlements.find((e) => e.slug === 'member')!;
  const owner = entitlements.find((e) => e.slug === 'owner')!;
  const pool: Resource[] = principal.type === 'user' ? users.resources : groups.resources;
  return { group, member, owner, principal: pool.find((r) => r.id?.resource === principal.id)! };
}

function isMember(f: EntraFixture, groupSeq: number, type: PrincipalType, seq: number): boolean {
  return f.tenant.members(groupSeq, { limit: 100_000 }).items.some((m) => m.memberType === type && m.memberSeq === seq);
}

/** The first user who is not a direct member of group 1. */
function outsider(f: EntraFixture) {
  const group = f.tenant.group(1)!;
  for (let seq = 1; seq <= f.tenant.counts().users; seq++) if (!isMember(f, 1, 'user', seq)) return { group, user: f.tenant.user(seq)! };
  throw new Error('every user is in group 1');
}

describe('Entra group membership provisioning with write-back consented', () => {
  it('adds a user to a group and removes them again, changing the tenant', async () => {
    const f = entraFixture(server, { sim: { writeBack: true } });
    const { group, user } = outsider(f);
    const connector = connectorFor(f);
    const r = await records(connector, group.objectId, { type: 'user', id: user.objectId });

    const granted = await provisionGrant(connector, r.principal, r.member);
    expect(granted.map((g) => g.id)).toEqual([`${memberEntitlementId(group.objectId)}:user:${user.objectId}`]);
    expect(granted[0]?.principal?.id).toMatchObject({ resourceType: 'user', resource: user.objectId });
    expect(isMember(f, group.seq, 'user', user.seq)).toBe(true);
    expect(f.ctx.journal.query({ route: 'graph.groups.members.add', status: 204 })).toHaveLength(1);

    await provisionRevoke(connector, granted[0]!);
    expect(isMember(f, group.seq, 'user', user.seq)).toBe(false);
    expect(f.ctx.journal.query({ route: 'graph.groups.members.remove', status: 204 })).toHaveLength(1);
  });

  it('nests a group, answering an expandable grant', async () => {
    const f = entraFixture(server, { sim: { writeBack: true }, shape: { nestedGroupRatio: 0 } });
    const outer = f.tenant.group(1)!;
    const inner = f.tenant.group(2)!;
    const connector = connectorFor(f);
    const r = await records(connector, outer.objectId, { type: 'group', id: inner.objectId });

    const [grant] = await provisionGrant(connector, r.principal, r.member);
    expect(grant?.id).toBe(`${memberEntitlementId(outer.objectId)}:group:${inner.objectId}`);
    expect(unpackAnnotation(grant!.annotations, GrantExpandableSchema)?.entitlementIds).toEqual([memberEntitlementId(inner.objectId)]);
    expect(isMember(f, outer.seq, 'group', inner.seq)).toBe(true);
  });

  it('refuses owner grants as unimplemented, before calling Graph', async () => {
    const f = entraFixture(server, { sim: { writeBack: true } });
    const { group, user } = outsider(f);
    const connector = connectorFor(f);
    const r = await records(connector, group.objectId, { type: 'user', id: user.objectId });
    const error = await provisionGrant(connector, r.principal, r.owner as Entitlement).catch((e: unknown) => e);
    expect((error as Error).cause).toBeInstanceOf(SyncError);
    expect(((error as Error).cause as SyncError).code).toBe('Unimplemented');
    expect(f.ctx.journal.query({ route: /graph\.groups\.members\.(add|remove)/ })).toHaveLength(0);
  });

  it('declares provisioning for groups only', () => {
    const f = entraFixture(server);
    const caps = derivedCapabilities(connectorFor(f));
    expect(caps.resourceTypeCapabilities.map((c) => [c.resourceType.id, c.capabilities])).toEqual([
      ['user', ['CAPABILITY_SYNC']],
      ['group', ['CAPABILITY_PROVISION', 'CAPABILITY_SYNC']],
      ['enterprise_application', ['CAPABILITY_SYNC']],
    ]);
  });
});

describe('Entra group membership provisioning without write-back', () => {
  it('fails grant with Graph’s 403 Authorization_RequestDenied text and leaves the tenant unchanged', async () => {
    const f = entraFixture(server);
    const { group, user } = outsider(f);
    const connector = connectorFor(f);
    const r = await records(connector, group.objectId, { type: 'user', id: user.objectId });

    const error = await provisionGrant(connector, r.principal, r.member).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`grant failed: POST /v1.0/groups/${group.objectId}/members/$ref: 403: ${DENIED}`);
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(ConnectorHttpError);
    expect(cause).toMatchObject({ status: 403, code: 'PermissionDenied' });
    expect(isMember(f, group.seq, 'user', user.seq)).toBe(false);
    expect(f.ctx.journal.query({ route: 'graph.groups.members.add', status: 403 })).toHaveLength(1);
  });

  it('fails revoke of an existing membership the same way', async () => {
    const f = entraFixture(server);
    const group = f.tenant.group(1)!;
    const membership = f.tenant.members(group.seq, { limit: 100_000 }).items.find((m) => m.memberType === 'user')!;
    const user = f.tenant.user(membership.memberSeq)!;
    const connector = connectorFor(f);
    const { grants } = await connector.syncers.group!.grants(
      (await records(connector, group.objectId, { type: 'user', id: user.objectId })).group,
      '',
    );
    const grant = grants.find((g) => g.principal?.id?.resource === user.objectId)!;

    const error = await provisionRevoke(connector, grant).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`revoke failed: DELETE /v1.0/groups/${group.objectId}/members/${user.objectId}/$ref: 403: ${DENIED}`);
    expect((error as Error).cause).toMatchObject({ status: 403 });
    expect(isMember(f, group.seq, 'user', user.seq)).toBe(true);
  });
});
