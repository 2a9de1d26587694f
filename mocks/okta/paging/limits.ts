/**
 * `limit` per listing (REFERENCE §1, §2, §4, §12): the default when none is given and the largest served.
 * Okta documents no refusal of a larger limit and baton-okta asks for 1000 everywhere, so a larger one is
 * served at the maximum [U]. Sourced: users 200/200 [D], group members 1000/1000 [I okta-developer-docs#368],
 * app users 50/500 [D RL-BP]. [U]: groups (spec default 10000, "200 for most orgs"; 200 by default, up to
 * 10000), apps and app groups (legacy default 20; up to 200), group rules (50; up to 200), users with roles
 * (100 per a baton-okta comment; up to 100).
 */
import type { OktaRouteName } from '../scopes.js';
import { oktaErrors } from '../wire/errors.js';

export const PAGE_LIMITS = {
  'okta.users.list': { fallback: 200, max: 200 },
  'okta.groups.list': { fallback: 200, max: 10_000 },
  'okta.members.list': { fallback: 1000, max: 1000 },
  'okta.groupRules.list': { fallback: 50, max: 200 },
  'okta.apps.list': { fallback: 20, max: 200 },
  'okta.appUsers.list': { fallback: 50, max: 500 },
  'okta.appGroups.list': { fallback: 20, max: 200 },
  'okta.roleAssignees.list': { fallback: 100, max: 100 },
} as const satisfies Partial<Record<OktaRouteName, { fallback: number; max: number }>>;

export type PagedRoute = keyof typeof PAGE_LIMITS;

/**
 * The page size for a request: `limit` clamped to the maximum, the default without one. A limit that is
 * not a whole number, or below 1, is refused as a validation error ([U]: Okta's answer is not documented).
 */
export function pageLimit(url: URL, route: PagedRoute, fallback: number = PAGE_LIMITS[route].fallback): number {
  const raw = url.searchParams.get('limit');
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < 1)
    throw oktaErrors.validation(`limit: The value must be a whole number of at least 1, not '${raw}'.`);
  return Math.min(Number(raw), PAGE_LIMITS[route].max);
}
