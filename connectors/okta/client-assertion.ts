/**
 * The `private_key_jwt` client assertion of an Okta OAuth service app (REFERENCE.md §8): a JWT signed with
 * the app's private key, `iss` = `sub` = the client id, `aud` the full token URL, a short `exp` (Okta takes
 * at most an hour), a fresh `jti` so a replayed assertion is refused. Signed with node:crypto: RS256 for an
 * RSA key, ES256 for a P-256 key, the key given as PEM or as the JWK the admin console downloads.
 */
import { createPrivateKey, createSign, randomUUID, type KeyObject } from 'node:crypto';

/** Okta refuses assertions that live longer than an hour; five minutes is what its SDKs use. */
export const ASSERTION_LIFETIME_S = 300;

export interface AssertionKey {
  key: KeyObject;
  alg: 'RS256' | 'ES256';
  kid?: string;
}

/** The signing key from a PEM string or a private JWK object; its `kid` comes from the JWK or `keyId`. */
export function assertionKey(privateKey: string | Record<string, unknown>, keyId?: string): AssertionKey {
  let key: KeyObject;
  try {
    key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : createPrivateKey({ key: privateKey as never, format: 'jwk' });
  } catch (error) {
    // OpenSSL's own words ("DECODER routines::unsupported") say nothing about which field is wrong.
    throw new TypeError(`okta credentials: privateKey is not a private key in PEM (PKCS#8 or PKCS#1) or JWK form (${(error as Error).message})`);
  }
  const kid = keyId ?? (typeof privateKey === 'object' && typeof privateKey.kid === 'string' ? privateKey.kid : undefined);
  if (key.asymmetricKeyType === 'rsa') return { key, alg: 'RS256', ...(kid ? { kid } : {}) };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { key, alg: 'ES256', ...(kid ? { kid } : {}) };
  const kind = [key.asymmetricKeyType, key.asymmetricKeyDetails?.namedCurve].filter(Boolean).join(' ');
  throw new TypeError(`okta credentials: the private key is ${kind}; use an RSA or P-256 key`);
}

/** A signed assertion for `clientId` at `tokenUrl`, issued at `now`. */
export function clientAssertion(signer: AssertionKey, clientId: string, tokenUrl: string, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  const header = { alg: signer.alg, typ: 'JWT', ...(signer.kid ? { kid: signer.kid } : {}) };
  const claims = { iss: clientId, sub: clientId, aud: tokenUrl, iat, exp: iat + ASSERTION_LIFETIME_S, jti: randomUUID() };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  // JWS wants ECDSA signatures as r||s, not DER.
  const signature = createSign('SHA256')
    .update(input)
    .sign(signer.alg === 'ES256' ? { key: signer.key, dsaEncoding: 'ieee-p1363' } : signer.key);
  return `${input}.${signature.toString('base64url')}`;
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
