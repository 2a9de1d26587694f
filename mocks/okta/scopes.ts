/**
 * Okta OAuth scopes (REFERENCE §8 [D O4O-SVC, scopes table]) and each route's least-privileged one: users*
 * need `okta.users.read`, groups, members and group rules `okta.groups.read`, apps and their assignments
 * `okta.apps.read`, role assignments `okta.roles.read` (sub-path mapping [U]), membership writes
 * `okta.groups.manage`, the org's settings `okta.orgs.read` [U mapping]. The `.manage` scope of the same kind also opens the reads. A route missing from this table does not compile (oktaRoute takes these).
 */
export type OktaScope = 'okta.users.read' | 'okta.groups.read' | 'okta.apps.read' | 'okta.roles.read' | 'okta.orgs.read' | 'okta.groups.manage';

export const ROUTE_SCOPES = {
  'okta.org.get': 'okta.orgs.read',
  'okta.users.list': 'okta.users.read',
  'okta.users.get': 'okta.users.read',
  'okta.groups.list': 'okta.groups.read',
  'okta.groups.get': 'okta.groups.read',
  'okta.members.list': 'okta.groups.read',
  'okta.groupRules.list': 'okta.groups.read',
  'okta.userRoles.list': 'okta.roles.read',
  'okta.groupRoles.list': 'okta.roles.read',
  'okta.roleAssignees.list': 'okta.roles.read',
  'okta.apps.list': 'okta.apps.read',
  'okta.apps.get': 'okta.apps.read',
  'okta.appUsers.list': 'okta.apps.read',
  'okta.appGroups.list': 'okta.apps.read',
  'okta.members.add': 'okta.groups.manage',
  'okta.members.remove': 'okta.groups.manage',
} as const satisfies Record<string, OktaScope>;

export type OktaRouteName = keyof typeof ROUTE_SCOPES;

/**
 * What the service app is granted by default: what baton-okta asks for on a read-only sync (connector.go),
 * plus `okta.orgs.read` for `GET /api/v1/org`, which baton-okta's validation calls (with SSWS).
 */
export const SYNC_SCOPES: readonly OktaScope[] = ['okta.users.read', 'okta.groups.read', 'okta.roles.read', 'okta.apps.read', 'okta.orgs.read'];

/** Any one of these opens a read of the kind; least privileged first. */
export const SCOPE_OPENERS: Record<OktaScope, readonly string[]> = {
  'okta.users.read': ['okta.users.read', 'okta.users.manage'],
  'okta.groups.read': ['okta.groups.read', 'okta.groups.manage'],
  'okta.apps.read': ['okta.apps.read', 'okta.apps.manage'],
  'okta.roles.read': ['okta.roles.read', 'okta.roles.manage'],
  'okta.orgs.read': ['okta.orgs.read', 'okta.orgs.manage'],
  'okta.groups.manage': ['okta.groups.manage'],
};

/** Every scope that opens some read, least privileged first. */
export const READ_SCOPES: readonly string[] = [
  ...new Set((Object.keys(SCOPE_OPENERS) as OktaScope[]).filter((s) => s.endsWith('.read')).flatMap((s) => SCOPE_OPENERS[s])),
];

/** Added to the default grant when the simulator lets membership writes through. */
export const WRITE_SCOPES: readonly OktaScope[] = ['okta.groups.manage'];

export function allows(scopes: Iterable<string>, needed: OktaScope): boolean {
  const have = new Set(scopes);
  return SCOPE_OPENERS[needed].some((s) => have.has(s));
}

/** `missing=okta.users.read|okta.groups.read` (also `+` or space separated; `,` separates fault keys). */
export function parseMissing(value: string | undefined): string[] {
  return (value ?? '').split(/[|+\s]+/).filter(Boolean);
}
