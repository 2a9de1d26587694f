/**
 * Recorded exchanges served again as MSW handlers, built with the simulators' own `route()` and each
 * provider's fault dialect, so `--fault throttle:every=3` layers on a replay exactly as on a simulator
 * and the journal names every call's route. A request nothing recorded answers 404 with the nearest
 * recorded request and what differs; it never passes through to a real host.
 *
 * Handlers answer on the recorded hosts (in process, through `directFetch`/`dispatch`) or, with `bases`,
 * under a base URL such as the loopback server's, the way the simulators' `bases` do: links in answers
 * (`@odata.nextLink`) are rewritten to point there too.
 *
 * @example
 * const replay = replayHandlers(fromHar(JSON.parse(text)), { ctx });
 * const fetch = directFetch(() => replay.handlers, ctx, 'entra');
 */
import type { HttpHandler } from 'msw';
import { createContext, type Clock, type SimContext } from '../../mocks/core/context.js';
import { route, type Method, type ProviderRuntime, type RouteResult } from '../../mocks/core/route.js';
import { parseFaultSpec, type FaultSpec } from '../../mocks/faults/spec.js';
import { hostsOf, type ProviderFactory } from '../../mocks/core/served-provider.js';
import { createTenant } from '../../mocks/tenant/store.js';
import { HOP_HEADERS, headerValue, type Exchange } from './exchange.js';
import { fromHar } from './har.js';
import { ExchangeIndex, shapeOf } from './match.js';
import { fromNock } from './nock.js';
import { providerOfHost, runtimeForHost, type ReplayProvider } from './replay-providers.js';

export interface ReplayOptions {
  /** Journal, fault rules and clock; `replayContext()` makes one without a tenant to render. */
  ctx: SimContext;
  /**
   * Where to serve the recorded hosts: one base URL for all (`serve` puts every host on its port), or a
   * base per real origin (`{ 'https://graph.microsoft.com': 'http://127.0.0.1:8080' }`). Default: the
   * recorded hosts themselves.
   */
  bases?: string | Readonly<Record<string, string>>;
}

export interface Replay {
  handlers: HttpHandler[];
  /** Each recorded origin and where it is served. */
  origins: Record<string, string>;
  providers: ReplayProvider[];
  /** Recorded exchanges no request has used yet. */
  unused(): Exchange[];
}

const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function replayHandlers(exchanges: readonly Exchange[], options: ReplayOptions): Replay {
  const { ctx } = options;
  const origins: Record<string, string> = {};
  for (const exchange of exchanges) {
    const origin = new URL(exchange.request.url).origin;
    origins[origin] ??= rebase(origin, options.bases);
  }
  const index = new ExchangeIndex(exchanges, (origin) => origins[origin] ?? origin);
  const runtimes = new Map<string, ProviderRuntime>();
  const runtimeOf = (origin: string) => {
    const host = new URL(origin).host;
    let runtime = runtimes.get(host);
    if (!runtime) runtimes.set(host, (runtime = runtimeForHost(ctx, host, exchanges)));
    return runtime;
  };
  const rewrite = linkRewriter(origins);
  const answer = async (request: Request): Promise<RouteResult> => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.clone().text();
    const url = new URL(request.url);
    const shape = shapeOf(request.method, url, url.origin, request.headers.get('x-amz-target') ?? undefined, body);
    const found = index.take(shape);
    if ('exchange' in found) return respond(found.exchange, rewrite);
    const nearest = found.nearest ? `${found.nearest.exchange.request.method} ${rewrite(found.nearest.exchange.request.url)}` : null;
    return {
      response: Response.json(
        {
          error: 'sync-harness: no recorded exchange matches this request (replay never passes requests through)',
          request: `${request.method} ${request.url}`,
          nearestRecorded: nearest,
          differences: found.differences,
        },
        { status: 404 },
      ),
    };
  };

  // One route per recorded request line shape, most specific first, then a catch-all per served origin so
  // an unrecorded request gets the replay's 404 (and its fault dialect) instead of falling through.
  const routes = new Map<string, { origin: string; realOrigin: string; method: Method; template: string }>();
  for (const exchange of exchanges) {
    const url = new URL(exchange.request.url);
    const method = exchange.request.method.toUpperCase() as Method;
    if (!METHODS.includes(method)) continue;
    const origin = origins[url.origin]!;
    const template = pathTemplate(url.pathname);
    routes.set(`${method} ${origin}${template}`, { origin, realOrigin: url.origin, method, template });
  }
  const ordered = [...routes.values()].sort((a, b) => params(a.template) - params(b.template) || b.template.length - a.template.length);
  const handlers: HttpHandler[] = ordered.map((r) =>
    route(
      runtimeOf(r.realOrigin),
      { name: routeName(r.realOrigin, r.method, r.template), method: r.method, url: `${r.origin}${r.template}` },
      ({ request }) => answer(request),
    ),
  );
  const served = new Map<string, string>();
  for (const [real, origin] of Object.entries(origins)) if (!served.has(origin)) served.set(origin, real);
  for (const [origin, real] of served) {
    for (const method of METHODS) {
      handlers.push(route(runtimeOf(real), { name: routeName(real, method, '/*'), method, url: `${origin}/*` }, ({ request }) => answer(request)));
    }
  }
  return {
    handlers,
    origins,
    providers: [...new Set(Object.keys(origins).map((o) => providerOfHost(new URL(o).host)))],
    unused: () => index.unused(),
  };
}

/**
 * For `serve --replay FILE`: the replay as one more served provider, every recorded host on the served
 * base URL, or on the recorded hosts themselves behind the proxy (`baseUrl` undefined). Its "credentials"
 * say where each recorded host went; a connector replays with the configuration the recording was made
 * with, mapped (`mapConfiguration`), pointed there.
 */
export function replayProvider(exchanges: readonly Exchange[]): ProviderFactory {
  return (ctx, baseUrl) => {
    const replay = replayHandlers(exchanges, { ctx, ...(baseUrl === undefined ? {} : { bases: baseUrl }) });
    return {
      handlers: replay.handlers,
      hosts: hostsOf(...Object.values(replay.origins)),
      credentials: { recordedHosts: replay.origins, providers: replay.providers },
      granted: [],
    };
  };
}

/** A context for replays: journal, faults and clock, over an empty tenant (a replay renders nothing). */
export function replayContext(options: { seed?: number; faults?: readonly (string | FaultSpec)[]; clock?: Clock } = {}): SimContext {
  return createContext({
    tenant: createTenant({ users: 0, groups: 0 }),
    seed: options.seed ?? 1,
    clock: options.clock,
    faults: (options.faults ?? []).map((f) => (typeof f === 'string' ? parseFaultSpec(f) : f)),
  });
}

/** Exchanges from a fixture file's JSON: a HAR, a nock recorder / nock.back file, or a list of exchanges. */
export function parseFixtures(text: string, name = 'fixture'): Exchange[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: not JSON (${(error as Error).message}); expected a HAR or a nock fixture file`);
  }
  if (json && typeof json === 'object' && 'log' in json) return fromHar(json);
  const items = Array.isArray(json) ? json : [json];
  if (items.every((item) => item && typeof item === 'object' && 'scope' in item)) return fromNock(items);
  if (items.every((item) => item && typeof item === 'object' && 'request' in item && 'response' in item)) return items as Exchange[];
  throw new Error(`${name}: neither a HAR (log.entries) nor nock definitions (scope, method, path) nor recorded exchanges`);
}

function respond(exchange: Exchange, rewrite: (text: string) => string): RouteResult {
  const { response } = exchange;
  const headers = new Headers();
  // The recorded `Date` is stale: the provider's dialect stamps the real one, as the service would (SDKs
  // correct their clock skew from it).
  for (const [name, value] of response.headers)
    if (!HOP_HEADERS.has(name.toLowerCase()) && name.toLowerCase() !== 'date') headers.append(name, rewrite(value));
  const noBody = response.status === 204 || response.status === 304 || response.body === '';
  const body = noBody ? null : response.bodyEncoding === 'base64' ? Buffer.from(response.body, 'base64') : rewrite(response.body);
  const items = countItems(response.body, headerValue(response.headers, 'content-type'));
  return { response: new Response(body, { status: response.status, headers }), ...(items === undefined ? {} : { items }) };
}

/** Items on a list page, for the journal: the first array in a JSON answer, or IAM's `<member>`s. */
function countItems(body: string, type: string | undefined): number | undefined {
  if (type?.includes('xml')) {
    const members = body.match(/<member>/g)?.length;
    return members;
  }
  try {
    const json = JSON.parse(body) as unknown;
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      const list = Object.values(json).find(Array.isArray);
      return list?.length;
    }
  } catch {
    // not JSON: no count
  }
  return undefined;
}

function rebase(origin: string, bases: ReplayOptions['bases']): string {
  if (bases === undefined) return origin;
  const base = typeof bases === 'string' ? bases : (bases[origin] ?? bases[new URL(origin).host]);
  return base === undefined ? origin : base.replace(/\/+$/, '');
}

/** Absolute links in answers follow the replay to where it is served. */
function linkRewriter(origins: Record<string, string>): (text: string) => string {
  const moved = Object.entries(origins).filter(([real, served]) => real !== served);
  if (moved.length === 0) return (text) => text;
  return (text) => moved.reduce((out, [real, served]) => out.split(real).join(served), text);
}

/** Path segments that carry ids become parameters, so one route covers `/groups/{id}/members` for every id. */
function pathTemplate(pathname: string): string {
  if (pathname === '/' || pathname === '') return '/';
  return pathname
    .split('/')
    .map((segment, i) => (i === 0 || isLiteral(segment) ? segment : `:p${i}`))
    .join('/');
}

function isLiteral(segment: string): boolean {
  if (!/^[A-Za-z0-9._~$-]+$/.test(segment)) return false;
  if (/\d{6,}|[0-9a-f]{8}-[0-9a-f]{4}/i.test(segment)) return false;
  return !(segment.length >= 16 && /\d/.test(segment) && /[A-Za-z]/.test(segment));
}

function params(template: string): number {
  return (template.match(/:p\d+/g) ?? []).length;
}

function routeName(realOrigin: string, method: string, template: string): string {
  const host = new URL(realOrigin).hostname.split('.')[0];
  return `replay.${host} ${method} ${template.replace(/:p\d+/g, '{id}')}`;
}
