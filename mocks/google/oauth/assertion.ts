/**
 * The JWT-bearer assertion a service account signs (RFC 7523), checked the way Google's token endpoint
 * is reported to check it: the account named by `iss`, then the signature against that account's key,
 * then the audience, then the lifetime. The header is only required to say RS256: gtoken sends exactly
 * `{"alg":"RS256"}`, other clients add `kid` and `typ`, and Google accepts both (reference G8).
 */
import type { KeyObject } from 'node:crypto';
import { compactVerify } from 'jose';
import { parseScopeClaim } from '../scopes.js';
import { OAuthFailure, oauthErrors } from './oauth-errors.js';

/** How far `iat` may be ahead of the server's clock. */
const FUTURE_SKEW_SECONDS = 300;
/** Google's limit: tokens asked for with an assertion living longer than an hour are refused. */
const MAX_LIFETIME_SECONDS = 3600;

export interface AssertionClaims {
  iss: string;
  /** The user impersonated through domain-wide delegation; absent for the service account itself. */
  sub?: string;
  scopes: string[];
  iat: number;
  exp: number;
}

export interface AssertionCheck {
  publicKey: KeyObject;
  clientEmail: string;
  /** Accepted `aud` values; the first is named in the error. */
  audiences: readonly string[];
  /** Seconds since the epoch, simulation clock. */
  now: number;
}

export async function verifyAssertion(assertion: string, check: AssertionCheck): Promise<AssertionClaims> {
  const payload = decodePayload(assertion);
  if (payload.iss !== check.clientEmail) throw new OAuthFailure(oauthErrors.accountNotFound());
  try {
    await compactVerify(assertion, check.publicKey, { algorithms: ['RS256'] });
  } catch {
    throw new OAuthFailure(oauthErrors.invalidSignature());
  }
  if (typeof payload.aud !== 'string' || !check.audiences.includes(payload.aud)) throw new OAuthFailure(oauthErrors.badAudience(check.audiences[0]!));
  const { iat, exp } = payload;
  if (
    typeof iat !== 'number' ||
    typeof exp !== 'number' ||
    exp <= iat ||
    exp - iat > MAX_LIFETIME_SECONDS ||
    iat > check.now + FUTURE_SKEW_SECONDS ||
    exp <= check.now
  ) {
    throw new OAuthFailure(oauthErrors.badTimes());
  }
  const sub = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : undefined;
  return { iss: payload.iss, sub, scopes: parseScopeClaim(payload.scope), iat, exp };
}

/** The claims before any check, to find the account whose key must have signed them. */
function decodePayload(assertion: string): Record<string, unknown> {
  const parts = assertion.split('.');
  if (parts.length !== 3) throw new OAuthFailure(oauthErrors.malformedAssertion());
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (payload && typeof payload === 'object' && !Array.isArray(payload)) return payload as Record<string, unknown>;
  } catch {
    // falls through to the same answer as a non-object payload
  }
  throw new OAuthFailure(oauthErrors.malformedAssertion());
}
