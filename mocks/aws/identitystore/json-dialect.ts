/**
 * How Identity Store answers the generic faults. Throttling is `ThrottlingException` with HTTP 400 by
 * default (`status=429` to change it): SDK v3 retries it as throttling by its name (and its
 * `$retryable.throttling` trait) whatever the status, so both work; which one the service sends is not
 * verified. `retry-after=<s>` adds `RetryAfterSeconds` and the `Retry-After` header the model binds it to.
 * Server errors are `InternalServerException`. Every answer carries `x-amzn-RequestId` and the real `Date`.
 */
import type { SimContext } from '../../core/context.js';
import type { FaultDialect } from '../../core/route.js';
import { requestId } from '../call-ids.js';
import { AMZ_JSON, jsonErrorBody } from './json-protocol.js';

export function identityStoreDialect(ctx: SimContext): FaultDialect {
  return {
    throttle(call, params) {
      const status = Number(params.status ?? 400);
      const retryAfter = params['retry-after'];
      const fields = retryAfter !== undefined ? { RetryAfterSeconds: Number(retryAfter) } : {};
      const headers: Record<string, string> = { 'content-type': AMZ_JSON, 'x-amzn-errortype': 'ThrottlingException' };
      if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
      return new Response(jsonErrorBody('ThrottlingException', 'Rate exceeded', requestId(ctx, call), fields), { status, headers });
    },
    serverError(call, status) {
      return new Response(jsonErrorBody('InternalServerException', 'An internal error occurred. Try again later.', requestId(ctx, call)), {
        status,
        headers: { 'content-type': AMZ_JSON, 'x-amzn-errortype': 'InternalServerException' },
      });
    },
    // Unverified code and wording: the JSON protocol's error with HTTP 413.
    tooLarge(call, limit) {
      return new Response(
        jsonErrorBody('RequestEntityTooLargeException', `Request body exceeds the maximum size of ${limit} bytes.`, requestId(ctx, call)),
        {
          status: 413,
          headers: { 'content-type': AMZ_JSON, 'x-amzn-errortype': 'RequestEntityTooLargeException' },
        },
      );
    },
    headers(call) {
      return { 'x-amzn-requestid': requestId(ctx, call), date: new Date().toUTCString() };
    },
  };
}
