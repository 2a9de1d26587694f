/**
 * A grant or revoke for symptoms that only show when the connector provisions: the tenant the scenario
 * will build (same seed and sizes, so the same objects) is generated here to name a real membership to
 * revoke, or a real user who is not yet a member, by mail address as scenario files do.
 */
import { createTenant } from '../../mocks/tenant/store.js';
import type { TenantGroup, TenantStore, TenantUser } from '../../mocks/tenant/model.js';

export type ActionNeed = 'revoke-member' | 'grant-non-member';

export interface PlannedAction {
  op: 'grant' | 'revoke';
  entitlement: string;
  principal: string;
}

export function pickAction(shape: Record<string, number>, need: ActionNeed): PlannedAction | undefined {
  const tenant = createTenant(shape);
  try {
    const pair = need === 'revoke-member' ? memberPair(tenant) : nonMemberPair(tenant);
    if (!pair) return undefined;
    return { op: need === 'revoke-member' ? 'revoke' : 'grant', entitlement: `group:${pair.group.mail}:member`, principal: `user:${pair.user.mail}` };
  } finally {
    tenant.close();
  }
}

function memberPair(tenant: TenantStore): { group: TenantGroup; user: TenantUser } | undefined {
  for (const group of tenant.groups({ limit: 1000 }).items) {
    const member = tenant.members(group.seq, { limit: 1000 }).items.find((m) => m.memberType === 'user');
    const user = member && tenant.user(member.memberSeq);
    if (user && user.kind === 'member') return { group, user };
  }
  return undefined;
}

function nonMemberPair(tenant: TenantStore): { group: TenantGroup; user: TenantUser } | undefined {
  const group = tenant.groups({ limit: 1 }).items[0];
  if (!group) return undefined;
  const user = tenant
    .users({ limit: 1000 }, { kind: 'member' })
    .items.find((u) => !tenant.memberOf('user', u.seq).some((m) => m.groupSeq === group.seq));
  return user ? { group, user } : undefined;
}
