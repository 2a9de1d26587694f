/**
 * Graph's error answers: `{"error":{"code","message","innerError":{date,request-id,client-request-id}}}`
 * served as plain `application/json` (the JS client only parses that exact mime type, and an unparsed
 * error loses its `code`, reference G1). Endpoint code throws {@link GraphFailure}; the route wrapper
 * renders it.
 */
import type { SimContext } from '../../core/context.js';
import type { RouteCall } from '../../faults/engine.js';
import { callIds } from '../call-ids.js';

export class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphFailure';
  }
}

/** Graph's innerError date: UTC, seconds, no zone designator. */
export function graphDate(at: Date): string {
  return at.toISOString().slice(0, 19);
}

export function graphErrorBody(ctx: SimContext, call: RouteCall, code: string, message: string, inner: Record<string, string> = {}): string {
  const ids = callIds(ctx, call);
  return JSON.stringify({
    error: {
      code,
      message,
      innerError: { ...inner, date: graphDate(ctx.clock()), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
    },
  });
}

export function graphErrorResponse(ctx: SimContext, call: RouteCall, failure: GraphFailure): Response {
  return new Response(graphErrorBody(ctx, call, failure.code, failure.message), {
    status: failure.status,
    headers: { 'content-type': 'application/json', ...failure.headers },
  });
}

/** The errors endpoints raise, worded as Graph words them (reference A2/A3). */
export const graphErrors = {
  notFound: (id: string) =>
    new GraphFailure(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  denied: () => new GraphFailure(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  unsupportedQuery: (message: string) => new GraphFailure(400, 'Request_UnsupportedQuery', message),
  badRequest: (message: string) => new GraphFailure(400, 'Request_BadRequest', message),
  odataBadRequest: (message: string) => new GraphFailure(400, 'BadRequest', message),
  expiredPageToken: () =>
    new GraphFailure(400, 'Directory_ExpiredPageToken', 'The specified page token value has expired and can no longer be included in your request.'),
};
