/**
 * Who is assigned to an app, as Okta keeps it (REFERENCE §4): the tenant's app role assignments to users
 * are direct user assignments (`scope: USER`), those to groups are group assignments, and every user
 * member of an assigned group is an app user through it (`scope: GROUP`) unless assigned directly. Okta
 * holds one assignment per user or group per app, so several app roles to the same principal are one.
 */
import { drain, storeSource } from '../../core/paging/list-source.js';
import type { TenantStore, TenantUser } from '../../tenant/model.js';
import { userMembers } from '../memberships.js';
import type { AppUserAssignment } from '../render/app.js';

export interface AppAssignments {
  users: AppUserAssignment[];
  /** Group seqs in the order they were assigned. */
  groups: number[];
}

export function appAssignments(tenant: TenantStore, appSeq: number): AppAssignments {
  const direct = new Set<number>();
  const groups: number[] = [];
  for (const a of drain(storeSource((p) => tenant.appRoleAssignments(appSeq, p)))) {
    if (a.principalType === 'user') direct.add(a.principalSeq);
    else if (!groups.includes(a.principalSeq)) groups.push(a.principalSeq);
  }
  const viaGroup = new Map<number, TenantUser>();
  for (const g of groups) for (const u of drain(userMembers(tenant, g))) if (!direct.has(u.seq)) viaGroup.set(u.seq, u);
  const users: AppUserAssignment[] = [
    ...[...direct].flatMap((seq) => {
      const user = tenant.user(seq);
      return user ? [{ user, scope: 'USER' as const }] : [];
    }),
    ...[...viaGroup.values()].map((user) => ({ user, scope: 'GROUP' as const })),
  ];
  users.sort((a, b) => a.user.seq - b.user.seq);
  return { users, groups };
}

const appCounts = new WeakMap<TenantStore, Map<number, number>>();

/** How many apps each group is assigned to (a group's `appsCount`); app assignments never change in a run. */
export function appCountsByGroup(tenant: TenantStore): Map<number, number> {
  let counts = appCounts.get(tenant);
  if (!counts) {
    counts = new Map();
    for (const app of drain(storeSource((p) => tenant.apps(p)))) {
      for (const g of new Set(
        drain(storeSource((p) => tenant.appRoleAssignments(app.seq, p)))
          .filter((a) => a.principalType === 'group')
          .map((a) => a.principalSeq),
      )) {
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
    }
    appCounts.set(tenant, counts);
  }
  return counts;
}
