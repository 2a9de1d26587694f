/**
 * Okta's failures as the engine sees them (REFERENCE.md §6-7). `/api/v1` errors carry
 * `{errorCode, errorSummary, errorCauses}`, kept in the message because the code is what Okta supports for
 * flow control and the summary is what a person reads. A missing OAuth scope has no body at all: the reason
 * is in `WWW-Authenticate` (`error="insufficient_scope"`, `scope="okta.users.read"`). A 429 names its reset
 * as UTC epoch seconds in `X-Rate-Limit-Reset`, never `Retry-After`. The wait is the reset less the answer's
 * own `Date`, as Okta's SDKs compute it, so a client clock that is off does not stretch or skip it; without
 * a `Date` the reset is handed over as a time, which the engine compares with its clock.
 */
import { ConnectorHttpError } from '../../c1z/contract/index.js';

interface OktaErrorBody {
  errorCode?: string;
  errorSummary?: string;
  errorCauses?: Array<{ errorSummary?: string }>;
}

/** A failed Okta call; `errorCode` (`E0000011`...) or the OAuth error (`insufficient_scope`...) when named. */
export class OktaHttpError extends ConnectorHttpError {
  constructor(
    status: number,
    readonly errorCode: string | undefined,
    message: string,
    wait: RateLimitWait = {},
  ) {
    super(status, { message, ...wait });
    this.name = 'OktaHttpError';
  }
}

/** `X-Rate-Limit-Reset` as a time; a header sent twice (`a, b`) or not a number is no reset. */
export function rateLimitReset(value: string | null): Date | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return new Date(Number(value) * 1000);
}

export interface RateLimitWait {
  retryAfterSeconds?: number;
  resetAt?: Date;
}

/** How long a 429 asks to wait: until `X-Rate-Limit-Reset`, measured on the server's `Date`. */
function rateLimitWait(headers: Headers): RateLimitWait {
  const resetAt = rateLimitReset(headers.get('x-rate-limit-reset'));
  if (!resetAt) return {};
  const date = Date.parse(headers.get('date') ?? '');
  if (Number.isNaN(date)) return { resetAt };
  return { retryAfterSeconds: Math.max(0, Math.ceil((resetAt.getTime() - date) / 1000)), resetAt };
}

/** The parameters of a `WWW-Authenticate` challenge: `Bearer a="x", b="y"` → {a: x, b: y}. */
export function challengeParams(value: string | null): Record<string, string> {
  const params: Record<string, string> = {};
  if (!value) return params;
  for (const m of value.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) params[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return params;
}

/** The error for a non-2xx answer to `where` (`GET /api/v1/users`), read from Okta's body or challenge. */
export function oktaHttpError(where: string, status: number, headers: Headers, text: string): OktaHttpError {
  const reset = status === 429 ? rateLimitWait(headers) : {};
  const body = parseBody(text);
  if (body?.errorCode || body?.errorSummary) {
    const causes = (body.errorCauses ?? []).map((c) => c.errorSummary).filter((s): s is string => typeof s === 'string' && s !== '');
    const detail = [body.errorCode, body.errorSummary, ...causes].filter(Boolean).join(': ');
    return new OktaHttpError(status, body.errorCode, `${where}: ${status}: ${detail}`, reset);
  }
  const challenge = challengeParams(headers.get('www-authenticate'));
  if (challenge.error) {
    const needs = challenge.scope ? ` (needs scope ${challenge.scope})` : '';
    const detail = [challenge.error, challenge.error_description].filter(Boolean).join(': ');
    return new OktaHttpError(status, challenge.error, `${where}: ${status}: ${detail}${needs}`, reset);
  }
  const raw = text.trim().slice(0, 200);
  return new OktaHttpError(status, undefined, `${where}: ${status}${raw ? `: ${raw}` : ''}`, reset);
}

function parseBody(text: string): OktaErrorBody | undefined {
  try {
    const json = JSON.parse(text) as unknown;
    return json && typeof json === 'object' ? (json as OktaErrorBody) : undefined;
  } catch {
    return undefined;
  }
}
