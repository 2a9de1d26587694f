/**
 * How Graph pages (reference A2, G5): the answer's `@odata.nextLink` carries an opaque `$skiptoken`, which
 * the client sends back verbatim; `$top` sets the page size, 1 to 999, anything else refused with
 * Request_UnsupportedQuery.
 */
import type { PagingDialect, RefusalAdvice } from '../core/paging/dialect.js';
import { MAX_PAGE_SIZE } from './graph/odata/query-options.js';

export const ENTRA_PAGING: readonly PagingDialect[] = [
  {
    routes: /^graph\..*\.list$/,
    params: 'query',
    token: '$skiptoken',
    size: '$top',
    caps: { '*': MAX_PAGE_SIZE },
    overCap: 'refused',
    more: '@odata.nextLink',
    ignored: /^(\$select|\$expand|\$count)$/i,
  },
];

/** Graph's refusals of a malformed request (reference A2, G4), and what it takes instead. */
export const ENTRA_REFUSALS: readonly RefusalAdvice[] = [
  {
    code: /^Request_UnsupportedQuery$/,
    message: /page size/i,
    param: '$top',
    instead: `$top between 1 and ${MAX_PAGE_SIZE}, then follow @odata.nextLink`,
  },
  {
    code: /^Request_BadRequest$/,
    message: /\$skip/,
    param: '$skip',
    instead: 'Graph does not page by offset: follow @odata.nextLink (its $skiptoken) instead of $skip',
  },
  {
    code: /^Request_UnsupportedQuery$/,
    param: '$filter',
    instead:
      'an advanced query ($search, ne, not, endswith, $orderby with $filter, advanced-only properties) needs the header ConsistencyLevel: eventual together with $count=true',
  },
  {
    code: /^(Request_BadRequest|BadRequest)$/,
    instead: "$select, $expand, $filter and $orderby may name only the resource's own properties (see the resource's page in the Graph reference)",
  },
];
