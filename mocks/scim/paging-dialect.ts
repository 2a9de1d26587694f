/**
 * How SCIM pages (RFC 7644 §3.4.2.4): the client computes the next 1-based `startIndex` itself from the
 * items it got, and there is more while `totalResults` exceeds `startIndex + itemsPerPage - 1`. `count`
 * above the server's maximum is not refused: the server serves its maximum.
 */
import type { PagingDialect } from '../core/paging/dialect.js';
import { MAX_COUNT } from './query/paging.js';

export const SCIM_PAGING: readonly PagingDialect[] = [
  {
    routes: /^scim\.(users|groups)\.list$/,
    params: 'query',
    offset: 'startIndex',
    size: 'count',
    caps: { '*': MAX_COUNT },
    overCap: 'served-at-cap',
    more: 'totalResults beyond startIndex + itemsPerPage - 1',
    ignored: /^(attributes|excludedAttributes)$/i,
  },
];
