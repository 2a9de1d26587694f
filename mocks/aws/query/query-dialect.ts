/**
 * How IAM and STS answer the generic faults (reference C3, G9): throttling is HTTP 400 with Code
 * `Throttling` and "Rate exceeded" (never 429), server errors are `ServiceFailure` (500, IAM's documented
 * code) or `ServiceUnavailable` (other 5xx; wording not verified), and every answer carries
 * `x-amzn-RequestId` and the real `Date` (the SDK resets its clock offset from it: reference C4).
 */
import type { SimContext } from '../../core/context.js';
import type { FaultDialect } from '../../core/route.js';
import { requestId } from '../call-ids.js';
import { TEXT_XML, queryErrorBody, type QueryService } from './query-protocol.js';

export function queryDialect(ctx: SimContext, service: QueryService): FaultDialect {
  return {
    throttle(call) {
      return new Response(queryErrorBody(service, 400, 'Throttling', 'Rate exceeded', requestId(ctx, call)), {
        status: 400,
        headers: { 'content-type': TEXT_XML },
      });
    },
    serverError(call, status) {
      const [code, message] =
        status === 500
          ? ['ServiceFailure', 'The request processing has failed because of an unknown error, exception or failure.']
          : ['ServiceUnavailable', 'Service is unable to handle request.'];
      return new Response(queryErrorBody(service, status, code, message, requestId(ctx, call)), { status, headers: { 'content-type': TEXT_XML } });
    },
    // Unverified code and wording: the Query protocol's ErrorResponse with HTTP 413.
    tooLarge(call, limit) {
      const body = queryErrorBody(
        service,
        413,
        'RequestEntityTooLarge',
        `Request body exceeds the maximum size of ${limit} bytes.`,
        requestId(ctx, call),
      );
      return new Response(body, { status: 413, headers: { 'content-type': TEXT_XML } });
    },
    headers(call) {
      return {
        'x-amzn-requestid': requestId(ctx, call),
        // Wall-clock time even when the simulation clock is moved: the SDK sets systemClockOffset from it.
        date: new Date().toUTCString(),
      };
    },
  };
}
