/**
 * How the Directory API pages (reference B2): `nextPageToken` in the answer while more follows, sent back
 * as `pageToken`; `maxResults` per method, refused (400 invalid) above the method's cap. The endpoints
 * read their caps and defaults from here.
 */
import type { PagingDialect, RefusalAdvice } from '../core/paging/dialect.js';

/** `maxResults` per listing: the largest the method allows, and what it serves when none is given. */
export const GOOGLE_PAGE_LIMITS = {
  'google.users.list': { max: 500, fallback: 100 },
  'google.groups.list': { max: 200, fallback: 200 },
  'google.members.list': { max: 200, fallback: 200 },
  'google.roles.list': { max: 100, fallback: 100 },
  'google.roleAssignments.list': { max: 200, fallback: 100 },
} as const;

export const GOOGLE_PAGING: readonly PagingDialect[] = [
  {
    routes: /^google\..*\.list$/,
    params: 'query',
    token: 'pageToken',
    size: 'maxResults',
    caps: Object.fromEntries(Object.entries(GOOGLE_PAGE_LIMITS).map(([route, limits]) => [route, limits.max])),
    overCap: 'refused',
    more: 'nextPageToken',
    ignored: /^(fields|projection|viewType|prettyPrint|alt)$/i,
  },
];

/** The Directory API's refusals of a malformed request (reference B3), and what it takes instead. */
export const GOOGLE_REFUSALS: readonly RefusalAdvice[] = [
  {
    code: /^(invalid|badRequest)$/,
    message: /maxResults|range/i,
    param: 'maxResults',
    instead: "maxResults within the method's range (users 1-500, groups and members 1-200), then follow nextPageToken",
  },
  {
    code: /^(invalid|badRequest|invalidInput)$/,
    message: /pageToken/i,
    param: 'pageToken',
    instead: 'send back exactly the nextPageToken the last answer gave, with the same other parameters',
  },
  {
    code: /^(invalid|badRequest|invalidInput)$/,
    instead: 'only the parameters and values the method documents (customer=my_customer or a domain, query in the Directory API search syntax)',
  },
];
