/**
 * The least-privileged permission each simulated route needs, per provider, read from the simulators
 * themselves: a route declares the kind of data it serves (its `access`), and the permission tables list
 * the permissions opening each kind, least privileged first. AWS needs no table: the IAM action is the
 * route's own name (`iam.ListUsers` -> `iam:ListUsers`). SCIM has a bearer token and no permissions.
 */
import { createContext } from '../../mocks/core/context.js';
import { knownRoutes } from '../../mocks/core/route.js';
import { graphRouteAccess } from '../../mocks/entra/graph/graph-route.js';
import { GRANTS } from '../../mocks/entra/graph/permissions.js';
import { createEntraSimulator } from '../../mocks/entra/simulator.js';
import { directoryRouteAccess } from '../../mocks/google/directory/directory-route.js';
import { ACCESS_SCOPES } from '../../mocks/google/scopes.js';
import { createGoogleSimulator } from '../../mocks/google/simulator.js';
import { createTenant } from '../../mocks/tenant/store.js';
import type { RunEvidence } from './evidence.js';

/** AWS actions anyone may call (STS answers who you are without a policy). */
const AWS_UNGATED = new Set(['sts:GetCallerIdentity']);

/** `iam:ListUsers` for `iam.ListUsers`; undefined for routes that need none or no simulated route. */
export function leastPrivilege(provider: RunEvidence['provider'], route: string | undefined): string | undefined {
  if (!route) return undefined;
  switch (provider) {
    case 'entra': {
      const access = routeAccess().graph.get(route);
      return access && GRANTS[access][0];
    }
    case 'google': {
      const access = routeAccess().directory.get(route);
      return access && ACCESS_SCOPES[access][0];
    }
    case 'aws': {
      const dot = route.indexOf('.');
      const action = `${route.slice(0, dot)}:${route.slice(dot + 1)}`;
      return dot < 0 || route.endsWith('.unknown') || AWS_UNGATED.has(action) ? undefined : action;
    }
    case 'scim':
      return undefined;
  }
}

const PROVIDERS = new Set<string>(['entra', 'google', 'aws', 'scim']);

/** The permission a journal entry's route needs, judged by the provider that answered it. */
export function entryPermission(entry: { provider: string; route?: string }, fallback: RunEvidence['provider']): string | undefined {
  return leastPrivilege(PROVIDERS.has(entry.provider) ? (entry.provider as RunEvidence['provider']) : fallback, entry.route);
}

/**
 * The route tables fill as simulators build their routes; a process that only diagnoses a stored run has
 * built none, so one small simulator of each is built once, at an unroutable base, and its near-miss
 * entries are taken back out so they never show up as hints for real requests.
 */
function routeAccess(): { graph: typeof graphRouteAccess; directory: typeof directoryRouteAccess } {
  if (graphRouteAccess.size === 0 || directoryRouteAccess.size === 0) {
    const before = new Set(knownRoutes.keys());
    const ctx = createContext({ tenant: createTenant({ users: 2, groups: 1 }) });
    const base = 'https://doctor.invalid';
    if (graphRouteAccess.size === 0) createEntraSimulator(ctx, { bases: { login: base, graph: base } });
    if (directoryRouteAccess.size === 0) createGoogleSimulator(ctx, { bases: { oauth: base, admin: base } });
    for (const key of knownRoutes.keys()) if (!before.has(key)) knownRoutes.delete(key);
  }
  return { graph: graphRouteAccess, directory: directoryRouteAccess };
}

/** Every permission that opens some directory read, where the provider has such a table (Entra, Google). */
export function readPermissions(provider: RunEvidence['provider']): readonly string[] | undefined {
  switch (provider) {
    case 'entra':
      return Object.entries(GRANTS).flatMap(([access, grants]) => (access.startsWith('write') ? [] : grants));
    case 'google':
      return Object.entries(ACCESS_SCOPES).flatMap(([access, scopes]) => (access.startsWith('write') ? [] : scopes));
    default:
      return undefined;
  }
}

/** For each kind of Google directory data the granted scopes cannot read, its least-privileged scope. */
export function missingReadScopes(granted: readonly string[]): string[] {
  const have = new Set(granted);
  return Object.entries(ACCESS_SCOPES)
    .filter(([access, scopes]) => !access.startsWith('write') && !scopes.some((scope) => have.has(scope)))
    .map(([, scopes]) => scopes[0]!);
}
