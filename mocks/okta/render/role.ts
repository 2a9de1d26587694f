/**
 * Admin role assignments as Okta shows them (REFERENCE §3 [D ROLES-LEGACY, S models/StandardRole]). The
 * tenant's roles become Okta's standard admin roles in this order (tenant role 1 is SUPER_ADMIN, 2 ORG_ADMIN,
 * ...); roles past the standard list are custom roles (`type: CUSTOM`, a `cr0…` role id and a resource set).
 * Labels are the ones baton-okta lists (role.go) for the roles it knows, Okta's own for the rest.
 */
import type { RoleAssignment, TenantRole } from '../../tenant/model.js';
import { oktaId } from '../ids.js';
import { oktaDate, type RenderScope } from './scope.js';

export const STANDARD_ROLES: ReadonlyArray<{ type: string; label: string }> = [
  { type: 'SUPER_ADMIN', label: 'Super Administrator' },
  { type: 'ORG_ADMIN', label: 'Organizational Administrator' },
  { type: 'APP_ADMIN', label: 'Application Administrator' },
  { type: 'USER_ADMIN', label: 'Group Administrator' },
  { type: 'HELP_DESK_ADMIN', label: 'Help Desk Administrator' },
  { type: 'READ_ONLY_ADMIN', label: 'Read-Only Administrator' },
  { type: 'API_ACCESS_MANAGEMENT_ADMIN', label: 'API Access Management Administrator' },
  { type: 'REPORT_ADMIN', label: 'Report Administrator' },
  { type: 'GROUP_MEMBERSHIP_ADMIN', label: 'Group Membership Administrator' },
  { type: 'WORKFLOWS_ADMIN', label: 'Workflows Administrator' },
  { type: 'ACCESS_CERTIFICATIONS_ADMIN', label: 'Access Certifications Administrator' },
  { type: 'ACCESS_REQUESTS_ADMIN', label: 'Access Requests Administrator' },
];

/** The Okta role a tenant role stands for: a standard type, or CUSTOM with its own role id. */
export function oktaRole(role: Pick<TenantRole, 'seq' | 'displayName'>, seed: number): { type: string; label: string; customId?: string } {
  const standard = STANDARD_ROLES[role.seq - 1];
  return standard ?? { type: 'CUSTOM', label: role.displayName, customId: oktaId(seed, 'customRole', role.seq) };
}

const CREATED = '2025-09-01T00:00:00Z';

export function renderRoleAssignment(assignment: RoleAssignment, role: TenantRole, scope: RenderScope): Record<string, unknown> {
  const r = oktaRole(role, scope.seed);
  const assigneeKind = assignment.principalType === 'user' ? 'users' : 'groups';
  const assignee = oktaId(scope.seed, assignment.principalType === 'user' ? 'user' : 'group', assignment.principalSeq);
  const links: Record<string, unknown> = { assignee: { href: `${scope.orgUrl}/api/v1/${assigneeKind}/${assignee}` } };
  const body: Record<string, unknown> = {
    id: oktaId(scope.seed, 'roleAssignment', assignment.seq),
    label: r.label,
    type: r.type,
    status: 'ACTIVE',
    created: oktaDate(CREATED, assignment.seq * 60),
    lastUpdated: oktaDate(CREATED, assignment.seq * 60),
    assignmentType: assignment.principalType === 'user' ? 'USER' : 'GROUP',
  };
  if (r.customId) {
    const resourceSet = `iam${r.customId.slice(3)}`;
    body.role = r.customId;
    body['resource-set'] = resourceSet;
    links.role = { href: `${scope.orgUrl}/api/v1/iam/roles/${r.customId}` };
    links['resource-set'] = { href: `${scope.orgUrl}/api/v1/iam/resource-sets/${resourceSet}` };
  }
  body._links = links;
  return body;
}
