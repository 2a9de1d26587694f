/**
 * The `private_key_jwt` client assertion a service app signs (REFERENCE §8 [D O4O-SVC]): `alg` one of
 * RS256/384/512 or ES256/384/512, `kid` (when given) the registered key's, `iss` = `sub` = client id, `aud`
 * the full token URL, `exp` in the future and at most an hour ahead, `jti` not used before (replay). Checked
 * in that order; the first failure answers.
 */
import type { KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { TokenFailure, tokenErrors } from './oauth-errors.js';

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
const MAX_LIFETIME_SECONDS = 3600;
/** Clock skew allowed on `exp` and `iat` [U]. */
const SKEW_SECONDS = 60;

export interface AssertionCheck {
  clientId: string;
  keyId: string;
  publicKey: KeyObject;
  audience: string;
  /** Seconds since the epoch, simulation clock. */
  now: number;
  /** Records a `jti` until `exp`; false when it was seen before. */
  useJti(jti: string, exp: number): boolean;
}

export async function verifyClientAssertion(assertion: string, check: AssertionCheck): Promise<void> {
  const fail = (err: ReturnType<(typeof tokenErrors)[keyof typeof tokenErrors]>) => new TokenFailure(err);
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(assertion) as Record<string, unknown>;
    claims = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    if (!claims || typeof claims !== 'object') throw new Error('not an object');
  } catch {
    throw fail(tokenErrors.malformed());
  }
  if (claims.iss !== check.clientId || claims.sub !== check.clientId) throw fail(tokenErrors.unknownClient());
  if (header.kid !== undefined && header.kid !== check.keyId) throw fail(tokenErrors.badKid());
  try {
    await compactVerify(assertion, check.publicKey, { algorithms: ALGORITHMS });
  } catch {
    throw fail(tokenErrors.badSignature());
  }
  if (claims.aud !== check.audience) throw fail(tokenErrors.badAudience());
  const exp = claims.exp;
  if (typeof exp !== 'number' || exp + SKEW_SECONDS <= check.now) throw fail(tokenErrors.expired());
  if (exp - check.now > MAX_LIFETIME_SECONDS + SKEW_SECONDS) throw fail(tokenErrors.tooLong());
  if (typeof claims.jti === 'string' && !check.useJti(claims.jti, exp)) throw fail(tokenErrors.replayed());
}
