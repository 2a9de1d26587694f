/**
 * Group membership as Workspace shows it. Members are the tenant's direct members (users and groups, in
 * the store's order); a member who is also one of the group's owners has role OWNER, every other one
 * MEMBER. The tenant's owners who are not members are not shown: a Workspace owner is always a member,
 * and inventing memberships would make Google disagree with the other providers about who is in a group.
 * MANAGER never occurs. `includeDerivedMembership` adds the members of nested groups, each once.
 */
import { entityOf, type DirectoryEntity } from '../../core/entity.js';
import { arraySource, drain, mapSource, storeSource, type ListSource } from '../../core/paging/list-source.js';
import type { Membership, TenantGroup, TenantStore } from '../../tenant/model.js';
import type { MemberRole } from './render.js';

export interface GroupMember {
  entity: DirectoryEntity;
  role: MemberRole;
}

export function directMembers(tenant: TenantStore, group: TenantGroup): ListSource<GroupMember> {
  const owners = new Set(tenant.owners(group.seq).map((u) => u.seq));
  return mapSource(
    storeSource((p) => tenant.members(group.seq, p)),
    (m: Membership) => {
      const entity = entityOf(tenant, m.memberType, m.memberSeq);
      return entity && { entity, role: m.memberType === 'user' && owners.has(m.memberSeq) ? 'OWNER' : 'MEMBER' };
    },
  );
}

/**
 * Direct members first, then the members of nested groups breadth first, each user or group once. Roles
 * are the ones held in the group asked about; anyone reached only through nesting is a MEMBER.
 */
export function derivedMembers(tenant: TenantStore, group: TenantGroup): ListSource<GroupMember> {
  const seen = new Set<string>();
  const out: GroupMember[] = [];
  const queue: TenantGroup[] = [group];
  const visited = new Set<number>([group.seq]);
  while (queue.length) {
    const current = queue.shift()!;
    for (const m of drain(directMembers(tenant, current))) {
      const key = `${m.entity.type}:${m.entity.type === 'user' ? m.entity.user.seq : m.entity.group.seq}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(current.seq === group.seq ? m : { entity: m.entity, role: 'MEMBER' });
      }
      if (m.entity.type === 'group' && !visited.has(m.entity.group.seq)) {
        visited.add(m.entity.group.seq);
        queue.push(m.entity.group);
      }
    }
  }
  return arraySource(out);
}

/** `directMembersCount`: users and groups directly in the group. */
export function directMemberCount(tenant: TenantStore, group: TenantGroup): number {
  return drain(
    storeSource((p) => tenant.members(group.seq, p)),
    5000,
  ).length;
}

/** Whether `inner` is `outer` or (transitively) contains it: adding `inner` to `outer` would close a cycle. */
export function wouldCycle(tenant: TenantStore, outer: TenantGroup, inner: TenantGroup): boolean {
  if (outer.seq === inner.seq) return true;
  return drain(derivedMembers(tenant, inner)).some((m) => m.entity.type === 'group' && m.entity.group.seq === outer.seq);
}
