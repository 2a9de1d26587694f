/**
 * The Google connector's HTTP side. Tokens come from the service account's JWT-bearer grant (reference B1):
 * an RS256 assertion signed with the key file's private key, `iss` the service account, `sub` the admin it
 * acts for (domain-wide delegation), `aud` the token URI, timed by the injected clock. One token per scope,
 * cached until five minutes before it expires. Directory API calls use plain `fetch`, so the connector runs
 * in-process under MSW or against `serve`. Every HTTP failure becomes a {@link ConnectorHttpError} whose
 * message carries Google's own error text.
 */
import { importPKCS8, SignJWT } from 'jose';
import { ConnectorHttpError, type GrpcCode } from '../../c1z/contract/index.js';
import { parseRetryAfter } from '../shared/retry-after.js';
import { READ_SCOPES, type ReadKind } from './scopes.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** Google refuses assertions that live longer than an hour. */
const ASSERTION_LIFETIME_S = 3600;
const DIRECTORY_PATH = '/admin/directory/v1';

export interface GoogleClientOptions {
  /** The key file's `client_email` and PKCS#8 `private_key`. */
  clientEmail: string;
  privateKey: string;
  /** The DWD subject: an admin of the Workspace. */
  adminEmail: string;
  /** Where assertions are posted, and their audience (the key file's `token_uri`). */
  tokenUri: string;
  /** e.g. `https://admin.googleapis.com`. */
  adminBase: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** A token endpoint failure, with the OAuth error code (`invalid_grant`, `unauthorized_client`...). */
export class GoogleTokenError extends ConnectorHttpError {
  constructor(
    status: number,
    readonly oauthError: string,
    message: string,
    retry: ReturnType<typeof parseRetryAfter>,
  ) {
    super(status, { message, ...retry });
    this.name = 'GoogleTokenError';
  }

  /** Domain-wide delegation does not cover the scope asked for (or the client at all). */
  get refused(): boolean {
    return this.status === 401 && this.oauthError === 'unauthorized_client';
  }
}

/**
 * Google's per-user and concurrency quota errors are 403s (`userRateLimitExceeded`, `quotaExceeded`) that
 * Google says to retry with backoff; a 403 would abort the sync, so these are reported as Unavailable.
 */
export class GoogleQuotaError extends ConnectorHttpError {
  override readonly code: GrpcCode = 'Unavailable';
}

const QUOTA_403_REASONS = new Set(['userRateLimitExceeded', 'quotaExceeded', 'rateLimitExceeded', 'dailyLimitExceeded']);

interface CachedToken {
  accessToken: string;
  refreshAt: number;
}

export class GoogleClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly adminBase: string;
  private key: Promise<CryptoKey> | undefined;
  private readonly cached = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<string>>();
  /** The scope each read kind settled on, or null when every candidate was refused. */
  private readonly settled = new Map<ReadKind, string | null>();
  private readonly refusals = new Map<ReadKind, GoogleTokenError>();
  /** Token requests made, for tests that check the cache. */
  tokenRequests = 0;

  constructor(private readonly options: GoogleClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? (() => new Date());
    this.adminBase = options.adminBase.replace(/\/+$/, '');
  }

  /**
   * The scope to read `kind` with, or undefined when domain-wide delegation refuses all of them. Other
   * token failures (a deleted key, throttling) are thrown and not remembered, so a retry asks again.
   */
  async readScope(kind: ReadKind): Promise<string | undefined> {
    const known = this.settled.get(kind);
    if (known !== undefined) return known ?? undefined;
    for (const scope of READ_SCOPES[kind]) {
      try {
        await this.token(scope);
        this.settled.set(kind, scope);
        return scope;
      } catch (error) {
        if (!(error instanceof GoogleTokenError && error.refused)) throw error;
        this.refusals.set(kind, error);
      }
    }
    this.settled.set(kind, null);
    return undefined;
  }

  /** Why `kind` cannot be read: the token endpoint's last refusal (Google's `unauthorized_client` text). */
  refusal(kind: ReadKind): GoogleTokenError | undefined {
    return this.refusals.get(kind);
  }

  /** An access token for exactly `scope`, from the cache while it has more than five minutes left. */
  async token(scope: string): Promise<string> {
    const cached = this.cached.get(scope);
    if (cached && this.now().getTime() < cached.refreshAt) return cached.accessToken;
    let pending = this.pending.get(scope);
    if (!pending) {
      pending = this.requestToken(scope).finally(() => this.pending.delete(scope));
      this.pending.set(scope, pending);
    }
    return pending;
  }

  private async requestToken(scope: string): Promise<string> {
    this.tokenRequests++;
    const iat = Math.floor(this.now().getTime() / 1000);
    this.key ??= importPKCS8(this.options.privateKey, 'RS256');
    // gtoken's header is exactly {"alg":"RS256"}; Google needs nothing more.
    const assertion = await new SignJWT({ scope })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(this.options.clientEmail)
      .setSubject(this.options.adminEmail)
      .setAudience(this.options.tokenUri)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_LIFETIME_S)
      .sign(await this.key);
    const response = await this.fetch(this.options.tokenUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }),
    });
    const text = await response.text();
    if (!response.ok) {
      const json = parseJson(text) as { error?: unknown; error_description?: unknown } | undefined;
      const code = typeof json?.error === 'string' ? json.error : '';
      const detail = json ? [json.error, json.error_description].filter((s) => typeof s === 'string' && s).join(': ') : text.slice(0, 200);
      const message = `token request failed: ${response.status}${detail ? `: ${detail}` : ''}`;
      throw new GoogleTokenError(response.status, code, message, parseRetryAfter(response.headers.get('retry-after')));
    }
    const json = parseJson(text) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (!json || typeof json.access_token !== 'string')
      throw new ConnectorHttpError(502, { message: 'token request failed: the answer has no access_token' });
    const expiresIn = Number(json.expires_in ?? 3599);
    this.cached.set(scope, { accessToken: json.access_token, refreshAt: this.now().getTime() + expiresIn * 1000 - REFRESH_MARGIN_MS });
    return json.access_token;
  }

  /**
   * A Directory API call under `/admin/directory/v1` with a token for `scope`: the parsed JSON answer,
   * or undefined for an empty one (a delete's 204).
   */
  async call<T>(scope: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T | undefined> {
    const token = await this.token(scope);
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetch(`${this.adminBase}${DIRECTORY_PATH}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const where = `${method} ${DIRECTORY_PATH}${path.split('?')[0]}`;
    if (!response.ok) {
      // A refused token is never worth sending again: the next attempt gets a fresh one.
      if (response.status === 401) this.cached.delete(scope);
      const { reason, message } = directoryError(text);
      const init = {
        message: `${where}: ${response.status}${reason || message ? `: ${[reason, message].filter(Boolean).join(': ')}` : ''}`,
        ...parseRetryAfter(response.headers.get('retry-after')),
      };
      if (response.status === 403 && QUOTA_403_REASONS.has(reason)) throw new GoogleQuotaError(response.status, init);
      throw new ConnectorHttpError(response.status, init);
    }
    if (text.trim() === '') return undefined;
    const json = parseJson(text);
    if (json === undefined || typeof json !== 'object' || json === null)
      throw new ConnectorHttpError(502, { message: `${where}: the answer is not a JSON object` });
    return json as T;
  }

  /** A GET that must answer a body. */
  async get<T>(scope: string, path: string): Promise<T> {
    const json = await this.call<T>(scope, 'GET', path);
    if (json === undefined) throw new ConnectorHttpError(502, { message: `GET ${DIRECTORY_PATH}${path.split('?')[0]}: empty answer` });
    return json;
  }
}

/** `{"error":{"code","message","errors":[{"reason",...}]}}` → the first reason and the message. */
function directoryError(text: string): { reason: string; message: string } {
  const json = parseJson(text) as { error?: { message?: unknown; errors?: Array<{ reason?: unknown }> } } | undefined;
  const error = json && typeof json === 'object' ? json.error : undefined;
  if (!error || typeof error !== 'object') return { reason: '', message: text.slice(0, 200) };
  const reason = error.errors?.[0]?.reason;
  return { reason: typeof reason === 'string' ? reason : '', message: typeof error.message === 'string' ? error.message : '' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
