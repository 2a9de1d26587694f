/**
 * OAuth scopes: what domain-wide delegation grants the service account's client, and which scopes open
 * which Directory API data (each method's "Authorization scopes" list in the API reference). Scopes are
 * compared as full URLs; fault parameters and options may use the short name after `/auth/`.
 */

export const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** Kinds of data a route serves. */
export type Access = 'users' | 'groups' | 'members' | 'roles' | 'write-members';

const s = (name: string) => `${SCOPE_PREFIX}${name}`;

/** Any one of these opens the access; least privileged first. */
export const ACCESS_SCOPES: Record<Access, readonly string[]> = {
  users: [s('admin.directory.user.readonly'), s('admin.directory.user')],
  groups: [s('admin.directory.group.readonly'), s('admin.directory.group')],
  members: [
    s('admin.directory.group.member.readonly'),
    s('admin.directory.group.readonly'),
    s('admin.directory.group.member'),
    s('admin.directory.group'),
  ],
  roles: [s('admin.directory.rolemanagement.readonly'), s('admin.directory.rolemanagement')],
  'write-members': [s('admin.directory.group.member'), s('admin.directory.group')],
};

/**
 * What baton-google-workspace asks for on a sync (reference baton-c1z §6): a DWD grant must cover every
 * scope a client requests, or the token request fails as a whole.
 */
export const SYNC_SCOPES: readonly string[] = [
  'admin.directory.domain.readonly',
  'admin.directory.group.readonly',
  'admin.directory.group.member.readonly',
  'admin.directory.rolemanagement.readonly',
  'admin.directory.user.readonly',
  'admin.reports.audit.readonly',
  'admin.directory.user.security',
  'cloud-identity.inboundsso.readonly',
].map(s);

/** Added to the default grant when the simulator allows membership writes. */
export const WRITE_SCOPES: readonly string[] = [s('admin.directory.group.member')];

/** `admin.directory.user.readonly` → the full URL; full URLs (and other absolute scopes) pass unchanged. */
export function fullScope(scope: string): string {
  return /^https?:\/\//.test(scope) ? scope : s(scope);
}

/** The `scope` claim of an assertion: space separated (gtoken joins arrays with spaces). */
export function parseScopeClaim(claim: unknown): string[] {
  return typeof claim === 'string' ? claim.split(/\s+/).filter(Boolean) : [];
}

/** `missing=admin.directory.user.readonly|https://...` (also `+` or space separated; `,` separates fault keys). */
export function parseMissing(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[|+\s]+/)
    .filter(Boolean)
    .map(fullScope);
}

export function allows(scopes: Iterable<string>, access: Access): boolean {
  const have = new Set(scopes);
  return ACCESS_SCOPES[access].some((scope) => have.has(scope));
}
