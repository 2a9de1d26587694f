/**
 * Recorded exchanges made safe to keep and share: tokens and secrets replaced by fixed placeholders,
 * identifying values (ids, names, emails and their domains, AWS accounts) mapped to generated ones,
 * consistently across every exchange, so a replayed connector follows the same links and pages.
 *
 * It runs twice over the exchanges: the first pass learns every identifier a field names (a Google user's
 * numeric `id` in a list answer), so the second replaces it everywhere, including in URLs of requests made
 * before the answer that revealed it. The returned map is the only way back to real values: keep it local.
 *
 * @example
 * const { exchanges, map } = sanitizeExchanges(raw, { seed: 'rec-1', secrets: [{ label: 'clientSecret', value }] });
 * writeFileSync('run.har', JSON.stringify(toHar(exchanges)));
 */
import { bodyKind, sanitizeBody, sanitizeHeaders, walkJson } from './sanitize-body.js';
import type { Exchange } from './exchange.js';
import { IdentityMap } from './identity-map.js';
import { SecretMatcher, type Secret } from '../../lib/secrets/index.js';
import { Sanitizer } from './sanitizer.js';

export interface SanitizeOptions {
  /** Seeds the id mapping; the same seed maps the same id the same way. Default `sync-harness`. */
  seed?: string;
  /** A mapping to continue (a second recording of the same tenant); it is extended in place. */
  map?: IdentityMap;
  /** Secrets known to the caller (the connector's credentials), redacted in any form wherever they appear. */
  secrets?: readonly Secret[];
  /** Values never to map (ids a connector compares against constants). */
  keep?: readonly string[];
}

export interface Sanitized {
  exchanges: Exchange[];
  /** real -> fake; sensitive. */
  map: IdentityMap;
}

export function sanitizeExchanges(exchanges: readonly Exchange[], options: SanitizeOptions = {}): Sanitized {
  const map = options.map ?? new IdentityMap(options.seed ?? 'sync-harness');
  const { words, emailDomains } = wordsOf(exchanges);
  map.reserve(words);
  map.reserve(emailDomains);
  const sanitizer = new Sanitizer({ map, keep: new Set(options.keep ?? []), secrets: new SecretMatcher(options.secrets ?? []), emailDomains });
  for (const exchange of exchanges) sanitizeExchange(sanitizer, exchange);
  return { exchanges: exchanges.map((exchange) => sanitizeExchange(sanitizer, exchange)), map };
}

function sanitizeExchange(s: Sanitizer, exchange: Exchange): Exchange {
  const { request, response } = exchange;
  return {
    startedAt: exchange.startedAt,
    durationMs: exchange.durationMs,
    request: {
      method: request.method,
      url: s.url(request.url),
      headers: sanitizeHeaders(s, request.headers),
      ...(request.body === undefined
        ? {}
        : { body: request.bodyEncoding === 'base64' ? request.body : sanitizeBody(s, bodyKind(request.headers, request.body), request.body) }),
      ...(request.bodyEncoding ? { bodyEncoding: request.bodyEncoding } : {}),
    },
    response: {
      status: response.status,
      headers: sanitizeHeaders(s, response.headers),
      body: response.bodyEncoding === 'base64' ? response.body : sanitizeBody(s, bodyKind(response.headers, response.body), response.body),
      ...(response.bodyEncoding ? { bodyEncoding: response.bodyEncoding } : {}),
    },
  };
}

/**
 * A connector's configuration with the mapping applied and nothing redacted (its secrets must still
 * work), so the connector can run against a replay: ids, emails, domains and URLs it is configured with
 * become the fakes the recording uses.
 */
export function mapConfiguration<T>(config: T, map: IdentityMap, keep: readonly string[] = []): T {
  const sanitizer = new Sanitizer({ map, keep: new Set(keep), redact: false });
  return walkJson(sanitizer, config, undefined, { any: false }) as T;
}

/**
 * Every word-like run in the recording (generated fakes must never collide with a real value), and every
 * domain that follows an `@`.
 */
function wordsOf(exchanges: readonly Exchange[]): { words: Set<string>; emailDomains: Set<string> } {
  const words = new Set<string>();
  const emailDomains = new Set<string>();
  for (const exchange of exchanges) {
    for (const text of [exchange.request.url, exchange.request.body ?? '', exchange.response.body]) {
      for (const m of text.matchAll(/[A-Za-z0-9][A-Za-z0-9._@-]{5,}/g)) words.add(m[0]);
      for (const m of text.matchAll(/@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g)) emailDomains.add(m[1]!);
    }
  }
  return { words, emailDomains };
}
