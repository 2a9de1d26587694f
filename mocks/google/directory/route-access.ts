/**
 * Every Directory API route by name, with the kind of data it serves: the route's scope check reads its
 * access here, and so does the doctor (through the descriptor), without building a simulator to find out. A
 * route missing from this table does not compile (directoryRoute takes only these names).
 */
import type { Access } from '../scopes.js';

export const DIRECTORY_ROUTE_ACCESS = {
  'google.users.list': 'users',
  'google.users.get': 'users',
  'google.groups.list': 'groups',
  'google.groups.get': 'groups',
  'google.roles.list': 'roles',
  'google.roleAssignments.list': 'roles',
  'google.members.list': 'members',
  'google.members.insert': 'write-members',
  'google.members.delete': 'write-members',
} as const satisfies Record<string, Access>;

export type DirectoryRouteName = keyof typeof DIRECTORY_ROUTE_ACCESS;
