/**
 * How the login host answers the generic faults and which headers every STS response carries. Throttling
 * at the token endpoint matters beyond the one call: MSAL caches a throttle entry for any 429/5xx (or a
 * Retry-After) and fails identical token requests locally until it expires (reference A1).
 */
import type { SimContext } from '../../core/context.js';
import type { FaultDialect } from '../../core/route.js';
import type { RouteCall } from '../../faults/engine.js';
import { callIds } from '../call-ids.js';
import { stsErrorResponse } from './sts-error.js';
import { stsErrors } from './sts-errors.js';

export function stsDialect(ctx: SimContext, loginBase: string): FaultDialect {
  const respond = (call: RouteCall, err: ReturnType<typeof stsErrors.throttled>) => {
    const ids = callIds(ctx, call);
    return stsErrorResponse(err, { traceId: ids.requestId, correlationId: stsCorrelationId(ctx, call), at: ctx.clock() }, loginBase);
  };
  return {
    throttle(call, params) {
      const response = respond(call, stsErrors.throttled());
      const retryAfter = params['retry-after'] ?? '2';
      if (retryAfter !== 'none') response.headers.set('Retry-After', retryAfter);
      return response;
    },
    serverError: (call, status) => respond(call, stsErrors.transient(status)),
    tooLarge: (call, limit) => respond(call, stsErrors.tooLarge(limit)),
    headers(call) {
      const ids = callIds(ctx, call);
      return {
        'x-ms-request-id': ids.requestId,
        ...(ids.clientSent ? { 'client-request-id': ids.clientRequestId } : {}),
        'x-ms-ests-server': '2.1.19420.6 - SCUS ProdSlices',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        // Real wall-clock time even when the simulation clock is moved: MSAL and AWS read this header.
        date: new Date().toUTCString(),
      };
    },
  };
}

const correlation = new WeakMap<RouteCall, string>();

/** The client's request id when it sent one (MSAL does), else a fresh one, as eSTS does. */
export function stsCorrelationId(ctx: SimContext, call: RouteCall): string {
  const ids = callIds(ctx, call);
  if (ids.clientSent) return ids.clientRequestId;
  let id = correlation.get(call);
  if (!id) correlation.set(call, (id = ctx.ids.uuid('correlation')));
  return id;
}
