/**
 * A user or a group of the tenant, tagged with which it is: what group members, owners and role principals
 * are in every simulator that lists them by type (Graph directory objects, Directory API members).
 */
import type { Membership, PrincipalType, TenantGroup, TenantStore, TenantUser } from '../tenant/model.js';

export type DirectoryEntity = { type: 'user'; user: TenantUser } | { type: 'group'; group: TenantGroup };

/** The user or group `seq`, or undefined when the tenant has none by that number. */
export function entityOf(tenant: TenantStore, type: PrincipalType, seq: number): DirectoryEntity | undefined {
  if (type === 'user') {
    const user = tenant.user(seq);
    return user && { type, user };
  }
  const group = tenant.group(seq);
  return group && { type, group };
}

/** The membership that makes `entity` a direct member of group `groupSeq` (to add or remove). */
export function membershipOf(groupSeq: number, entity: DirectoryEntity): Membership {
  return { groupSeq, memberType: entity.type, memberSeq: entity.type === 'user' ? entity.user.seq : entity.group.seq };
}
