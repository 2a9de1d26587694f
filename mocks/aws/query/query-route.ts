/**
 * Every IAM and STS action goes through {@link queryAction}: the request's form parameters read, the
 * API version checked, SigV4 verified, the action authorized against its resource, then the action run
 * and its result (or any {@link AwsFailure}) written as Query XML. Each action is its own route
 * (`iam.ListUsers`, `sts.AssumeRole`) for the journal and fault targeting; the dispatcher picks it.
 */
import type { HttpHandler } from 'msw';
import { endpointFaults, type FaultProbe } from '../../core/endpoint.js';
import type { PageFacts } from '../../core/journal.js';
import { route, type RouteResult } from '../../core/route.js';
import type { RouteCall } from '../../faults/engine.js';
import { authFailure } from '../auth/auth-errors.js';
import { AuthFailure } from '../auth/authenticate.js';
import { authenticateCall, denial } from '../auth/call-auth.js';
import type { AccessKey } from '../auth/key-store.js';
import type { Principal } from '../auth/principal.js';
import { requestId } from '../call-ids.js';
import type { AwsEnv } from '../env.js';
import { AwsFailure } from '../failure.js';
import { QUERY_VERSION, queryErrorResponse, queryParams, queryResponse, type QueryService } from './query-protocol.js';
import type { Xml } from './xml.js';

export interface QueryRequest {
  env: AwsEnv;
  call: RouteCall;
  params: URLSearchParams;
  key: AccessKey;
  principal: Principal;
  fault: FaultProbe;
}

export interface QueryResult {
  /** Children of `<ActionResult>`; absent for actions that answer with ResponseMetadata only. */
  result?: Array<Xml | undefined>;
  /** Items in a list page, for the journal. */
  items?: number;
  page?: PageFacts;
}

export interface QueryActionSpec {
  service: QueryService;
  action: string;
  /** The resource IAM authorizes the action on; absent for actions anyone may call (GetCallerIdentity). */
  resource?(params: URLSearchParams, principal: Principal): string;
  write?: boolean;
}

export interface RoutedAction {
  action: string;
  handler: HttpHandler;
}

export function queryAction(
  env: AwsEnv,
  base: string,
  spec: QueryActionSpec,
  handle: (q: QueryRequest) => Promise<QueryResult> | QueryResult,
): RoutedAction {
  const { service, action } = spec;
  const handler = route(
    env.runtimes[service],
    { name: `${service}.${action}`, method: 'POST', url: `${base}/` },
    async ({ request, call }): Promise<RouteResult> => {
      const { fault, done } = endpointFaults(env.ctx.faults, call);
      // A refused listing keeps what it asked, so the doctor can name the page size or marker it refused.
      let asked: Record<string, string> | undefined;
      const fail = (failure: AwsFailure) =>
        done(queryErrorResponse(service, failure, requestId(env.ctx, call)), {
          refusal: { code: failure.code, message: failure.message },
          ...(asked ? { page: { asked } } : {}),
        });
      try {
        const body = await request.text();
        const params = queryParams(call.url, body);
        if (/^(List|GetGroup$)/.test(action)) asked = listingParams(params);
        const version = params.get('Version');
        if (version !== null && version !== QUERY_VERSION[service]) throw invalidAction(action, version);
        const key = authenticateCall(env, request, body, service, fault);
        const principal = key.principal;
        if (spec.resource) {
          const denied = denial(env, principal, `${service}:${action}`, spec.resource(params, principal), spec.write ?? false, fault);
          if (denied) throw new AwsFailure(403, 'AccessDenied', denied);
        }
        const out = await handle({ env, call, params, key, principal, fault });
        return done(queryResponse(service, action, requestId(env.ctx, call), out.result), { items: out.items, page: out.page });
      } catch (error) {
        if (error instanceof AuthFailure) return fail(authFailure('query', error));
        if (error instanceof AwsFailure) return fail(error);
        throw error;
      }
    },
  );
  return { action, handler };
}

/**
 * Answers a Query request naming no action this simulator implements: `MissingAction` without one,
 * `InvalidAction` "Could not find operation <Action> for version <Version>" otherwise (IAM's wording for
 * an unknown action; the missing-action text is not verified).
 */
export function unknownQueryAction(env: AwsEnv, base: string, service: QueryService): HttpHandler {
  return route(env.runtimes[service], { name: `${service}.unknown`, method: 'POST', url: `${base}/` }, async ({ request, call }) => {
    const params = queryParams(call.url, await request.text());
    const action = params.get('Action');
    const failure = action
      ? invalidAction(action, params.get('Version') ?? QUERY_VERSION[service])
      : new AwsFailure(400, 'MissingAction', 'Missing Action');
    return queryErrorResponse(service, failure, requestId(env.ctx, call));
  });
}

function invalidAction(action: string, version: string): AwsFailure {
  return new AwsFailure(400, 'InvalidAction', `Could not find operation ${action} for version ${version}`);
}

/** A listing's own parameters, for the journal: everything but the action and the API version. */
export function listingParams(params: URLSearchParams): Record<string, string> {
  const asked: Record<string, string> = {};
  for (const [name, value] of params) if (name !== 'Action' && name !== 'Version') asked[name] = value;
  return asked;
}
