/**
 * Repro's `partial-consent` fault for a refused Directory API read: the token is issued for every scope and
 * the route loses them, as when a delegation shrinks under an issued token.
 */
import { pickAccess, readAccessOf } from '../core/consent-plan.js';
import type { PermissionClues, PermissionPlan } from '../core/provider-descriptor.js';
import { ACCESS_SCOPES, SCOPE_PREFIX, fullScope, type Access } from './scopes.js';

type Read = Exclude<Access, 'write-members'>;

/** The reference connector's listing order, each type with the access it needs. */
const TYPES: [string, Read][] = [
  ['user', 'users'],
  ['group', 'groups'],
  ['role', 'roles'],
];
const PATHS: [RegExp, Read][] = [
  [/\/admin\/directory\/v1\/users\b/, 'users'],
  [/\/admin\/directory\/v1\/groups\/[^/]+\/members\b/, 'members'],
  [/\/admin\/directory\/v1\/groups\b/, 'groups'],
  [/\/admin\/directory\/v1\/customer\/[^/]+\/role(?:s|assignments)\b/, 'roles'],
];
const ROUTES: Record<Read, string> = {
  users: 'google.users.list',
  groups: 'google.groups.list',
  members: 'google.members.list',
  roles: 'google.roles.list',
};

export function googleConsentPlan(clues: PermissionClues): PermissionPlan {
  const read = pickAccess<Read>(clues, {
    byName: (name) => readAccessOf(ACCESS_SCOPES, fullScope(name)),
    paths: PATHS,
    types: TYPES,
    fallback: 'roles',
  });
  const short = (scope: string) => scope.replace(SCOPE_PREFIX, '');
  return {
    fault: `partial-consent:missing=${ACCESS_SCOPES[read.access].map(short).join('|')},route=${ROUTES[read.access]}`,
    permission: short(ACCESS_SCOPES[read.access][0]!),
    how: read.how,
  };
}
