/**
 * The simulator's token signing key: one RSA pair per simulator, so tokens from another run (or a
 * hand-made JWT) fail signature validation the way a foreign token fails at Graph. Generated lazily:
 * building the handlers stays synchronous and cheap.
 */
import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Key id, as in the `kid` (and `x5t`) header of real Entra tokens. */
  kid: string;
  /** The public key as published at `discovery/v2.0/keys`. */
  jwk: JWK;
}

export function lazySigningKeys(seed: number): () => Promise<SigningKeys> {
  let keys: Promise<SigningKeys> | undefined;
  return () => (keys ??= create(seed));
}

async function create(seed: number): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = createHash('sha256').update(`sync-harness:${seed}:entra:kid`).digest('base64url').slice(0, 27);
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', x5t: kid };
  return { privateKey, publicKey, kid, jwk };
}
