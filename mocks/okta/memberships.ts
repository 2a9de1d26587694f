/**
 * Group members as Okta has them: users only. Okta groups do not nest, so the tenant's group-in-group
 * memberships are not shown (`/groups/{id}/users` lists the direct user members), and a group's
 * `usersCount` counts those. Whether DEPROVISIONED members appear in Okta is [U]; they do here.
 */
import { drain, filterSource, mapSource, storeSource, type ListSource } from '../core/paging/list-source.js';
import type { TenantStore, TenantUser } from '../tenant/model.js';

export function userMembers(tenant: TenantStore, groupSeq: number): ListSource<TenantUser> {
  const users = filterSource(
    storeSource((p) => tenant.members(groupSeq, p)),
    (m) => m.memberType === 'user',
  );
  return mapSource(users, (m) => tenant.user(m.memberSeq));
}

export function usersCount(tenant: TenantStore, groupSeq: number): number {
  return drain(
    filterSource(
      storeSource((p) => tenant.members(groupSeq, p)),
      (m) => m.memberType === 'user',
    ),
  ).length;
}
