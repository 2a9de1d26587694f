/**
 * Every SCIM endpoint goes through {@link scimRoute}: it applies the credential faults, checks the bearer
 * token, runs the endpoint and renders any {@link ScimFailure} as a SCIM error, noting for the journal
 * which endpoint-applied faults (credential, bad-pagination) fired.
 */
import type { HttpHandler } from 'msw';
import { route, type Method, type RouteResult } from '../core/route.js';
import type { FaultHit, RouteCall } from '../faults/engine.js';
import type { FaultKind } from '../faults/spec.js';
import { authenticate } from './authenticate.js';
import type { ScimEnv } from './env.js';
import { ScimFailure, scimErrorResponse } from './wire/errors.js';

export interface ScimRequest {
  env: ScimEnv;
  request: Request;
  call: RouteCall;
  url: URL;
  params: Record<string, string>;
  /** Consults the fault engine for this call; a hit is noted for the journal. */
  fault(kinds: readonly FaultKind[]): FaultHit | undefined;
}

export type ScimResult = Response | { response: Response; items?: number };

export interface ScimRouteSpec {
  /** Journal and fault-targeting name, e.g. `scim.users.list`. */
  name: string;
  method: Method;
  /** Path under the SCIM root, e.g. `/Users/:id`. */
  path: string;
}

export function scimRoute(env: ScimEnv, spec: ScimRouteSpec, handle: (s: ScimRequest) => Promise<ScimResult> | ScimResult): HttpHandler {
  return route(env.runtime, { name: spec.name, method: spec.method, url: `${env.root}${spec.path}` }, async ({ request, params, call }): Promise<RouteResult> => {
    const fired: string[] = [];
    const fault = (kinds: readonly FaultKind[]) => {
      const hit = env.ctx.faults.check(call, kinds);
      if (hit) fired.push(hit.spec.text);
      return hit;
    };
    const done = (response: Response, items?: number): RouteResult => ({ response, items, ...(fired.length ? { fault: fired.join('; ') } : {}) });
    try {
      const lost = fault(['expired-secret', 'revoked-credential']);
      if (lost) env.credential.lose(lost.spec.kind === 'expired-secret' ? 'expired' : 'revoked', env.ctx.clock());
      authenticate(env, request);
      const out = await handle({ env, request, call, url: call.url, params: stringParams(params), fault });
      return out instanceof Response ? done(out) : done(out.response, out.items);
    } catch (error) {
      if (error instanceof ScimFailure) return done(scimErrorResponse(error));
      throw error;
    }
  });
}

function stringParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = typeof v === 'string' ? v : v.join('/');
  return out;
}
