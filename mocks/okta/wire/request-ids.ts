/**
 * Okta's per-request ids, seeded (mocks/core/ids.ts) so two runs' journals compare: `X-Okta-Request-Id`
 * ("always present in every API response", e.g. `reqVy8wsvmBQN27h4soUE3ZEnA` [D CORE]) and the error
 * body's `errorId` (`oae` + 22 characters in the examples; the format is [U]).
 */
import type { IdSource } from '../../core/ids.js';

function alphanumeric(ids: IdSource, kind: string, length: number): string {
  let out = '';
  while (out.length < length) out += ids.token(kind, 43).replace(/[-_]/g, '');
  return out.slice(0, length);
}

export const requestId = (ids: IdSource): string => `req${alphanumeric(ids, 'okta:request', 23)}`;

export const errorId = (ids: IdSource): string => `oae${alphanumeric(ids, 'okta:error', 22)}`;
