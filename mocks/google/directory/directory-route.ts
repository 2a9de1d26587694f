/**
 * Every Directory API endpoint goes through {@link directoryRoute}: the bearer token must be one the token
 * endpoint issued and alive by the simulation clock (401 `authError`), carry a scope the method accepts
 * (403 `insufficientPermissions`), and act for an admin (403 `forbidden`: no DWD subject, a subject with
 * no admin role, or the `not-admin` fault); writes also need the simulator's `writeBack`. Then the
 * endpoint runs, and any {@link DirectoryFailure} it throws is rendered as the API's error answer.
 *
 * `partial-consent` (`missing=<scope>`) here removes scopes from the token for the calls it fires on,
 * as if the delegation grant had shrunk under a token that was issued before.
 */
import type { HttpHandler } from 'msw';
import { endpointFaults, stringParams, type EndpointRequest, type EndpointResult } from '../../core/endpoint.js';
import { route, type Method, type RouteResult } from '../../core/route.js';
import type { TenantUser } from '../../tenant/model.js';
import type { GoogleEnv } from '../env.js';
import type { IssuedToken } from '../oauth/token-store.js';
import { allows, parseMissing } from '../scopes.js';
import { DIRECTORY_JSON, DirectoryFailure, directoryErrorResponse, directoryErrors } from './errors.js';
import { userByKey } from './lookup.js';
import { DIRECTORY_ROUTE_ACCESS, type DirectoryRouteName } from './route-access.js';

const DIRECTORY_PATH = '/admin/directory/v1';

export interface DirectoryRequest extends EndpointRequest<GoogleEnv> {
  /** The token's grant, less what a partial-consent fault removed. */
  grant: IssuedToken;
  /** The admin the token acts for. */
  subject: TenantUser;
  /** Seconds since the epoch, simulation clock. */
  now: number;
}

export type DirectoryResult = EndpointResult;

/** The route's access is its entry in DIRECTORY_ROUTE_ACCESS. */
export interface DirectoryRouteSpec {
  name: DirectoryRouteName;
  method: Method;
  /** Path under `/admin/directory/v1`, e.g. `/groups/:groupKey/members`. */
  path: string;
  /** The RPC name Google reports in ErrorInfo metadata, e.g. `ccc.hosted.frontend.directory.v1.DirectoryUsers.List`. */
  rpc: string;
}

export function directoryRoute(
  env: GoogleEnv,
  spec: DirectoryRouteSpec,
  handle: (d: DirectoryRequest) => Promise<DirectoryResult> | DirectoryResult,
): HttpHandler {
  const access = DIRECTORY_ROUTE_ACCESS[spec.name];
  const url = `${env.bases.admin}${DIRECTORY_PATH}${spec.path}`;
  return route(env.directory, { name: spec.name, method: spec.method, url }, async ({ request, params, call }): Promise<RouteResult> => {
    const { fault, done } = endpointFaults(env.ctx.faults, call);
    try {
      let grant = authenticate(env, request, call.url);
      const consent = fault(['partial-consent']);
      if (consent) {
        const missing = new Set(parseMissing(consent.spec.params.missing));
        grant = { ...grant, scopes: grant.scopes.filter((scope) => !missing.has(scope)) };
      }
      if (!allows(grant.scopes, access)) throw directoryErrors.insufficientScopes(spec.rpc);
      // Without a subject the token is the service account's own, and a service account is no Workspace admin.
      const subject = grant.subject === undefined ? undefined : userByKey(env.ctx.tenant, grant.subject);
      if (!subject || !env.admins.isAdmin(subject)) throw directoryErrors.forbidden();
      if (fault(['not-admin'])) throw directoryErrors.forbidden();
      if (access === 'write-members' && !env.writeBack) throw directoryErrors.forbidden();
      const now = Math.floor(env.ctx.clock().getTime() / 1000);
      const out = await handle({ env, request, call, url: call.url, params: stringParams(params), grant, subject, fault, now });
      return out instanceof Response ? done(out) : done(out.response, { items: out.items, page: out.page });
    } catch (error) {
      if (error instanceof DirectoryFailure) return done(directoryErrorResponse(error), { refusal: { code: error.reason, message: error.message } });
      throw error;
    }
  });
}

/** `Authorization: Bearer <token>`, or the `access_token` query parameter Google also accepts. */
function authenticate(env: GoogleEnv, request: Request, url: URL): IssuedToken {
  const header = request.headers.get('authorization') ?? '';
  const token = header.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? url.searchParams.get('access_token') ?? '';
  const found = token ? env.tokens.find(token) : undefined;
  if (!found || found === 'expired') throw directoryErrors.authError();
  return found;
}

/** Google pretty-prints JSON unless asked not to (`prettyPrint=false`). */
export function directoryJson(d: Pick<DirectoryRequest, 'url'>, body: unknown, status = 200): Response {
  const compact = d.url.searchParams.get('prettyPrint') === 'false';
  return new Response(compact ? JSON.stringify(body) : JSON.stringify(body, null, 2), { status, headers: { 'content-type': DIRECTORY_JSON } });
}
