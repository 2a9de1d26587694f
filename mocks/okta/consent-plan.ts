/**
 * Repro's `partial-consent` fault for a refused Okta read: the service app loses the scope the refused
 * call needed (an SSWS token's admin is refused the read the same way, with 403 E0000006).
 */
import { pickAccess } from '../core/consent-plan.js';
import type { PermissionClues, PermissionPlan } from '../core/provider-descriptor.js';
import { SCOPE_OPENERS, type OktaScope } from './scopes.js';

/** The reference connector's listing order, each type with the scope it needs. */
type Read = Exclude<OktaScope, 'okta.groups.manage' | 'okta.orgs.read'>;

const TYPES: [string, Read][] = [
  ['user', 'okta.users.read'],
  ['group', 'okta.groups.read'],
  ['role', 'okta.roles.read'],
  ['app', 'okta.apps.read'],
];
const PATHS: [RegExp, Read][] = [
  [/\/api\/v1\/users\/[^/]+\/roles\b/, 'okta.roles.read'],
  [/\/api\/v1\/groups\/[^/]+\/roles\b/, 'okta.roles.read'],
  [/\/api\/v1\/users\b/, 'okta.users.read'],
  [/\/api\/v1\/groups\b/, 'okta.groups.read'],
  [/\/api\/v1\/apps\b/, 'okta.apps.read'],
  [/\/api\/v1\/iam\b/, 'okta.roles.read'],
];
const ROUTES: Record<Read, string> = {
  'okta.users.read': 'okta.users.list',
  'okta.groups.read': 'okta.groups.list',
  'okta.roles.read': 'okta.userRoles.list',
  'okta.apps.read': 'okta.apps.list',
};

export function oktaConsentPlan(clues: PermissionClues): PermissionPlan {
  const reads = Object.keys(ROUTES) as Read[];
  const byName = (name: string) => reads.find((scope) => SCOPE_OPENERS[scope].includes(name));
  const read = pickAccess<Read>(clues, { byName, paths: PATHS, types: TYPES, fallback: 'okta.roles.read' });
  return {
    fault: `partial-consent:missing=${SCOPE_OPENERS[read.access].join('|')},route=${ROUTES[read.access]}`,
    permission: read.access,
    how: read.how,
    // The connector skips a kind of data its scope refuses, except users, without which there is no sync.
    ...(read.access === 'okta.users.read' ? {} : { outcome: 'succeeded' as const }),
  };
}
