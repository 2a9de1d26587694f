/**
 * DPoP (RFC 9449) as an Okta service app that requires it checks it (REFERENCE §8; on by default for API
 * service apps since February 2024): a proof JWT in the `DPoP` header, `typ: dpop+jwt`, signed with the key
 * in its `jwk` header, claims `htm` and `htu` (the URL without query) of this request, `iat` recent and a
 * `jti`; at the token endpoint it must carry a `nonce` the server handed out (`use_dpop_nonce` with a
 * `DPoP-Nonce` header when it does not), and a resource call's proof carries `ath`, the SHA-256 of the
 * access token, signed by the key the token is bound to (its JWK thumbprint). Which checks Okta's resource
 * server makes, and its error wording, are [U]; the token endpoint's missing-proof text is [I okta-sdk-dotnet#697].
 */
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';

/** How far a proof's `iat` may be from the simulation clock [U]. */
const IAT_SKEW_SECONDS = 300;
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

export class DpopProblem extends Error {}

export interface ProofCheck {
  htm: string;
  /** The request URL without its query. */
  htu: string;
  /** Seconds since the epoch, simulation clock. */
  now: number;
  /** The access token the proof must be bound to (`ath`), at the API. */
  accessToken?: string;
}

export interface VerifiedProof {
  /** The JWK thumbprint (SHA-256) of the proof's key: what a DPoP token is bound to. */
  jkt: string;
  nonce?: string;
}

export async function verifyProof(proof: string | null, check: ProofCheck): Promise<VerifiedProof> {
  if (!proof) throw new DpopProblem('The DPoP proof JWT header is missing.');
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(proof) as Record<string, unknown>;
    if (header.typ !== 'dpop+jwt' || !header.jwk || typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg)) throw new Error('header');
    const key = await importJWK(header.jwk as JWK, header.alg);
    claims = JSON.parse(new TextDecoder().decode((await compactVerify(proof, key, { algorithms: ALGORITHMS })).payload)) as Record<string, unknown>;
  } catch {
    throw new DpopProblem('The DPoP proof JWT is invalid.');
  }
  if (claims.htm !== check.htm || claims.htu !== check.htu) throw new DpopProblem('The DPoP proof JWT htm or htu does not match the request.');
  if (typeof claims.iat !== 'number' || Math.abs(claims.iat - check.now) > IAT_SKEW_SECONDS || typeof claims.jti !== 'string') {
    throw new DpopProblem('The DPoP proof JWT iat or jti is invalid.');
  }
  if (check.accessToken !== undefined && claims.ath !== createHash('sha256').update(check.accessToken).digest('base64url')) {
    throw new DpopProblem('The DPoP proof JWT ath does not match the access token.');
  }
  const jkt = await calculateJwkThumbprint(header.jwk as JWK, 'sha256');
  return { jkt, ...(typeof claims.nonce === 'string' ? { nonce: claims.nonce } : {}) };
}
