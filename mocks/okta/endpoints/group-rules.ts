/**
 * `GET /api/v1/groups/rules` (REFERENCE §2). Group rules fill dynamic groups; the tenant model has no
 * dynamic groups, so the org has no rules and the listing is empty (a real, paged, empty answer, so a
 * connector that reads rules works). Registered before `/groups/{id}`, whose pattern would take `rules`.
 */
import type { HttpHandler } from 'msw';
import { arraySource } from '../../core/paging/list-source.js';
import type { OktaEnv } from '../env.js';
import { oktaRoute } from '../okta-route.js';
import { pageLimit } from '../paging/limits.js';
import { listing } from '../paging/listing.js';

export function groupRuleEndpoints(env: OktaEnv): HttpHandler[] {
  return [
    oktaRoute(env, { name: 'okta.groupRules.list', method: 'GET', path: '/api/v1/groups/rules' }, (o) =>
      listing(o, { source: arraySource<Record<string, unknown>>([]), limit: pageLimit(o.url, 'okta.groupRules.list') }),
    ),
  ];
}
