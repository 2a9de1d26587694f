/**
 * Every request a simulator saw: what was asked, what was answered, which fault fired. Secrets never enter
 * it: query values and headers are redacted by name before they are stored.
 */

export interface JournalEntry {
  /** 1-based order of arrival across all providers of the run. */
  seq: number;
  provider: string;
  /** The simulated endpoint's stable name (`graph.users.list`), or undefined when nothing matched. */
  route?: string;
  method: string;
  /** Path and query, secrets redacted. */
  url: string;
  status: number;
  /** Fault rule that changed the outcome, as written in its spec (`throttle:every=3`). */
  fault?: string;
  /** The Retry-After (seconds) the answer carried, so a retry that came sooner can be told. */
  retryAfterSeconds?: number;
  /** Items in a list response's page, when the route counts them. */
  items?: number;
  /** What a list page's exchange said about paging, for the doctor's paging audit. */
  page?: PageFacts;
  /**
   * A request the provider refused as malformed (a 400-class answer other than 401, 403 and 429): its
   * code (Graph `error.code`, Google reason, AWS code, SCIM scimType) and message, as the provider wrote them.
   */
  refusal?: Refusal;
  /** For unmatched requests: the closest simulated route, to tell a typo from a missing feature. */
  nearestRoute?: string;
  /** Which of several connectors sharing a run sent it (1-based), when a run has several. */
  client?: string;
  /** The client's address and port when the request came over a socket (loopback serving); absent in process. */
  peer?: string;
  /**
   * What failed below HTTP, with no request to show for it: a TLS handshake the client broke off (it does
   * not trust the certificate), a proxy CONNECT to a host nothing simulates.
   */
  transportError?: string;
  /** Milliseconds spent answering (excluded from determinism checks). */
  latencyMs: number;
  /** When it arrived, ISO (excluded from determinism checks). */
  at: string;
}

/**
 * Paging as one list page's request and answer carried it, in the provider's own parameter names. The
 * URL shows what Graph, Google and SCIM requests asked; AWS sends its parameters in the body, hence `asked`.
 */
export interface PageFacts {
  /** The continuation the answer handed out (Graph `$skiptoken`, Google `pageToken`, IAM `Marker`, `NextToken`). */
  next?: string;
  /** SCIM: `totalResults` as answered (the client computes the next `startIndex` from it). */
  total?: number;
  /** AWS: the request body's listing and paging parameters (`Marker`, `MaxItems`, `GroupName`...), as strings. */
  asked?: Record<string, string>;
}

export interface Refusal {
  code: string;
  message: string;
}

/** Set by the loopback server on each request it reads from a socket, so the journal can say where it came from. */
export const PEER_HEADER = 'x-sync-harness-peer';

/** Set by scenario runs with several connectors, so the journal (and the doctor) can tell whose request it was. */
export const CLIENT_HEADER = 'x-sync-harness-client';

export type JournalInput = Omit<JournalEntry, 'seq' | 'url'> & { url: URL | string };

/**
 * Query parameters that carry secrets. Listed by name rather than matched loosely: page tokens (`$skiptoken`,
 * `pageToken`, `NextToken`) are not secrets, and the journal must show them to diagnose pagination bugs.
 */
const SECRET_PARAMS =
  /^(client_secret|password|access_token|id_token|refresh_token|assertion|client_assertion|code|key|api_key|sig|signature|x-amz-signature|x-amz-security-token|x-amz-credential)$/i;
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-amz-security-token|x-api-key|x-amz-content-sha256)$/i;

export class Journal {
  private readonly entries: JournalEntry[] = [];
  private readonly listeners = new Set<(entry: JournalEntry) => void>();

  record(input: JournalInput): JournalEntry {
    const entry: JournalEntry = { seq: this.entries.length + 1, ...input, url: redactUrl(input.url) };
    this.entries.push(entry);
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  all(): readonly JournalEntry[] {
    return this.entries;
  }

  /** Entries matching every given field; `route` and `url` may be regular expressions. */
  query(filter: { provider?: string; route?: string | RegExp; status?: number; fault?: boolean }): JournalEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.provider === undefined || e.provider === filter.provider) &&
        (filter.route === undefined || (typeof filter.route === 'string' ? e.route === filter.route : filter.route.test(e.route ?? ''))) &&
        (filter.status === undefined || e.status === filter.status) &&
        (filter.fault === undefined || Boolean(e.fault) === filter.fault),
    );
  }

  onRecord(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** JSON lines, one entry per line, as written to a run folder. */
  toJsonLines(): string {
    return this.entries.map((e) => JSON.stringify(e)).join('\n') + (this.entries.length ? '\n' : '');
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/** Path and query with the values of secret-looking parameters replaced. */
export function redactUrl(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url, 'http://redacted.invalid') : url;
  // Parameters are kept as sent (`$top`, not `%24top`), so journal lines read like the requests they record.
  const query = parsed.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      return SECRET_PARAMS.test(name) ? `${pair.slice(0, eq < 0 ? pair.length : eq)}=REDACTED` : pair;
    })
    .join('&');
  return `${parsed.pathname}${query ? `?${query}` : ''}`;
}

/** Header names whose values must never be stored or printed. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.test(name);
}
