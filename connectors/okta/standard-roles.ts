/**
 * The admin roles the connector lists: baton-okta's ten standard role types with its labels, plus the three
 * newer types of Okta's RoleType enum (REFERENCE.md §3). A fixed list, as there: Okta has no listing of its
 * standard roles, only of who holds them. Custom roles (`type: CUSTOM`) are left out, as baton-okta does
 * without `--sync-custom-roles`.
 */
export const STANDARD_ROLES: Readonly<Record<string, string>> = {
  API_ACCESS_MANAGEMENT_ADMIN: 'API Access Management Administrator',
  MOBILE_ADMIN: 'Mobile Administrator',
  ORG_ADMIN: 'Organizational Administrator',
  READ_ONLY_ADMIN: 'Read-Only Administrator',
  REPORT_ADMIN: 'Report Administrator',
  SUPER_ADMIN: 'Super Administrator',
  USER_ADMIN: 'Group Administrator',
  HELP_DESK_ADMIN: 'Help Desk Administrator',
  APP_ADMIN: 'Application Administrator',
  GROUP_MEMBERSHIP_ADMIN: 'Group Membership Administrator',
  WORKFLOWS_ADMIN: 'Workflows Administrator',
  ACCESS_CERTIFICATIONS_ADMIN: 'Access Certifications Administrator',
  ACCESS_REQUESTS_ADMIN: 'Access Requests Administrator',
};
