/**
 * How the tenant's (Entra-named) roles show up as Workspace admin roles. Where Workspace has a pre-built
 * role doing the same job, the tenant role is shown as that system role, with Google's internal name
 * (`_SEED_ADMIN_ROLE` is Super Admin) as `roleName`, the way the API lists system roles; every other role
 * is a custom role under its own name. Matching is by Entra template id, which never changes.
 */
import { BUILTIN_ROLES } from '../../tenant/builtin-roles.js';
import type { TenantRole } from '../../tenant/model.js';

export interface SystemRole {
  roleName: string;
  roleDescription: string;
  privileges: ReadonlyArray<{ privilegeName: string; serviceId: string }>;
}

/** Service ids of the Admin console services (as the API's `privileges` listing names them). */
const SERVICE = { directory: '00haapch16h1ysv', groups: '01ci93xb3tmzyin' } as const;

const template = (name: string) => BUILTIN_ROLES.find((r) => r.displayName === name)!.templateId;

const SUPER_ADMIN_TEMPLATE = template('Global Administrator');

const SYSTEM: ReadonlyMap<string, SystemRole> = new Map([
  [
    SUPER_ADMIN_TEMPLATE,
    {
      roleName: '_SEED_ADMIN_ROLE',
      roleDescription: 'Google Workspace Administrator Seed Role',
      privileges: [
        { privilegeName: 'SUPER_ADMIN', serviceId: SERVICE.directory },
        { privilegeName: 'USERS_ALL', serviceId: SERVICE.directory },
        { privilegeName: 'GROUPS_ALL', serviceId: SERVICE.groups },
      ],
    },
  ],
  [
    template('User Administrator'),
    {
      roleName: '_USER_MANAGEMENT_ADMIN_ROLE',
      roleDescription: 'User Management Administrator',
      privileges: [
        { privilegeName: 'USERS_RETRIEVE', serviceId: SERVICE.directory },
        { privilegeName: 'USERS_UPDATE', serviceId: SERVICE.directory },
      ],
    },
  ],
  [
    template('Groups Administrator'),
    {
      roleName: '_GROUPS_ADMIN_ROLE',
      roleDescription: 'Groups Administrator',
      privileges: [
        { privilegeName: 'GROUPS_ALL', serviceId: SERVICE.groups },
        { privilegeName: 'USERS_RETRIEVE', serviceId: SERVICE.directory },
      ],
    },
  ],
  [
    template('Helpdesk Administrator'),
    {
      roleName: '_HELP_DESK_ADMIN_ROLE',
      roleDescription: 'Help Desk Administrator',
      privileges: [
        { privilegeName: 'USERS_RETRIEVE', serviceId: SERVICE.directory },
        { privilegeName: 'USERS_RESET_PASSWORD', serviceId: SERVICE.directory },
      ],
    },
  ],
]);

/** The Workspace system role a tenant role is shown as, or undefined for a custom role. */
export function systemRole(role: TenantRole): SystemRole | undefined {
  return SYSTEM.get(role.templateId);
}

export function isSuperAdminRole(role: TenantRole): boolean {
  return role.templateId === SUPER_ADMIN_TEMPLATE;
}

/** Custom roles get read-only directory privileges: enough to look plausible, nothing a connector reads. */
export const CUSTOM_ROLE_PRIVILEGES: SystemRole['privileges'] = [{ privilegeName: 'USERS_RETRIEVE', serviceId: SERVICE.directory }];
