/**
 * The Entra connector's HTTP side: a client-credentials token from `{authority}/oauth2/v2.0/token`, cached
 * until five minutes before it expires (as MSAL/azidentity cache it), and Graph calls (GETs, `$ref` writes)
 * with plain `fetch`, so the connector runs in-process under MSW or against `serve`. Every HTTP failure
 * becomes a {@link ConnectorHttpError} carrying the status, Graph's error text and any Retry-After, so the
 * engine decides what to do.
 */
import { ConnectorHttpError } from '../../c1z/contract/index.js';
import { parseRetryAfter } from '../shared/retry-after.js';

export { parseRetryAfter };

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Tokens are refreshed this long before `expires_in` runs out. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface EntraClientOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Login base plus tenant, e.g. `https://login.microsoftonline.com/<tenant id>`. */
  authority: string;
  /** e.g. `https://graph.microsoft.com`. */
  graphBase: string;
  fetch?: typeof fetch;
  /** For the token cache's expiry; the real time when absent. */
  now?: () => Date;
}

interface CachedToken {
  accessToken: string;
  /** When to stop using it (ms since epoch): expiry less the refresh margin. */
  refreshAt: number;
}

export class EntraClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly authority: string;
  readonly graphBase: string;
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;
  /** Token requests made, for tests that check the cache. */
  tokenRequests = 0;

  constructor(private readonly options: EntraClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? (() => new Date());
    this.authority = options.authority.replace(/\/+$/, '');
    this.graphBase = options.graphBase.replace(/\/+$/, '');
  }

  /** A valid access token, from the cache while it has more than five minutes left. */
  async token(): Promise<string> {
    if (this.cached && this.now().getTime() < this.cached.refreshAt) return this.cached.accessToken;
    // Concurrent callers share one request.
    this.pending ??= this.requestToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forget the cached token (Graph refused it), so the next call asks for a new one. */
  invalidateToken(): void {
    this.cached = undefined;
  }

  private async requestToken(): Promise<string> {
    this.tokenRequests++;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      scope: GRAPH_SCOPE,
    });
    const response = await this.fetch(`${this.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    const text = await response.text();
    if (!response.ok) {
      const detail = stsErrorText(text);
      throw httpError(response, `token request failed: ${response.status}${detail ? `: ${detail}` : ''}`);
    }
    const json = parseJson(text) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (!json || typeof json.access_token !== 'string')
      throw new ConnectorHttpError(502, { message: 'token request failed: the answer has no access_token' });
    const expiresIn = Number(json.expires_in ?? 3599);
    this.cached = { accessToken: json.access_token, refreshAt: this.now().getTime() + expiresIn * 1000 - REFRESH_MARGIN_MS };
    return json.access_token;
  }

  /** GET a Graph path (`/v1.0/users?...`) or an absolute URL (a nextLink), answering the parsed JSON body. */
  async get<T>(pathOrUrl: string): Promise<T> {
    const { url, text } = await this.send('GET', pathOrUrl);
    const json = parseJson(text);
    if (json === undefined || typeof json !== 'object' || json === null) {
      throw new ConnectorHttpError(502, { message: `GET ${new URL(url).pathname}: the answer is not a JSON object` });
    }
    return json as T;
  }

  /** POST a JSON body (a `$ref` write); Graph answers 204 with nothing to read. */
  async post(pathOrUrl: string, body: unknown): Promise<void> {
    await this.send('POST', pathOrUrl, body);
  }

  async delete(pathOrUrl: string): Promise<void> {
    await this.send('DELETE', pathOrUrl);
  }

  /** One authenticated Graph call; a failure becomes a ConnectorHttpError with Graph's `code: message`. */
  private async send(method: 'GET' | 'POST' | 'DELETE', pathOrUrl: string, body?: unknown): Promise<{ url: string; text: string }> {
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.graphBase}${pathOrUrl}`;
    const token = await this.token();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) {
      // A refused token is never worth sending again: the next attempt (or resumed sync) gets a fresh one.
      if (response.status === 401) this.invalidateToken();
      const detail = graphErrorText(text);
      throw httpError(response, `${method} ${new URL(url).pathname}: ${response.status}${detail ? `: ${detail}` : ''}`);
    }
    return { url, text };
  }
}

function httpError(response: Response, message: string): ConnectorHttpError {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  return new ConnectorHttpError(response.status, { message, ...retryAfter });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** eSTS errors: `invalid_client: AADSTS7000222: The provided client secret keys ... are expired. ...`. */
function stsErrorText(text: string): string {
  const json = parseJson(text) as { error?: unknown; error_description?: unknown } | undefined;
  if (!json || typeof json !== 'object') return text.slice(0, 200);
  return [json.error, json.error_description].filter((s) => typeof s === 'string' && s).join(': ');
}

/** Graph errors: `{ error: { code, message } }` → `Authorization_RequestDenied: Insufficient privileges ...`. */
function graphErrorText(text: string): string {
  const json = parseJson(text) as { error?: { code?: unknown; message?: unknown } } | undefined;
  const error = json && typeof json === 'object' ? json.error : undefined;
  if (!error || typeof error !== 'object') return text.slice(0, 200);
  return [error.code, error.message].filter((s) => typeof s === 'string' && s).join(': ');
}
