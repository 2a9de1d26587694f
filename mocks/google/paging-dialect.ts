/**
 * How the Directory API pages (reference B2): `nextPageToken` in the answer while more follows, sent back
 * as `pageToken`; `maxResults` per method, refused (400 invalid) above the method's cap. The endpoints
 * read their caps and defaults from here.
 */
import type { PagingDialect } from '../core/paging/dialect.js';

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
