/**
 * Every Graph route by name, with the kind of data it serves: the route's permission check reads its access
 * here, and so does the doctor (through the descriptor), without building a simulator to find out. A route
 * missing from this table does not compile (graphRoutes takes only these names).
 */
import type { Access } from './permissions.js';

export const GRAPH_ROUTE_ACCESS = {
  'graph.groups.members.add': 'write-members',
  'graph.groups.members.remove': 'write-members',
  'graph.servicePrincipals.list': 'apps',
  'graph.servicePrincipals.get': 'apps',
  'graph.servicePrincipals.owners.list': 'apps',
  'graph.servicePrincipals.appRoleAssignedTo.list': 'apps',
  'graph.users.count': 'users',
  'graph.users.list': 'users',
  'graph.users.get': 'users',
  'graph.groups.count': 'groups',
  'graph.groups.list': 'groups',
  'graph.groups.get': 'groups',
  'graph.roleAssignments.list': 'roles',
  'graph.groups.members.count': 'members',
  'graph.groups.members.users.list': 'members',
  'graph.groups.members.groups.list': 'members',
  'graph.groups.members.list': 'members',
  'graph.groups.transitiveMembers.list': 'members',
  'graph.groups.owners.list': 'members',
  'graph.directoryRoles.list': 'roles',
  'graph.directoryRoles.get': 'roles',
  'graph.directoryRoles.members.list': 'roles',
} as const satisfies Record<string, Access>;

export type GraphRouteName = keyof typeof GRAPH_ROUTE_ACCESS;
