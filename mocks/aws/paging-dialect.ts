/**
 * How AWS pages, per service (reference C1, C4). IAM: `IsTruncated` with the next `Marker` (pages may be
 * short and still truncated, so a short page is no sign of the end), `MaxItems` 1 to 1000. Identity Store:
 * `NextToken` while more follows, `MaxResults` 1 to 100. Both refuse a size outside those bounds with a
 * validation error, and both carry their parameters in the request body.
 */
import type { PagingDialect } from '../core/paging/dialect.js';
import { MAX_MAX_ITEMS } from './iam/list-page.js';
import { MAX_RESULTS } from './identitystore/list-page.js';

export const AWS_PAGING: readonly PagingDialect[] = [
  {
    routes: /^iam\.(List|GetGroup$)/,
    params: 'body',
    token: 'Marker',
    size: 'MaxItems',
    caps: { '*': MAX_MAX_ITEMS },
    overCap: 'refused',
    more: 'IsTruncated=true with a Marker',
  },
  {
    routes: /^identitystore\.List/,
    params: 'body',
    token: 'NextToken',
    size: 'MaxResults',
    caps: { '*': MAX_RESULTS },
    overCap: 'refused',
    more: 'NextToken',
  },
];
