import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify, exportSPKI } from 'jose';
import { describe, expect, it } from 'vitest';
import { ASSERTION_LIFETIME_S, assertionKey, clientAssertion } from './client-assertion.js';

const TOKEN_URL = 'https://acme.okta.com/oauth2/v1/token';
const NOW = new Date('2026-05-01T12:00:00Z');

describe('clientAssertion', () => {
  it('signs RS256 with a PEM key: iss = sub = client id, aud the token URL, five minutes, a fresh jti', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signer = assertionKey(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'kid-1');
    const jwt = clientAssertion(signer, '0oa1client', TOKEN_URL, NOW);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'kid-1' });
    const key = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }) as string, 'RS256');
    const { payload } = await jwtVerify(jwt, key, { issuer: '0oa1client', subject: '0oa1client', audience: TOKEN_URL, currentDate: NOW });
    expect(payload.exp! - payload.iat!).toBe(ASSERTION_LIFETIME_S);
    expect(payload.iat).toBe(NOW.getTime() / 1000);
    expect(clientAssertion(signer, '0oa1client', TOKEN_URL, NOW)).not.toBe(jwt);
  });

  it('signs ES256 with a JWK key, taking its kid, in JOSE (r||s) form', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'ec-key' };
    const jwt = clientAssertion(assertionKey(jwk), 'app', TOKEN_URL, NOW);
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'ES256', kid: 'ec-key' });
    const key = await importSPKI(await exportSPKI(publicKey), 'ES256');
    await expect(jwtVerify(jwt, key, { currentDate: NOW })).resolves.toBeDefined();
  });

  it('says which field is wrong when the key does not parse', () => {
    expect(() => assertionKey('not a pem')).toThrow(/^okta credentials: privateKey is not a private key in PEM \(PKCS#8 or PKCS#1\) or JWK form \(/);
    expect(() => assertionKey({ kty: 'RSA' })).toThrow(/privateKey is not a private key/);
  });

  it('refuses a key Okta cannot verify here', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    expect(() => assertionKey(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)).toThrow(/ed25519; use an RSA or P-256 key/);
  });
});
