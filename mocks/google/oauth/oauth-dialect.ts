/** How the OAuth host answers the generic faults, and the headers every token endpoint answer carries. */
import type { FaultDialect } from '../../core/route.js';
import { oauthErrorResponse, oauthErrors } from './oauth-errors.js';

export function oauthDialect(): FaultDialect {
  return {
    // gtoken asks gaxios to retry the token POST on 429 and 5xx (reference B1), Retry-After or not.
    throttle: () => oauthErrorResponse(oauthErrors.throttled()),
    serverError: (_call, status) => oauthErrorResponse(oauthErrors.transient(status)),
    tooLarge: (_call, limit) => oauthErrorResponse(oauthErrors.tooLarge(limit)),
    headers: () => ({
      'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
      pragma: 'no-cache',
      expires: 'Mon, 01 Jan 1990 00:00:00 GMT',
      vary: 'Origin, X-Origin, Referer',
      server: 'scaffolding on HTTPServer2',
      'x-content-type-options': 'nosniff',
      // Real wall-clock time even when the simulation clock is moved.
      date: new Date().toUTCString(),
    }),
  };
}
