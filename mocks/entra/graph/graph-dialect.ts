/**
 * How Graph answers the generic faults, and the headers every Graph response carries (reference A3):
 * 429 with `Retry-After` and the throttle-scope headers, 5xx `serviceNotAvailable`, request ids, the
 * real `Date`, and the directory's resource-unit cost of the call.
 */
import type { SimContext } from '../../core/context.js';
import type { FaultDialect } from '../../core/route.js';
import type { RouteCall } from '../../faults/engine.js';
import { callIds } from '../call-ids.js';
import type { EntraApp } from '../credentials.js';
import { graphErrorBody } from './errors.js';

const DIAGNOSTIC = JSON.stringify({
  ServerInfo: { DataCenter: 'West US 2', Slice: 'E', Ring: '1', ScaleUnit: '003', RoleInstance: 'MW2PEPF000031A4' },
});

export function graphDialect(ctx: SimContext, app: EntraApp): FaultDialect {
  return {
    throttle(call, params) {
      const retryAfter = params['retry-after'] ?? '2';
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-ms-throttle-scope': `Tenant_Application/${call.method === 'GET' ? 'Read' : 'Write'}/${app.clientId}/${app.tenantId}`,
        'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
      };
      // `retry-after=none`: identity-protection style 429 without the header (reference A3).
      if (retryAfter !== 'none') headers['retry-after'] = retryAfter;
      const body = graphErrorBody(ctx, call, 'TooManyRequests', 'Please retry again later.', {
        code: '429',
        message: 'Please retry after',
        status: '429',
      });
      return new Response(body, { status: 429, headers });
    },
    serverError(call, status) {
      const body = graphErrorBody(ctx, call, 'serviceNotAvailable', 'Service unavailable. Please try again later.');
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    },
    // Graph's error list names 413 "the request size exceeds the maximum limit"; the code's wording is unverified.
    tooLarge(call, limit) {
      const body = graphErrorBody(ctx, call, 'RequestEntityTooLarge', `The request size exceeds the maximum limit of ${limit} bytes.`);
      return new Response(body, { status: 413, headers: { 'content-type': 'application/json' } });
    },
    headers(call) {
      const ids = callIds(ctx, call);
      return {
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
        'x-ms-ags-diagnostic': DIAGNOSTIC,
        'x-ms-resource-unit': String(resourceUnits(call)),
        'strict-transport-security': 'max-age=31536000',
        'cache-control': 'no-cache',
        // Real wall-clock time even when the simulation clock is moved (reference 0, C4).
        date: new Date().toUTCString(),
      };
    },
  };
}

/** Directory throttling cost of one call (reference A3, throttling-limits). */
export function resourceUnits(call: RouteCall): number {
  if (call.method !== 'GET') return 1;
  const base = call.route.endsWith('transitiveMembers.list')
    ? 5
    : call.route.endsWith('members.list')
      ? 3
      : call.route === 'graph.users.list'
        ? 2
        : 1;
  const q = call.url.searchParams;
  const top = q.get('$top');
  const cost = base - (q.has('$select') ? 1 : 0) + (q.has('$expand') ? 1 : 0) - (top !== null && Number(top) < 20 ? 1 : 0);
  return Math.max(1, cost);
}
