/**
 * How AWS pages, per service (reference C1, C4). IAM: `IsTruncated` with the next `Marker` (pages may be
 * short and still truncated, so a short page is no sign of the end), `MaxItems` 1 to 1000. Identity Store:
 * `NextToken` while more follows, `MaxResults` 1 to 100. Both refuse a size outside those bounds with a
 * validation error, and both carry their parameters in the request body.
 */
import type { PagingDialect, RefusalAdvice } from '../core/paging/dialect.js';
import { MAX_MAX_ITEMS, MAX_RESULTS } from './paging/page-limits.js';

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

/** IAM's and Identity Store's refusals of a malformed request, and what they take instead. */
export const AWS_REFUSALS: readonly RefusalAdvice[] = [
  {
    code: /^ValidationError$/,
    message: /maxItems/i,
    param: 'MaxItems',
    instead: `MaxItems between 1 and ${MAX_MAX_ITEMS}, then send the answer's Marker while IsTruncated is true`,
  },
  {
    code: /^ValidationException$/,
    message: /maxResults/i,
    param: 'MaxResults',
    instead: `MaxResults between 1 and ${MAX_RESULTS}, then send the answer's NextToken while there is one`,
  },
  {
    code: /^ValidationError$/,
    message: /marker/i,
    param: 'Marker',
    instead: 'send back exactly the Marker the last answer gave, for the same listing',
  },
  {
    code: /^ValidationException$/,
    message: /token/i,
    param: 'NextToken',
    instead: 'send back exactly the NextToken the last answer gave, for the same listing',
  },
  {
    code: /^(ValidationError|ValidationException)$/,
    instead: "only the parameters the action's API reference lists, within their documented constraints",
  },
];
