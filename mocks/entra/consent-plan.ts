/**
 * Repro's `partial-consent` fault for a refused Graph read. On Graph any one of several permissions opens a
 * kind of data, so the fault removes every granted one that would, not only the least privileged.
 */
import { pickAccess, readAccessOf } from '../core/consent-plan.js';
import type { PermissionClues, PermissionPlan } from '../core/provider-descriptor.js';
import { DEFAULT_READ_PERMISSIONS, GRANTS, type Access } from './graph/permissions.js';

type Read = Exclude<Access, 'write-members'>;

/** The reference connector's listing order, each type with the access it needs. */
const TYPES: [string, Read][] = [
  ['user', 'users'],
  ['group', 'groups'],
  ['enterprise_application', 'apps'],
];
const PATHS: [RegExp, Read][] = [
  [/^\/(?:v1\.0|beta)\/users\b/, 'users'],
  [/^\/(?:v1\.0|beta)\/groups\/[^/]+\/(?:members|transitiveMembers|owners)\b/, 'members'],
  [/^\/(?:v1\.0|beta)\/groups\b/, 'groups'],
  [/^\/(?:v1\.0|beta)\/(?:directoryRoles|roleManagement)\b/, 'roles'],
  [/^\/(?:v1\.0|beta)\/(?:servicePrincipals|applications)\b/, 'apps'],
];

export function entraConsentPlan(clues: PermissionClues): PermissionPlan {
  const read = pickAccess<Read>(clues, { byName: (name) => readAccessOf(GRANTS, name), paths: PATHS, types: TYPES, fallback: 'groups' });
  const granted = new Set<string>(DEFAULT_READ_PERMISSIONS);
  const missing = GRANTS[read.access].filter((p) => granted.has(p));
  // Members are read after the groups themselves; only the member routes lose them, or the group listing is refused first.
  const route = read.access === 'members' ? ',route=graph.groups.members.list' : '';
  return {
    fault: `partial-consent:missing=${missing.join('|')}${route}`,
    permission: GRANTS[read.access][0]!,
    how: read.how,
    ...(read.access === 'roles'
      ? { caveat: 'the reference Entra connector does not list directory roles, so the run never makes the refused call' }
      : {}),
  };
}
