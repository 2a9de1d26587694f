/**
 * Which permission a refused read was short of, and the `partial-consent` fault that takes exactly that
 * away: from the permission the log names, else from the refused URL, else from the first listing the
 * log never reported. The simulators' own permission tables decide what the fault must remove (on Graph
 * any one of several permissions opens users, so removing only the least privileged one would not refuse).
 */
import { GRANTS, type Access as EntraAccess } from '../../mocks/entra/graph/permissions.js';
import { DEFAULT_READ_PERMISSIONS } from '../../mocks/entra/simulator.js';
import { ACCESS_SCOPES, SCOPE_PREFIX, fullScope, type Access as GoogleAccess } from '../../mocks/google/scopes.js';
import type { Refusal } from './log-facts.js';
import type { ReproProvider } from './symptom-list.js';

export interface PermissionPlan {
  /** The `partial-consent` fault spec. */
  fault: string;
  /** The least-privileged permission the refused call needs, as the provider names it. */
  permission: string;
  /** How it was chosen, for the scenario's comment. */
  how: string;
  /** Set when the reference connector will not make the refused call. */
  caveat?: string;
}

export interface PermissionClues {
  /** `--missing`, or what the log's refusal names. */
  named?: string;
  refusal?: Refusal;
  /** Resource types the log reported as listed. */
  listed?: readonly string[];
}

type Read<A extends string> = { access: A; how: string };

/** The reference connectors' listing order, each type with the access it needs. */
const ENTRA_TYPES: [string, Exclude<EntraAccess, 'write-members'>][] = [['user', 'users'], ['group', 'groups'], ['enterprise_application', 'apps']];
const ENTRA_PATHS: [RegExp, Exclude<EntraAccess, 'write-members'>][] = [
  [/^\/(?:v1\.0|beta)\/users\b/, 'users'],
  [/^\/(?:v1\.0|beta)\/groups\/[^/]+\/(?:members|transitiveMembers|owners)\b/, 'members'],
  [/^\/(?:v1\.0|beta)\/groups\b/, 'groups'],
  [/^\/(?:v1\.0|beta)\/(?:directoryRoles|roleManagement)\b/, 'roles'],
  [/^\/(?:v1\.0|beta)\/(?:servicePrincipals|applications)\b/, 'apps'],
];
const GOOGLE_TYPES: [string, Exclude<GoogleAccess, 'write-members'>][] = [['user', 'users'], ['group', 'groups'], ['role', 'roles']];
const GOOGLE_PATHS: [RegExp, Exclude<GoogleAccess, 'write-members'>][] = [
  [/\/admin\/directory\/v1\/users\b/, 'users'],
  [/\/admin\/directory\/v1\/groups\/[^/]+\/members\b/, 'members'],
  [/\/admin\/directory\/v1\/groups\b/, 'groups'],
  [/\/admin\/directory\/v1\/customer\/[^/]+\/role(?:s|assignments)\b/, 'roles'],
];
const GOOGLE_ROUTES: Record<Exclude<GoogleAccess, 'write-members'>, string> = { users: 'google.users.list', groups: 'google.groups.list', members: 'google.members.list', roles: 'google.roles.list' };
const AWS_TYPES: [string, string][] = [['iam_user', 'iam:ListUsers'], ['group', 'iam:ListGroups'], ['role', 'iam:ListRoles'], ['sso_user', 'identitystore:ListUsers'], ['sso_group', 'identitystore:ListGroups']];

export function permissionPlan(provider: ReproProvider, clues: PermissionClues): PermissionPlan | undefined {
  switch (provider) {
    case 'entra':
      return entraPlan(clues);
    case 'google':
      return googlePlan(clues);
    case 'aws':
      return awsPlan(clues);
    case 'scim':
      return undefined;
  }
}

function entraPlan(clues: PermissionClues): PermissionPlan {
  const read = pick<Exclude<EntraAccess, 'write-members'>>(clues, {
    byName: (name) => accessOf(GRANTS, name),
    paths: ENTRA_PATHS,
    types: ENTRA_TYPES,
    fallback: 'groups',
  });
  const granted = new Set<string>(DEFAULT_READ_PERMISSIONS);
  const missing = GRANTS[read.access].filter((p) => granted.has(p));
  // Members are read after the groups themselves; only the member routes lose them, or the group listing is refused first.
  const route = read.access === 'members' ? ',route=graph.groups.members.list' : '';
  return {
    fault: `partial-consent:missing=${missing.join('|')}${route}`,
    permission: GRANTS[read.access][0]!,
    how: read.how,
    ...(read.access === 'roles' ? { caveat: 'the reference Entra connector does not list directory roles, so the run never makes the refused call' } : {}),
  };
}

function googlePlan(clues: PermissionClues): PermissionPlan {
  const read = pick<Exclude<GoogleAccess, 'write-members'>>(clues, {
    byName: (name) => accessOf(ACCESS_SCOPES, fullScope(name)),
    paths: GOOGLE_PATHS,
    types: GOOGLE_TYPES,
    fallback: 'roles',
  });
  const short = (scope: string) => scope.replace(SCOPE_PREFIX, '');
  return {
    // The token is issued for every scope; the route loses them, as when a delegation shrinks under an issued token.
    fault: `partial-consent:missing=${ACCESS_SCOPES[read.access].map(short).join('|')},route=${GOOGLE_ROUTES[read.access]}`,
    permission: short(ACCESS_SCOPES[read.access][0]!),
    how: read.how,
  };
}

function awsPlan(clues: PermissionClues): PermissionPlan {
  const named = clues.named ?? clues.refusal?.permission;
  if (named && /^(iam|identitystore):\w+$/.test(named)) return { fault: `partial-consent:missing=${named}`, permission: named, how: clues.named ? 'given with --missing' : `named by the refusal (line ${clues.refusal!.line})` };
  const unlisted = AWS_TYPES.find(([type]) => clues.listed && !clues.listed.includes(type));
  const [type, action] = clues.listed && unlisted ? unlisted : AWS_TYPES[1]!;
  const how = clues.listed && unlisted ? `the first listing the log never reported (${type})` : 'not named in the report: iam:ListGroups assumed (edit missing=)';
  return { fault: `partial-consent:missing=${action}`, permission: action, how };
}

interface PickRules<A extends string> {
  byName: (name: string) => A | undefined;
  paths: [RegExp, A][];
  types: [string, A][];
  fallback: A;
}

/** The refused access: the named permission, the refused URL, the first unlisted type, or the fallback. */
function pick<A extends string>(clues: PermissionClues, rules: PickRules<A>): Read<A> {
  const named = clues.named ?? clues.refusal?.permission;
  const byName = named ? rules.byName(named) : undefined;
  if (byName) return { access: byName, how: clues.named ? `given with --missing ${named}` : `named by the refusal (line ${clues.refusal!.line}: ${named})` };
  const path = clues.refusal?.url ? pathOf(clues.refusal.url) : undefined;
  const byPath = path ? rules.paths.find(([pattern]) => pattern.test(path))?.[1] : undefined;
  if (byPath) return { access: byPath, how: `the refused call (line ${clues.refusal!.line}: ${clues.refusal!.method ? `${clues.refusal!.method} ` : ''}${path})` };
  const unlisted = clues.listed ? rules.types.find(([type]) => !clues.listed!.includes(type)) : undefined;
  if (unlisted) return { access: unlisted[1], how: `the first listing the log never reported (${unlisted[0]})` };
  return { access: rules.fallback, how: `not named in the report: ${rules.fallback} assumed (edit missing=)` };
}

/** The access whose least-privileged permission this is, else the first one it opens. */
function accessOf<A extends string>(table: Record<A, readonly string[]>, permission: string): Exclude<A, 'write-members'> | undefined {
  const reads = (Object.keys(table) as A[]).filter((a): a is Exclude<A, 'write-members'> => a !== 'write-members');
  return reads.find((a) => table[a][0] === permission) ?? reads.find((a) => table[a].includes(permission));
}

function pathOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
}
