/**
 * How Okta answers the generic faults (REFERENCE §6, §7): `throttle` is 429 E0000047 with the bucket's
 * `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining: 0` and `X-Rate-Limit-Reset` in UTC epoch seconds by the
 * simulation clock, and never a Retry-After (Okta sends none; `retry-after=<s>` only moves the reset, `none`
 * leaves the reset out). `reason=concurrent` is the concurrent-limit variant: Limit and Remaining are always
 * 0 there [D RL-BP] and the reset is only an estimate; its summary takes the System Log's words for the event,
 * "Too many concurrent requests in flight" [D release notes 2017-40] (the wire summary is [U]). `server-error`
 * is E0000009, or E0000010 (read-only mode) for 503. Every answer carries `Date` (the Node SDK computes its
 * 429 wait from it), `X-Okta-Request-Id` and the bucket's rate-limit headers.
 */
import type { SimContext } from '../../core/context.js';
import type { FaultDialect } from '../../core/route.js';
import { OktaFailure, oktaErrorResponse, oktaErrors } from './errors.js';
import { rateHeaders, RateLimits } from './rate-limits.js';
import { errorId, requestId } from './request-ids.js';
import { THROTTLE_REASONS } from './throttle-reasons.js';

export function oktaDialect(ctx: SimContext, rates = new RateLimits(ctx.clock)): FaultDialect {
  return {
    throttle(call, params) {
      const reason = params.reason ?? 'org';
      if (!(THROTTLE_REASONS as readonly string[]).includes(reason))
        throw new Error(`throttle: reason=${reason} does not apply to okta (known: ${THROTTLE_REASONS.join(', ')})`);
      const wait = params['retry-after'];
      const report = rates.exhausted(call.url.pathname, wait === undefined || wait === 'none' ? undefined : Number(wait));
      const headers = reason === 'concurrent' ? rateHeaders({ limit: 0, remaining: 0, reset: report.reset }) : rateHeaders(report);
      if (wait === 'none') delete headers['x-rate-limit-reset'];
      const failure = oktaErrors.rateLimited(headers);
      const concurrent = new OktaFailure(429, failure.code, 'Too many concurrent requests in flight', [], headers);
      return oktaErrorResponse(reason === 'concurrent' ? concurrent : failure, errorId(ctx.ids));
    },
    serverError: (_call, status) => oktaErrorResponse(status === 503 ? oktaErrors.readOnly() : oktaErrors.internal(status), errorId(ctx.ids)),
    tooLarge: (_call, limit) => oktaErrorResponse(oktaErrors.tooLarge(limit), errorId(ctx.ids)),
    // A 429 asks the client to wait until X-Rate-Limit-Reset; the doctor reads that as its Retry-After.
    waitSeconds(response, now) {
      const reset = response.headers.get('x-rate-limit-reset');
      return reset !== null && /^\d+$/.test(reset) ? Math.max(0, Number(reset) - Math.floor(now.getTime() / 1000)) : undefined;
    },
    headers: (call) => ({
      // The simulation clock, unlike the other providers: the Node SDK waits `Reset - Date`, so both must
      // come from the same clock or a moved clock makes it retry at once or never.
      date: ctx.clock().toUTCString(),
      'x-okta-request-id': requestId(ctx.ids),
      ...rateHeaders(rates.take(call.url.pathname)),
      'strict-transport-security': 'max-age=315360000; includeSubDomains',
      'x-content-type-options': 'nosniff',
    }),
  };
}
