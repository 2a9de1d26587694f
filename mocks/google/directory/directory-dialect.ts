/**
 * How the Directory API answers the generic faults (reference B3, B4, G7): `throttle` is a quota error,
 * by default 403 `userRateLimitExceeded` (per-user queries per minute), which googleapis never retries;
 * `reason=quotaExceeded` is the other 403, `reason=rateLimitExceeded` the 429 gaxios does retry. Google
 * sends no Retry-After (gaxios would ignore it anyway); `retry-after=` adds one for clients that read it.
 * `server-error` is `backendError` at the status asked for (500 and 503 are what Google sends).
 */
import type { FaultDialect } from '../../core/route.js';
import { DirectoryFailure, directoryErrorResponse, directoryErrors, QUOTA_REASONS, type QuotaReason } from './errors.js';

export function directoryDialect(): FaultDialect {
  return {
    throttle(_call, params) {
      const reason = (params.reason ?? 'userRateLimitExceeded') as QuotaReason;
      if (!QUOTA_REASONS.includes(reason)) throw new Error(`throttle: unknown reason=${reason} for google (known: ${QUOTA_REASONS.join(', ')})`);
      const response = directoryErrorResponse(directoryErrors.quota(reason));
      if (params['retry-after'] !== undefined) response.headers.set('retry-after', params['retry-after']);
      return response;
    },
    serverError: (_call, status) => directoryErrorResponse(directoryErrors.backend(status)),
    // Google's front end words it so for JSON APIs; the reason is unverified.
    tooLarge: (_call, limit) =>
      directoryErrorResponse(new DirectoryFailure(413, 'badRequest', `Request payload size exceeds the limit: ${limit} bytes.`)),
    headers: () => ({
      vary: 'Origin, X-Origin, Referer',
      server: 'ESF',
      'x-xss-protection': '0',
      'x-frame-options': 'SAMEORIGIN',
      'x-content-type-options': 'nosniff',
      // Real wall-clock time even when the simulation clock is moved.
      date: new Date().toUTCString(),
    }),
  };
}
