/**
 * The ids one request is answered with. The body (innerError, AADSTS tail) and the headers are written
 * at different moments (the endpoint, then the dialect), so both read them from here to agree.
 */
import type { SimContext } from '../core/context.js';
import type { RouteCall } from '../faults/engine.js';

export interface CallIds {
  /** Graph `request-id`; STS `x-ms-request-id`, the "Trace ID". */
  requestId: string;
  /** The client's own id (header or MSAL's `client-request-id` query parameter), echoed back. */
  clientRequestId: string;
  /** Whether the client sent one; Graph repeats the request id when it did not. */
  clientSent: boolean;
}

const memo = new WeakMap<RouteCall, CallIds>();

export function callIds(ctx: SimContext, call: RouteCall): CallIds {
  let ids = memo.get(call);
  if (!ids) {
    const requestId = ctx.ids.uuid('request');
    const sent = call.headers?.get('client-request-id') || call.url.searchParams.get('client-request-id') || undefined;
    ids = { requestId, clientRequestId: sent ?? requestId, clientSent: sent !== undefined };
    memo.set(call, ids);
  }
  return ids;
}
