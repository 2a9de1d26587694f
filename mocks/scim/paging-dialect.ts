/**
 * How SCIM pages (RFC 7644 §3.4.2.4): the client computes the next 1-based `startIndex` itself from the
 * items it got, and there is more while `totalResults` exceeds `startIndex + itemsPerPage - 1`. `count`
 * above the server's maximum is not refused: the server serves its maximum.
 */
import type { PagingDialect, RefusalAdvice } from '../core/paging/dialect.js';
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

/** SCIM refusals of a malformed request (RFC 7644 §3.12 scimType), and what the server takes instead. */
export const SCIM_REFUSALS: readonly RefusalAdvice[] = [
  {
    code: /^invalidFilter$/,
    param: 'filter',
    instead:
      'a filter on attributes /Schemas lists, with operators that suit their type (RFC 7644 §3.4.2.2): strings take eq, co, sw, ew; dateTimes an RFC 3339 value',
  },
  { code: /^invalidValue$/, instead: 'startIndex and count as integers (startIndex from 1), and values of the types /Schemas gives' },
  { code: /^invalidSyntax$/, instead: 'a request body and query that follow RFC 7644' },
];
