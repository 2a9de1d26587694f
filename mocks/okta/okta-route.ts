/**
 * Every `/api/v1` endpoint goes through {@link oktaRoute}: the credential faults, the caller
 * (auth/authenticate.ts), the route's least-privileged scope (scopes.ts): an OAuth token must carry it, and an
 * SSWS token's admin must have it in the simulator's granted set, which stands for the admin role that made
 * the token (403 E0000006 otherwise). `partial-consent` `missing=<scope>` removes scopes from the caller for
 * the calls it fires on, and `not-admin` refuses every caller with E0000006,
 * then the endpoint, and any {@link OktaFailure} it throws rendered as Okta's error answer.
 */
import type { HttpHandler } from 'msw';
import { endpointFaults, stringParams, type EndpointRequest, type EndpointResult } from '../core/endpoint.js';
import { route, type Method, type RouteResult } from '../core/route.js';
import { authenticate, insufficientScope, invalidAccessToken, type Caller } from './auth/authenticate.js';
import type { OktaEnv } from './env.js';
import { allows, parseMissing, ROUTE_SCOPES, type OktaRouteName } from './scopes.js';
import { OktaFailure, OKTA_JSON, oktaErrorResponse, oktaErrors } from './wire/errors.js';
import { errorId } from './wire/request-ids.js';

export interface OktaRequest extends EndpointRequest<OktaEnv> {
  caller: Caller;
}

export interface OktaRouteSpec {
  name: OktaRouteName;
  method: Method;
  /** Path under the org, e.g. `/api/v1/groups/:groupId/users`. */
  path: string;
}

export function oktaRoute(env: OktaEnv, spec: OktaRouteSpec, handle: (o: OktaRequest) => Promise<EndpointResult> | EndpointResult): HttpHandler {
  const needed = ROUTE_SCOPES[spec.name];
  return route(
    env.runtime,
    { name: spec.name, method: spec.method, url: `${env.orgUrl}${spec.path}` },
    async ({ request, params, call }): Promise<RouteResult> => {
      const { fault, done } = endpointFaults(env.ctx.faults, call);
      try {
        const lost = fault(['expired-secret', 'revoked-credential']);
        const scheme = (request.headers.get('authorization') ?? '').split(/\s/)[0]!.toUpperCase();
        if (lost && scheme === 'SSWS') env.credential.sswsLost ??= lost.spec.kind === 'expired-secret' ? 'expired' : 'revoked';
        let caller = await authenticate(env, request);
        if (lost && caller.kind === 'oauth') {
          if (lost.spec.kind === 'revoked-credential') env.credential.keyRevoked = true;
          env.tokens.end(lost.spec.kind === 'expired-secret' ? 'expired' : 'revoked', lost.spec.kind === 'expired-secret' ? caller.token : undefined);
          throw invalidAccessToken(env, caller.scheme);
        }
        const consent = fault(['partial-consent']);
        const missing = new Set(consent ? parseMissing(consent.spec.params.missing) : []);
        if (caller.kind === 'oauth') {
          caller = { ...caller, scopes: caller.scopes.filter((s) => !missing.has(s)) };
          if (!allows(caller.scopes, needed)) throw insufficientScope(env, caller.scheme, needed, call.url.pathname);
        } else if (
          !allows(
            env.granted.filter((s) => !missing.has(s)),
            needed,
          )
        ) {
          // An SSWS token reads what its admin's role covers: the granted set stands for that role.
          throw oktaErrors.forbidden();
        }
        if (fault(['not-admin'])) throw oktaErrors.forbidden();
        const out = await handle({ env, request, call, url: call.url, params: stringParams(params), fault, caller });
        return out instanceof Response ? done(out) : done(out.response, { items: out.items, page: out.page });
      } catch (error) {
        if (error instanceof OktaFailure)
          return done(oktaErrorResponse(error, errorId(env.ctx.ids)), { refusal: { code: error.code, message: error.summary } });
        throw error;
      }
    },
  );
}

export function oktaJson(body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': OKTA_JSON, ...headers } });
}
