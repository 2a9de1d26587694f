/**
 * Bearer validation in front of every Graph call: the JWT must be signed by this simulator's key, meant
 * for Graph, for this tenant, and alive by the simulation clock (with Graph's 5-minute skew allowance).
 * Failures are 401 InvalidAuthenticationToken with the messages Graph uses and its WWW-Authenticate header.
 */
import { errors, jwtVerify } from 'jose';
import { GRAPH_APP_ID, GRAPH_RESOURCE, type AccessTokenClaims } from '../auth/access-token.js';
import type { EntraEnv } from '../env.js';
import { GraphFailure } from './errors.js';

const CLOCK_SKEW_SECONDS = 300;

const tokenMessages = {
  empty: 'Access token is empty.',
  malformed: 'CompactToken parsing failed with error code: 80049217',
  expired: 'Lifetime validation failed, the token is expired.',
  notYetValid: 'Access token has expired or is not yet valid.',
  audience: 'Access token validation failure. Invalid audience.',
  issuer: 'Access token validation failure. Invalid issuer.',
  signature: 'Access token validation failure.',
};

/**
 * Tokens whose signature already checked out, per simulator. A connector sends the same token on every
 * call for an hour; verifying RSA each time cost most of a loopback request. Lifetime is still judged on
 * every call, against the simulation clock.
 */
const verifiedTokens = new WeakMap<EntraEnv, Map<string, AccessTokenClaims>>();
const VERIFIED_TOKENS_KEPT = 1000;

export async function authenticate(env: EntraEnv, request: Request): Promise<AccessTokenClaims> {
  const header = request.headers.get('authorization') ?? '';
  const match = header.match(/^Bearer\s*(.*)$/i);
  const token = match?.[1]?.trim() ?? '';
  if (!token) throw unauthorized(env, tokenMessages.empty);
  if (token.split('.').length !== 3) throw unauthorized(env, tokenMessages.malformed);
  let known = verifiedTokens.get(env);
  if (!known) verifiedTokens.set(env, (known = new Map()));
  const cached = known.get(token);
  const claims = cached ? checkLifetime(env, cached) : await verify(env, token);
  if (!cached) {
    if (known.size >= VERIFIED_TOKENS_KEPT) known.delete(known.keys().next().value as string);
    known.set(token, claims);
  }
  if (claims.tid !== env.app.tenantId) throw unauthorized(env, tokenMessages.issuer);
  if (env.secret.outlived(claims.iat)) throw unauthorized(env, tokenMessages.expired);
  return claims;
}

/** The time checks jwtVerify makes, for a token whose signature and audience were verified before. */
function checkLifetime(env: EntraEnv, claims: AccessTokenClaims): AccessTokenClaims {
  const now = Math.floor(env.ctx.clock().getTime() / 1000);
  if (typeof claims.exp === 'number' && now >= claims.exp + CLOCK_SKEW_SECONDS) throw unauthorized(env, tokenMessages.expired);
  if (typeof claims.nbf === 'number' && now + CLOCK_SKEW_SECONDS < claims.nbf) throw unauthorized(env, tokenMessages.notYetValid);
  return claims;
}

async function verify(env: EntraEnv, token: string): Promise<AccessTokenClaims> {
  let claims: AccessTokenClaims;
  try {
    const { publicKey } = await env.keys();
    const verified = await jwtVerify(token, publicKey, {
      algorithms: ['RS256'],
      audience: [GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID],
      currentDate: env.ctx.clock(),
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    claims = verified.payload as unknown as AccessTokenClaims;
  } catch (error) {
    throw unauthorized(env, messageFor(error));
  }
  return claims;
}

function messageFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return tokenMessages.expired;
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return tokenMessages.audience;
    if (error.claim === 'nbf' || error.claim === 'iat') return tokenMessages.notYetValid;
    return tokenMessages.signature;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return tokenMessages.signature;
  return tokenMessages.malformed;
}

function unauthorized(env: EntraEnv, message: string): GraphFailure {
  return new GraphFailure(401, 'InvalidAuthenticationToken', message, {
    'www-authenticate': `Bearer realm="", authorization_uri="${env.bases.login}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
  });
}
