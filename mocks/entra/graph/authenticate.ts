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

export const tokenMessages = {
  empty: 'Access token is empty.',
  malformed: 'CompactToken parsing failed with error code: 80049217',
  expired: 'Lifetime validation failed, the token is expired.',
  notYetValid: 'Access token has expired or is not yet valid.',
  audience: 'Access token validation failure. Invalid audience.',
  issuer: 'Access token validation failure. Invalid issuer.',
  signature: 'Access token validation failure.',
};

export async function authenticate(env: EntraEnv, request: Request): Promise<AccessTokenClaims> {
  const header = request.headers.get('authorization') ?? '';
  const match = header.match(/^Bearer\s*(.*)$/i);
  const token = match?.[1]?.trim() ?? '';
  if (!token) throw unauthorized(env, tokenMessages.empty);
  if (token.split('.').length !== 3) throw unauthorized(env, tokenMessages.malformed);
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
  if (claims.tid !== env.app.tenantId) throw unauthorized(env, tokenMessages.issuer);
  if (env.secret.outlived(claims.iat)) throw unauthorized(env, tokenMessages.expired);
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

export function unauthorized(env: EntraEnv, message: string): GraphFailure {
  return new GraphFailure(401, 'InvalidAuthenticationToken', message, {
    'www-authenticate': `Bearer realm="", authorization_uri="${env.bases.login}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
  });
}
