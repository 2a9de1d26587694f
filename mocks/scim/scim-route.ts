/**
 * Every SCIM endpoint goes through {@link scimRoute}: it applies the credential faults, checks the bearer
 * token, runs the endpoint and renders any {@link ScimFailure} as a SCIM error, noting for the journal
 * which endpoint-applied faults (credential, bad-pagination) fired.
 */
import type { HttpHandler } from 'msw';
import { endpointFaults, stringParams, type EndpointRequest, type EndpointResult } from '../core/endpoint.js';
import { route, type Method, type RouteResult } from '../core/route.js';
import { authenticate } from './authenticate.js';
import type { ScimEnv } from './env.js';
import { ScimFailure, scimErrorResponse } from './wire/errors.js';

export type ScimRequest = EndpointRequest<ScimEnv>;

export type ScimResult = EndpointResult;

export interface ScimRouteSpec {
  /** Journal and fault-targeting name, e.g. `scim.users.list`. */
  name: string;
  method: Method;
  /** Path under the SCIM root, e.g. `/Users/:id`. */
  path: string;
}

export function scimRoute(env: ScimEnv, spec: ScimRouteSpec, handle: (s: ScimRequest) => Promise<ScimResult> | ScimResult): HttpHandler {
  return route(
    env.runtime,
    { name: spec.name, method: spec.method, url: `${env.root}${spec.path}` },
    async ({ request, params, call }): Promise<RouteResult> => {
      const { fault, done } = endpointFaults(env.ctx.faults, call);
      try {
        const lost = fault(['expired-secret', 'revoked-credential']);
        if (lost) env.credential.lose(lost.spec.kind === 'expired-secret' ? 'expired' : 'revoked', env.ctx.clock());
        authenticate(env, request);
        const out = await handle({ env, request, call, url: call.url, params: stringParams(params), fault });
        return out instanceof Response ? done(out) : done(out.response, { items: out.items, page: out.page });
      } catch (error) {
        if (error instanceof ScimFailure)
          return done(scimErrorResponse(error), { refusal: { code: error.scimType ?? String(error.status), message: error.detail } });
        throw error;
      }
    },
  );
}
