/**
 * The Okta connector's HTTP side: the org's Management API with plain `fetch`, so the connector runs
 * in-process under MSW or against `serve`. Two ways in (REFERENCE.md §8): an `SSWS` API token, which carries
 * its admin's rights, or an OAuth service app, whose client-credentials token is bought with a
 * `private_key_jwt` assertion and holds only the scopes the app was granted. Lists follow the `Link`
 * header's next URL; every failure is an {@link OktaHttpError} in Okta's words.
 */
import { ConnectorHttpError } from '../../c1z/contract/index.js';
import { assertionKey, clientAssertion, type AssertionKey } from './client-assertion.js';
import { oktaHttpError, OktaHttpError } from './errors.js';
import { nextLink } from './link-header.js';
import { READ_SCOPES, WRITE_MEMBERS_SCOPE } from './scopes.js';

export const TOKEN_PATH = '/oauth2/v1/token';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** A token is fixed at an hour; renewing five minutes early keeps a long page walk from meeting its end. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export type OktaAuth =
  | { kind: 'ssws'; token: string }
  | { kind: 'oauth'; clientId: string; privateKey: string | Record<string, unknown>; keyId?: string };

export interface OktaClientOptions {
  /** `https://acme.okta.com`: the org, where both `/api/v1` and the org authorization server live. */
  orgUrl: string;
  auth: OktaAuth;
  fetch?: typeof fetch;
  now?: () => Date;
  /**
   * The `ignores-retry-after` bug: a 429 is sent again at once, this many times, before the engine (which
   * waits for X-Rate-Limit-Reset) sees it. 0 for the clean connector.
   */
  immediateThrottleResends?: number;
}

export interface OktaPage<T> {
  items: T[];
  /** The absolute `rel="next"` URL; undefined on the last page. */
  next?: string;
}

type Purpose = 'read' | 'write';

/** The token endpoint's answer: a token, or an OAuth error. */
interface TokenAnswer {
  access_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

interface CachedToken {
  value: string;
  refreshAt: number;
}

export class OktaClient {
  readonly orgUrl: string;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private signer: AssertionKey | undefined;
  /** One token for reads and, bought at the first write, one that may also change group members. */
  private readonly cached = new Map<Purpose, CachedToken>();
  private readonly pending = new Map<Purpose, Promise<CachedToken>>();
  /** Token requests made, for tests of the cache. */
  tokenRequests = 0;

  constructor(private readonly options: OktaClientOptions) {
    this.orgUrl = options.orgUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? (() => new Date());
    // Read the key now: a bad one is the configuration's fault, told before any sync starts.
    if (options.auth.kind === 'oauth') this.signer = assertionKey(options.auth.privateKey, options.auth.keyId);
  }

  /** One page of a collection: the first from `url`, or a next link as given. */
  async list<T>(url: string): Promise<OktaPage<T>> {
    const { json, next } = await this.read(url);
    if (!Array.isArray(json)) throw new ConnectorHttpError(502, { message: `GET ${pathOf(url)}: the answer is not a JSON array` });
    return { items: json as T[], next };
  }

  /**
   * One page of an IAM listing, whose body is an object holding the items in `value` and the next page in
   * `_links.next.href` (`/api/v1/iam/...`); the `Link` header is read first, as baton-okta does.
   */
  async listValue<T>(url: string): Promise<OktaPage<T>> {
    const { json, next } = await this.read(url);
    const body = json as { value?: unknown; _links?: { next?: { href?: unknown } } } | undefined;
    if (typeof body !== 'object' || body === null || !Array.isArray(body.value)) {
      throw new ConnectorHttpError(502, { message: `GET ${pathOf(url)}: the answer has no value list` });
    }
    const href = body._links?.next?.href;
    return { items: body.value as T[], next: next ?? (typeof href === 'string' && href !== '' ? href : undefined) };
  }

  /** A change (`PUT`/`DELETE`) whose answer carries nothing to read (Okta answers 204). */
  async change(method: 'PUT' | 'DELETE', url: string): Promise<void> {
    await this.send(url, method);
  }

  private async read(url: string): Promise<{ json: unknown; next?: string }> {
    const { response, text } = await this.send(url, 'GET');
    return { json: parseJson(text), next: nextLink(response.headers.get('link')) };
  }

  private async send(url: string, method: 'GET' | 'PUT' | 'DELETE'): Promise<{ response: Response; text: string }> {
    const where = `${method} ${pathOf(url)}`;
    const purpose: Purpose = method === 'GET' ? 'read' : 'write';
    let resends = this.options.immediateThrottleResends ?? 0;
    let renewed = false;
    for (;;) {
      const authorization = await this.authorization(purpose);
      const response = await this.fetch(url, { method, headers: { authorization, accept: 'application/json' } });
      // Read to the end even on failure: an abandoned body keeps the connection (and MSW) waiting.
      const text = await response.text();
      if (response.ok) return { response, text };
      if (response.status === 429 && resends > 0) {
        resends--;
        continue;
      }
      // An access token the org no longer takes (expired early, revoked) is bought again once, as Okta's
      // SDKs do; a second refusal is the credential's fault and is reported.
      if (response.status === 401 && this.options.auth.kind === 'oauth' && !renewed) {
        renewed = true;
        this.cached.delete(purpose);
        continue;
      }
      throw oktaHttpError(where, response.status, response.headers, text);
    }
  }

  private async authorization(purpose: Purpose): Promise<string> {
    if (this.options.auth.kind === 'ssws') return `SSWS ${this.options.auth.token}`;
    return `Bearer ${(await this.token(purpose)).value}`;
  }

  private async token(purpose: Purpose): Promise<CachedToken> {
    const cached = this.cached.get(purpose);
    if (cached && this.now().getTime() < cached.refreshAt) return cached;
    let pending = this.pending.get(purpose);
    if (!pending) {
      pending = this.requestToken(purpose).finally(() => this.pending.delete(purpose));
      this.pending.set(purpose, pending);
    }
    return pending;
  }

  private async requestToken(purpose: Purpose): Promise<CachedToken> {
    const auth = this.options.auth;
    if (auth.kind !== 'oauth') throw new Error('okta connector: an SSWS token needs no access token');
    this.tokenRequests++;
    const tokenUrl = `${this.orgUrl}${TOKEN_PATH}`;
    // A sync asks for reads alone; writes add the one scope that changes members, as baton-okta asks its
    // `.manage` scopes only when provisioning. Okta issues the granted subset either way.
    const asked = purpose === 'read' ? Object.values(READ_SCOPES) : [...Object.values(READ_SCOPES), WRITE_MEMBERS_SCOPE];
    const response = await this.fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: asked.join(' '),
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: clientAssertion(this.signer!, auth.clientId, tokenUrl, this.now()),
      }),
    });
    const text = await response.text();
    const json = parseJson(text) as TokenAnswer | undefined;
    if (!response.ok) {
      const detail = json ? [json.error, json.error_description].filter((s) => typeof s === 'string' && s).join(': ') : text.trim().slice(0, 200);
      const error = oktaHttpError(`POST ${TOKEN_PATH}`, response.status, response.headers, text);
      const code = typeof json?.error === 'string' ? json.error : error.errorCode;
      const message = `token request failed: ${response.status}${detail ? `: ${detail}` : ''}`;
      throw new OktaHttpError(response.status, code, message, { retryAfterSeconds: error.retryAfterSeconds, resetAt: error.resetAt });
    }
    if (!json || typeof json.access_token !== 'string') {
      throw new ConnectorHttpError(502, { message: 'token request failed: the answer has no access_token' });
    }
    const expiresIn = Number(json.expires_in ?? 3600);
    // Okta grants the subset of the asked scopes the app holds; what is missing shows as a 403 on the read.
    const token = { value: json.access_token, refreshAt: this.now().getTime() + expiresIn * 1000 - REFRESH_MARGIN_MS };
    this.cached.set(purpose, token);
    return token;
  }
}

/** The path alone, for messages: queries carry cursors and filters, which say nothing to a reader. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
