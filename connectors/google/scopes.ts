/**
 * Which OAuth scopes the connector asks for, per kind of data. Like baton-google-workspace, every kind
 * gets its own token: the read-only scope first and, when domain-wide delegation refuses it (401
 * `unauthorized_client`), the broader one. A kind whose every scope is refused is not synced, so one
 * missing grant costs that data, not the whole sync.
 */
const s = (name: string) => `https://www.googleapis.com/auth/${name}`;

export type ReadKind = 'users' | 'groups' | 'members' | 'roles';

/** Tried in order; the first one the delegation grant covers is used for the whole sync. */
export const READ_SCOPES: Record<ReadKind, readonly string[]> = {
  users: [s('admin.directory.user.readonly'), s('admin.directory.user')],
  groups: [s('admin.directory.group.readonly'), s('admin.directory.group')],
  members: [s('admin.directory.group.member.readonly'), s('admin.directory.group.member')],
  roles: [s('admin.directory.rolemanagement.readonly'), s('admin.directory.rolemanagement')],
};

/** Membership writes (members.insert / members.delete): the narrowest scope that allows them. */
export const WRITE_MEMBERS_SCOPE = s('admin.directory.group.member');

/** `admin.directory.user.readonly` → the full URL; full URLs pass unchanged. */
export function fullScope(scope: string): string {
  return /^https?:\/\//.test(scope) ? scope : s(scope);
}
