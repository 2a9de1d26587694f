/**
 * How Graph pages (reference A2, G5): the answer's `@odata.nextLink` carries an opaque `$skiptoken`, which
 * the client sends back verbatim; `$top` sets the page size, 1 to 999, anything else refused with
 * Request_UnsupportedQuery.
 */
import type { PagingDialect } from '../core/paging/dialect.js';
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
