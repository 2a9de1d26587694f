/**
 * Which recorded exchange answers a replayed request. Requests match on method, host, path and query
 * (parameters in any order), plus the operation header AWS JSON APIs use (`X-Amz-Target`), plus the body
 * where it matters: only when the recording holds different bodies for the same request line (IAM's Query
 * API posts every action to `/`; two `$ref` writes differ only in their body). Secrets, placeholders,
 * JWTs (a fresh Google assertion each time) and signatures never take part. Identical requests get the
 * recorded answers in order, then the last one again, as a real API would keep answering.
 */
import { editDistance } from '../../lib/edit-distance.js';
import { headerValue, type Exchange } from './exchange.js';
import { fieldRule, REDACTED } from './field-rules.js';
import { sniffBody } from './sanitize-body.js';
import { safeDecode } from './sanitizer.js';

export interface RequestShape {
  method: string;
  /** `origin + path` as served (after rebasing), path decoded, no trailing slash. */
  target: string;
  query: [string, string][];
  operation?: string;
  body: string;
}

const VOLATILE_PARAMS = /^(x-amz-(signature|credential|date|security-token|expires|signedheaders|algorithm)|sig|signature|timestamp|nonce|_)$/i;
const VOLATILE_FIELDS = /^(timestamp|nonce|iat|exp|nbf|jti|requesttime|date|signature|clientrequestid)$/i;
const JWT_LIKE = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function shapeOf(method: string, url: URL, origin: string, operation: string | undefined, body: string | undefined): RequestShape {
  const path = url.pathname
    .split('/')
    .map((segment) => safeDecode(segment))
    .join('/')
    .replace(/(.)\/+$/, '$1');
  const query = [...url.searchParams]
    .filter(([name, value]) => !ignorable(name, value))
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return {
    method: method.toUpperCase(),
    target: `${origin}${path === '/' ? '' : path}`,
    query,
    ...(operation ? { operation } : {}),
    body: normalizeBody(body ?? ''),
  };
}

function lineKey(shape: RequestShape): string {
  return `${shape.method} ${shape.target}?${shape.query.map(([k, v]) => `${k}=${v}`).join('&')}${shape.operation ? ` ${shape.operation}` : ''}`;
}

function ignorable(name: string, value: string): boolean {
  return (
    VOLATILE_PARAMS.test(name) ||
    VOLATILE_FIELDS.test(name) ||
    fieldRule(name).kind === 'secret' ||
    value.startsWith(REDACTED) ||
    JWT_LIKE.test(value)
  );
}

/** The part of a body that identifies the request: secrets, placeholders and volatile fields removed. */
function normalizeBody(body: string): string {
  if (body.trim() === '') return '';
  switch (sniffBody(body)) {
    case 'form':
      return [...new URLSearchParams(body)]
        .filter(([name, value]) => !ignorable(name, value))
        .map(([name, value]) => `${name}=${value}`)
        .sort()
        .join('&');
    case 'json':
      return JSON.stringify(canonicalJson(JSON.parse(body)));
    default:
      return body
        .replace(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '*')
        .replace(new RegExp(`${REDACTED}[\\w-]*`, 'g'), '*')
        .trim();
  }
}

function canonicalJson(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(canonicalJson);
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node).sort()) {
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === 'string' && ignorable(key, value)) continue;
      if (VOLATILE_FIELDS.test(key) || fieldRule(key).kind === 'secret') continue;
      out[key] = canonicalJson(value);
    }
    return out;
  }
  return node;
}

interface Line {
  /** Whether the recording has different bodies for this request line, so the body must match. */
  bodyMatters: boolean;
  queues: Map<string, { exchanges: Exchange[]; next: number }>;
}

export interface Recorded {
  exchange: Exchange;
  shape: RequestShape;
}

export type MatchResult = { exchange: Exchange } | { nearest?: Recorded; differences: string[] };

/** The recorded exchanges, indexed for matching; `originOf` rebases each real origin to where it is served. */
export class ExchangeIndex {
  private readonly lines = new Map<string, Line>();
  readonly recorded: Recorded[] = [];

  constructor(exchanges: readonly Exchange[], originOf: (realOrigin: string) => string) {
    for (const exchange of exchanges) {
      const url = new URL(exchange.request.url);
      const shape = shapeOf(
        exchange.request.method,
        url,
        originOf(url.origin),
        headerValue(exchange.request.headers, 'x-amz-target'),
        exchange.request.body,
      );
      this.recorded.push({ exchange, shape });
      const key = lineKey(shape);
      let line = this.lines.get(key);
      if (!line) this.lines.set(key, (line = { bodyMatters: false, queues: new Map() }));
      let queue = line.queues.get(shape.body);
      if (!queue) line.queues.set(shape.body, (queue = { exchanges: [], next: 0 }));
      queue.exchanges.push(exchange);
    }
    for (const line of this.lines.values()) line.bodyMatters = line.queues.size > 1;
  }

  /** The next recorded answer for this request, or the nearest recorded request and how it differs. */
  take(shape: RequestShape): MatchResult {
    const line = this.lines.get(lineKey(shape));
    if (line) {
      const queue = line.bodyMatters ? line.queues.get(shape.body) : line.queues.values().next().value;
      if (queue) {
        // Repeats get the answers in order, then the last one again.
        const exchange = queue.exchanges[Math.min(queue.next, queue.exchanges.length - 1)]!;
        queue.next++;
        return { exchange };
      }
    }
    const nearest = this.nearest(shape);
    return { nearest, differences: nearest ? differences(nearest.shape, shape) : ['nothing was recorded'] };
  }

  /** Recorded exchanges no request has used yet. */
  unused(): Exchange[] {
    const out: Exchange[] = [];
    for (const line of this.lines.values()) for (const queue of line.queues.values()) out.push(...queue.exchanges.slice(queue.next));
    return out;
  }

  private nearest(shape: RequestShape): Recorded | undefined {
    let best: { recorded: Recorded; score: number } | undefined;
    for (const recorded of this.recorded) {
      const score = distance(recorded.shape, shape);
      if (!best || score < best.score) best = { recorded, score };
    }
    return best?.recorded;
  }
}

function distance(a: RequestShape, b: RequestShape): number {
  let score = a.method === b.method ? 0 : 20;
  score += (a.operation ?? '') === (b.operation ?? '') ? 0 : 10;
  score += Math.min(30, editDistance(a.target, b.target));
  const aq = new Set(a.query.map(([k, v]) => `${k}=${v}`));
  const bq = new Set(b.query.map(([k, v]) => `${k}=${v}`));
  for (const q of aq) if (!bq.has(q)) score += 2;
  for (const q of bq) if (!aq.has(q)) score += 2;
  if (a.body !== b.body) score += 1 + Math.min(10, editDistance(a.body.slice(0, 200), b.body.slice(0, 200)) / 10);
  return score;
}

/** What a request changes relative to the nearest recorded one, for the 404's message. */
function differences(recorded: RequestShape, sent: RequestShape): string[] {
  const out: string[] = [];
  if (recorded.method !== sent.method) out.push(`method: recorded ${recorded.method}, sent ${sent.method}`);
  if (recorded.target !== sent.target) out.push(`path: recorded ${recorded.target}, sent ${sent.target}`);
  if ((recorded.operation ?? '') !== (sent.operation ?? ''))
    out.push(`x-amz-target: recorded ${recorded.operation ?? '(none)'}, sent ${sent.operation ?? '(none)'}`);
  const r = new Map(recorded.query);
  const s = new Map(sent.query);
  for (const [k, v] of r)
    if (s.get(k) !== v)
      out.push(
        s.has(k)
          ? `query ${k}: recorded ${JSON.stringify(v)}, sent ${JSON.stringify(s.get(k))}`
          : `query ${k}: recorded ${JSON.stringify(v)}, not sent`,
      );
  for (const [k, v] of s) if (!r.has(k)) out.push(`query ${k}: sent ${JSON.stringify(v)}, not recorded`);
  if (out.length === 0 && recorded.body !== sent.body)
    out.push(`body: recorded ${JSON.stringify(recorded.body.slice(0, 120))}, sent ${JSON.stringify(sent.body.slice(0, 120))}`);
  return out;
}
