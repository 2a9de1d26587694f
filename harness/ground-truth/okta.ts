/**
 * What the clean Okta connector writes for a tenant, computed from the tenant the way the Okta simulator
 * renders it (mocks/okta): Okta ids for users (every status, DEPROVISIONED included, as `search=status pr`
 * lists them), groups and apps; group members (users: Okta groups do not nest); the standard admin roles,
 * held by users and by groups (custom roles are not synced); app assignments, direct user ones and groups.
 * Scopes gate data as the connector meets their refusals: a kind whose read scope is not granted is absent
 * (the role catalogue stays: it is listed without a call), and without `okta.users.read` the sync fails,
 * so nothing is expected.
 *
 * Assumes the simulator's seed is the tenant's (`createContext`'s default): Okta ids derive from it.
 */
import type { GroundTruth } from './model.js';
import { drain, storeSource } from '../../mocks/core/paging/list-source.js';
import { appAssignments } from '../../mocks/okta/endpoints/app-assignments.js';
import { oktaId } from '../../mocks/okta/ids.js';
import { userMembers } from '../../mocks/okta/memberships.js';
import { oktaRole } from '../../mocks/okta/render/role.js';
import type { TenantStore } from '../../mocks/tenant/model.js';
import { grantId, memberEntitlementId } from '../../connectors/shared/group-membership.js';
import { appGrantId, roleGrantId } from '../../connectors/okta/resources.js';
import { READ_SCOPES, type ReadKind } from '../../connectors/okta/scopes.js';
import { STANDARD_ROLES } from '../../connectors/okta/standard-roles.js';

export function groundTruth(tenant: TenantStore, permissions?: readonly string[]): GroundTruth {
  const granted = new Set(permissions ?? Object.values(READ_SCOPES));
  const can = (kind: ReadKind) => granted.has(READ_SCOPES[kind]);
  if (!can('users')) return { resources: [], grants: [] };
  const seed = tenant.shape.seed;
  const id = (kind: 'user' | 'group' | 'app', seq: number) => oktaId(seed, kind, seq);

  const resources: string[] = [];
  const grants: string[] = [];
  for (const user of drain(storeSource((p) => tenant.users(p)))) resources.push(`user:${id('user', user.seq)}`);
  if (can('groups')) {
    for (const group of drain(storeSource((p) => tenant.groups(p)))) {
      const groupId = id('group', group.seq);
      resources.push(`group:${groupId}`);
      for (const user of drain(userMembers(tenant, group.seq))) grants.push(grantId(memberEntitlementId(groupId), 'user', id('user', user.seq)));
    }
  }
  for (const type of Object.keys(STANDARD_ROLES)) resources.push(`role:${type}`);
  if (can('roles')) {
    for (const a of drain(storeSource((p) => tenant.roleAssignments(p)))) {
      const role = tenant.role(a.roleSeq);
      const type = role && oktaRole(role, seed).type;
      if (!type || !(type in STANDARD_ROLES)) continue;
      // A group's roles are read with the group, so they need the group listing too.
      if (a.principalType === 'user' && tenant.user(a.principalSeq)) grants.push(roleGrantId(type, 'user', id('user', a.principalSeq)));
      if (a.principalType === 'group' && can('groups') && tenant.group(a.principalSeq)) {
        grants.push(roleGrantId(type, 'group', id('group', a.principalSeq)));
      }
    }
  }
  if (can('apps')) {
    for (const app of drain(storeSource((p) => tenant.apps(p)))) {
      const appId = id('app', app.seq);
      resources.push(`app:${appId}`);
      const assigned = appAssignments(tenant, app.seq);
      for (const { user, scope } of assigned.users) if (scope === 'USER') grants.push(appGrantId(appId, 'user', id('user', user.seq)));
      for (const groupSeq of assigned.groups) if (tenant.group(groupSeq)) grants.push(appGrantId(appId, 'group', id('group', groupSeq)));
    }
  }
  // A role held twice (two assignments of one type) is one grant, as the sync file's upsert keeps it.
  return { resources, grants: [...new Set(grants)] };
}
