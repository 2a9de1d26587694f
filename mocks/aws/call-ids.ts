/**
 * The request id one call is answered with. The body (`ResponseMetadata/RequestId`, an error's
 * `RequestId`) and the `x-amzn-RequestId` header are written at different moments (the action, then the
 * dialect), so both read it from here to agree. Seeded, per provider, so AWS ids do not shift with other
 * providers' traffic.
 */
import type { SimContext } from '../core/context.js';
import type { RouteCall } from '../faults/engine.js';

const memo = new WeakMap<RouteCall, string>();

export function requestId(ctx: SimContext, call: RouteCall): string {
  let id = memo.get(call);
  if (!id) {
    id = ctx.ids.uuid('aws:request');
    memo.set(call, id);
  }
  return id;
}
