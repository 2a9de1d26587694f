/**
 * Every Graph endpoint goes through {@link graphRoutes}: registered under v1.0 and beta, it validates the
 * bearer token, applies the credential and consent faults, checks the route's permission against the
 * token's roles, runs the endpoint and renders any {@link GraphFailure} as Graph's error answer.
 */
import type { HttpHandler } from 'msw';
import { endpointFaults, stringParams, type EndpointRequest, type EndpointResult } from '../../core/endpoint.js';
import { route, type Method, type RouteResult } from '../../core/route.js';
import type { AccessTokenClaims } from '../auth/access-token.js';
import type { EntraEnv } from '../env.js';
import { authenticate } from './authenticate.js';
import { GraphFailure, graphErrorResponse, graphErrors } from './errors.js';
import { Grants, parseMissing } from './permissions.js';
import { GRAPH_ROUTE_ACCESS, type GraphRouteName } from './route-access.js';

type GraphVersion = 'v1.0' | 'beta';

export interface GraphRequest extends EndpointRequest<EntraEnv> {
  version: GraphVersion;
  claims: AccessTokenClaims;
  /** The token's roles, less what a partial-consent fault removed. */
  grants: Grants;
}

export type GraphResult = EndpointResult;

/** The route's access is its entry in GRAPH_ROUTE_ACCESS. */
export interface GraphRouteSpec {
  name: GraphRouteName;
  method: Method;
  /** Path under the version, e.g. `/groups/:id/members`. */
  path: string;
  versions?: readonly GraphVersion[];
}

export function graphRoutes(env: EntraEnv, spec: GraphRouteSpec, handle: (g: GraphRequest) => Promise<GraphResult> | GraphResult): HttpHandler[] {
  const access = GRAPH_ROUTE_ACCESS[spec.name];
  return (spec.versions ?? ['v1.0', 'beta']).map((version) =>
    route(
      env.graph,
      { name: spec.name, method: spec.method, url: `${env.bases.graph}/${version}${spec.path}` },
      async ({ request, params, call }): Promise<RouteResult> => {
        const { fault, done } = endpointFaults(env.ctx.faults, call);
        try {
          if (fault(['expired-secret'])) env.secret.expire(env.ctx.clock());
          const claims = await authenticate(env, request);
          let grants = new Grants(claims.roles ?? []);
          const consent = fault(['partial-consent']);
          if (consent) grants = grants.without(parseMissing(consent.spec.params.missing));
          if (!grants.allows(access)) throw graphErrors.denied();
          if (access === 'write-members' && !env.writeBack) throw graphErrors.denied();
          const out = await handle({ env, request, call, url: call.url, params: stringParams(params), version, claims, grants, fault });
          return out instanceof Response ? done(out) : done(out.response, { items: out.items, page: out.page });
        } catch (error) {
          if (error instanceof GraphFailure)
            return done(graphErrorResponse(env.ctx, call, error), { refusal: { code: error.code, message: error.message } });
          throw error;
        }
      },
    ),
  );
}
