/**
 * What the clean Google connector writes for a tenant, computed from the tenant the way the Directory API
 * simulator renders it: Google ids for users, groups and roles, direct memberships (users and groups), and
 * role assignments by their simulated `roleAssignmentId` (including the Super Admin assignment the
 * simulator lists for its DWD subject). Scopes gate data as the connector's token requests meet them: a
 * kind whose every scope is missing from the grant is absent, and without user access the sync fails,
 * so nothing is expected.
 *
 * Assumes the simulator's seed is the tenant's (`createContext`'s default): role assignment ids derive
 * from it.
 */
import type { GroundTruth } from './model.js';
import { drain, storeSource } from '../../mocks/core/paging/list-source.js';
import { AdminSubjects } from '../../mocks/google/admin-subjects.js';
import { directMembers } from '../../mocks/google/directory/memberships.js';
import { roleAssignmentId } from '../../mocks/google/directory/render.js';
import { SYNC_SCOPES } from '../../mocks/google/scopes.js';
import type { RoleAssignment, TenantStore } from '../../mocks/tenant/model.js';
import { membershipGrantId } from '../../connectors/google/connector.js';
import { fullScope, READ_SCOPES, type ReadKind } from '../../connectors/google/scopes.js';

export function groundTruth(tenant: TenantStore, permissions?: readonly string[]): GroundTruth {
  const granted = new Set((permissions ?? SYNC_SCOPES).map(fullScope));
  const can = (kind: ReadKind) => READ_SCOPES[kind].some((scope) => granted.has(scope));
  if (!can('users') || tenant.counts().users === 0) return { resources: [], grants: [] };

  const resources: string[] = [];
  const grants: string[] = [];
  for (const user of drain(storeSource((p) => tenant.users(p)))) resources.push(`user:${user.googleId}`);
  if (can('groups')) {
    for (const group of drain(storeSource((p) => tenant.groups(p)))) {
      resources.push(`group:${group.googleId}`);
      if (!can('members')) continue;
      for (const m of drain(directMembers(tenant, group))) {
        grants.push(
          m.entity.type === 'user'
            ? membershipGrantId(group.googleId, 'user', m.entity.user.googleId)
            : membershipGrantId(group.googleId, 'group', m.entity.group.googleId),
        );
      }
    }
  }
  if (can('roles')) {
    const synthetic = new AdminSubjects(tenant).synthetic;
    for (const role of tenant.roles()) {
      resources.push(`role:${role.googleId}`);
      const assigned: RoleAssignment[] = drain(storeSource((p) => tenant.roleAssignments(p, { roleSeq: role.seq })));
      for (const a of synthetic?.roleSeq === role.seq ? [synthetic, ...assigned] : assigned) {
        const assignee = a.principalType === 'user' ? tenant.user(a.principalSeq) : tenant.group(a.principalSeq);
        if (assignee) grants.push(roleAssignmentId(tenant.shape.seed, a));
      }
    }
  }
  return { resources, grants };
}

/** The name harness/ground-truth/index.ts loads a provider's ground truth by. */
