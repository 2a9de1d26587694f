/**
 * The Okta scopes the connector reads with, per kind of data (REFERENCE.md §8, baton-okta's read set). A
 * service app may be granted fewer than it asks for: the token then holds the subset, and a kind whose
 * scope is missing is not synced, so one missing grant costs that data, not the whole sync.
 */
export type ReadKind = 'users' | 'groups' | 'roles' | 'apps';

export const READ_SCOPES: Record<ReadKind, string> = {
  users: 'okta.users.read',
  groups: 'okta.groups.read',
  roles: 'okta.roles.read',
  apps: 'okta.apps.read',
};

/** Group membership writes (PUT and DELETE /api/v1/groups/{id}/users/{userId}). */
export const WRITE_MEMBERS_SCOPE = 'okta.groups.manage';
