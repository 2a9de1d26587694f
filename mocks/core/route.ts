/**
 * Every simulated endpoint is an MSW handler made by {@link route}: it names the route (for the journal, the
 * fault targeting and near-miss hints), lets transport-level faults answer first in the provider's own
 * dialect, then runs the endpoint and journals the outcome.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FaultKind } from '../faults/spec.js';
import type { RouteCall } from '../faults/engine.js';
import { DEFAULT_MAX_BODY_BYTES, declaredLength, limitBody } from './body-limit.js';
import type { SimContext } from './context.js';
import { CLIENT_HEADER, PEER_HEADER, type PageFacts, type Refusal } from './journal.js';
import { markTransport } from './transport-action.js';

/** How a provider answers the generic faults; each provider renders them the way the real service does. */
export interface FaultDialect {
  /** Rate limited: Graph 429 + Retry-After, Google 403/429 reasons, IAM 400 Throttling, SCIM 429. */
  throttle(call: RouteCall, params: Record<string, string>): Response;
  serverError(call: RouteCall, status: number): Response;
  /** Headers every response of the provider carries (request ids, Date). */
  headers(call: RouteCall): Record<string, string>;
  /** 413 in the provider's own error shape, for a request body over its limit. */
  tooLarge(call: RouteCall, limit: number): Response;
  /**
   * The wait in seconds a throttled answer asks for where the provider says it otherwise than in
   * Retry-After (Okta: `X-Rate-Limit-Reset`, epoch seconds), for the journal and so the doctor's
   * retry-after-ignored; undefined when the answer asks for none.
   */
  waitSeconds?(response: Response, now: Date): number | undefined;
}

export interface ProviderRuntime {
  provider: string;
  ctx: SimContext;
  dialect: FaultDialect;
  /** Resource units a call costs, for token-bucket throttling (`throttle:bucket=`); default 1. */
  cost?: (call: RouteCall) => number;
  /** The largest request body the service takes, in bytes; default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
}

export interface RouteResult {
  response: Response;
  /** Items in a list page, for the journal. */
  items?: number;
  /** A list page's paging facts, for the journal. */
  page?: PageFacts;
  /** A malformed request's refusal, in the provider's words, for the journal. */
  refusal?: Refusal;
  /** A fault the endpoint applied itself (expired secret, bad pagination...), as written in its spec, for the journal. */
  fault?: string;
}

export interface RouteArgs {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
  call: RouteCall;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Faults that replace a response outright, whatever the endpoint. */
const TRANSPORT_FAULTS: readonly FaultKind[] = [
  'network-error',
  'reset',
  'hang',
  'throttle',
  'server-error',
  'latency',
  'malformed-body',
  'wrong-content-type',
];

/** A simulated route as near-miss hints name it. */
export interface KnownRoute {
  provider: string;
  name: string;
  method: Method;
  url: string;
}

export function route(
  runtime: ProviderRuntime,
  spec: { name: string; method: Method; url: string },
  resolve: (args: RouteArgs) => Promise<Response | RouteResult> | Response | RouteResult,
): HttpHandler {
  const handle = async ({ request, params }: { request: Request; params: RouteArgs['params'] }) => {
    const started = performance.now();
    const { ctx, dialect } = runtime;
    const call: RouteCall = {
      provider: runtime.provider,
      route: spec.name,
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
    };
    let result: RouteResult;
    const hit = ctx.faults.check(call, TRANSPORT_FAULTS, { units: runtime.cost?.(call) ?? 1, now: ctx.clock() });
    if (hit?.spec.kind === 'network-error' || hit?.spec.kind === 'hang') {
      ctx.journal.record({
        provider: call.provider,
        route: call.route,
        method: call.method,
        url: call.url,
        status: 0,
        fault: hit.spec.text,
        latencyMs: performance.now() - started,
        at: ctx.clock().toISOString(),
      });
      return hit.spec.kind === 'hang' ? markTransport(new Response(null, { status: 504 }), 'hang') : HttpResponse.error();
    }
    if (hit?.spec.kind === 'latency') await delay(latencyMs(hit.spec.params, hit.random));
    if (hit?.spec.kind === 'throttle') {
      const params = hit.retryAfterSeconds === undefined ? hit.spec.params : { ...hit.spec.params, 'retry-after': String(hit.retryAfterSeconds) };
      result = { response: dialect.throttle(call, params) };
    } else if (hit?.spec.kind === 'server-error') {
      result = { response: dialect.serverError(call, Number(hit.spec.params.status ?? 503)) };
    } else {
      const out = await resolveWithin(runtime, call, request, (limited) => resolve({ request: limited, params, call }));
      result = out instanceof Response ? { response: out } : out;
      if (hit?.spec.kind === 'malformed-body')
        result = { response: new Response('{"value": [', { status: result.response.status, headers: result.response.headers }) };
      if (hit?.spec.kind === 'wrong-content-type') {
        const headers = new Headers(result.response.headers);
        headers.set('content-type', 'text/html; charset=utf-8');
        result = { response: new Response(result.response.body, { status: result.response.status, headers }), items: result.items };
      }
    }
    const fault = hit?.spec.text ?? result.fault;
    const response = withHeaders(result.response, dialect.headers(call));
    if (hit?.spec.kind === 'reset') markTransport(response, 'reset');
    const retryAfter = response.headers.get('retry-after');
    const wait =
      retryAfter !== null && /^\d+$/.test(retryAfter)
        ? Number(retryAfter)
        : response.status === 429
          ? dialect.waitSeconds?.(response, ctx.clock())
          : undefined;
    const peer = request.headers.get(PEER_HEADER);
    const client = request.headers.get(CLIENT_HEADER);
    ctx.journal.record({
      provider: call.provider,
      route: call.route,
      method: call.method,
      url: call.url,
      status: response.status,
      fault,
      ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
      items: result.items,
      ...(result.page ? { page: result.page } : {}),
      ...(result.refusal ? { refusal: result.refusal } : {}),
      ...(client ? { client } : {}),
      ...(peer ? { peer } : {}),
      latencyMs: performance.now() - started,
      at: ctx.clock().toISOString(),
    });
    return response;
  };
  const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const handler = http[method](spec.url, handle as never);
  directRoutes.set(handler, { method: spec.method, pattern: compilePattern(spec.url), handle });
  knownRoutes.set(handler, { provider: runtime.provider, ...spec });
  return handler;
}

/**
 * The endpoint with the body held to the service's limit: a declared length over it is refused unread, and
 * reading stops at the limit. The endpoint decides when to read (after its auth check, as SCIM does), so a
 * refused request's body is never read at all. A handler that caught the limit's error and answered 400 is
 * overruled: the answer is the service's 413.
 */
async function resolveWithin(
  runtime: ProviderRuntime,
  call: RouteCall,
  request: Request,
  resolve: (request: Request) => Promise<Response | RouteResult> | Response | RouteResult,
): Promise<Response | RouteResult> {
  const limit = runtime.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if ((declaredLength(request.headers) ?? 0) > limit) return runtime.dialect.tooLarge(call, limit);
  const limited = limitBody(request, limit);
  try {
    const out = await resolve(limited.request);
    return limited.tripped() ? runtime.dialect.tooLarge(call, limit) : out;
  } catch (error) {
    if (limited.tripped()) return runtime.dialect.tooLarge(call, limit);
    throw error;
  }
}

/**
 * The same endpoint without MSW's per-request machinery, for the loopback server: MSW's `getResponse`
 * compiles every handler's path pattern on every request and clones the request, which capped a served
 * simulator far below what its endpoints cost. Matching follows MSW's rules for the patterns routes use
 * (`:param` segments, `*`, case-insensitive, optional trailing slash).
 */
export interface DirectRoute {
  method: Method;
  pattern: RegExp;
  handle(args: { request: Request; params: RouteArgs['params'] }): Promise<Response>;
}

const directRoutes = new WeakMap<HttpHandler, DirectRoute>();
const knownRoutes = new WeakMap<HttpHandler, KnownRoute>();

/**
 * The routes among these handlers, for near-miss hints on a request none of them matched: read from the
 * handlers being served, so no process-wide table grows with every simulator built.
 */
export function knownRoutesOf(handlers: readonly unknown[]): KnownRoute[] {
  const found = new Map<string, KnownRoute>();
  for (const handler of handlers) {
    const known = knownRoutes.get(handler as HttpHandler);
    if (known) found.set(`${known.method} ${known.url}`, known);
  }
  return [...found.values()];
}

export function directRoute(handler: unknown): DirectRoute | undefined {
  return directRoutes.get(handler as HttpHandler);
}

export function compilePattern(url: string): RegExp {
  const escaped = url.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const pattern = escaped.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '(?<$1>[^/]+)').replace(/\*/g, '.*');
  return new RegExp(`^${pattern}/?$`, 'i');
}

/** The provider's own headers, added in place: responses built here have mutable headers, and copying a
 * Response (body stream included) on every request was a measurable share of a served request. */
function withHeaders(response: Response, extra: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(extra)) if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  } catch {
    // An immutable-headers response (one from fetch): copy it.
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(extra)) if (!headers.has(name)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * `ms=200` fixed; `min=50,max=400` uniform; `median=120,sigma=0.5` lognormal (the long tail real APIs
 * show). Drawn from the rule's seeded generator, so the same seed gives the same delays.
 */
export function latencyMs(params: Record<string, string>, random: () => number): number {
  if (params.ms !== undefined) return Number(params.ms);
  if (params.median !== undefined) {
    // Box-Muller: a standard normal from two uniforms, then exp(mu + sigma * z) with mu = ln(median).
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Number(params.median) * Math.exp(Number(params.sigma ?? 0.5) * z);
  }
  const min = Number(params.min ?? 0);
  const max = Number(params.max ?? min);
  return min + (max - min) * random();
}
