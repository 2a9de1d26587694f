/**
 * How Okta pages (REFERENCE §5): `Link: <…>; rel="next"` while more follows, its opaque cursor sent back as
 * `after`; `limit` above a listing's maximum is served at the maximum [U] (paging/limits.ts).
 */
import type { PagingDialect, RefusalAdvice } from '../core/paging/dialect.js';
import { PAGE_LIMITS } from './paging/limits.js';

export const OKTA_PAGING: readonly PagingDialect[] = [
  {
    routes: /^okta\.(users|groups|members|groupRules|apps|appUsers|appGroups|roleAssignees)\.list$/,
    params: 'query',
    token: 'after',
    size: 'limit',
    caps: Object.fromEntries(Object.entries(PAGE_LIMITS).map(([route, limits]) => [route, limits.max])),
    overCap: 'served-at-cap',
    more: 'Link header rel="next"',
    ignored: /^(expand|fields|sortBy|sortOrder)$/i,
  },
];

/** Okta's refusals of a malformed request (REFERENCE §6), and what it takes instead. */
export const OKTA_REFUSALS: readonly RefusalAdvice[] = [
  {
    code: /^E0000029$/,
    param: 'after',
    instead: 'follow the Link rel="next" URL as given (or send back exactly its after value with the same other parameters)',
  },
  {
    code: /^E0000031$/,
    instead:
      'a filter on the attributes the endpoint documents (users: status, lastUpdated, id, profile.login/email/firstName/lastName; ' +
      'eq only, lastUpdated also gt/ge/lt/le), or search for everything else',
  },
  { code: /^E0000033$/, instead: 'either search or filter, not both in one request' },
  { code: /^E0000001$/, message: /limit/i, param: 'limit', instead: 'limit as a whole number from 1 (users up to 200, group members up to 1000)' },
  { code: /^E00000\d\d$/, instead: 'only the parameters and values the Okta Management API documents for the endpoint' },
];
