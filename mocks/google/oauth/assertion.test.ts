import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyAssertion, type AssertionCheck } from './assertion.js';
import { OAuthFailure } from './oauth-errors.js';

const mine = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const now = 1_900_000_000;
const check: AssertionCheck = {
  publicKey: mine.publicKey,
  clientEmail: 'sa@p.iam.gserviceaccount.com',
  audiences: ['https://oauth2.googleapis.com/token'],
  now,
};

const sign = (claims: JWTPayload, key = mine.privateKey) =>
  new SignJWT({ iss: check.clientEmail, aud: check.audiences[0], iat: now, exp: now + 3600, scope: 'a b', sub: 'admin@contoso.test', ...claims })
    .setProtectedHeader({ alg: 'RS256' })
    .sign(key);

async function reason(assertion: Promise<string>): Promise<string> {
  try {
    await verifyAssertion(await assertion, check);
  } catch (error) {
    if (error instanceof OAuthFailure) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('JWT-bearer assertion checks', () => {
  it('accepts a good assertion and reads its scopes and subject', async () => {
    expect(await verifyAssertion(await sign({}), check)).toEqual({
      iss: check.clientEmail,
      sub: 'admin@contoso.test',
      scopes: ['a', 'b'],
      iat: now,
      exp: now + 3600,
    });
  });

  it('checks the account before the signature, and the signature before the audience', async () => {
    expect(await reason(sign({ iss: 'x@y.iam.gserviceaccount.com', aud: 'wrong' }, other.privateKey))).toBe(
      'invalid_grant: Invalid grant: account not found',
    );
    expect(await reason(sign({ aud: 'wrong' }, other.privateKey))).toBe('invalid_grant: Invalid JWT Signature.');
    expect(await reason(sign({ aud: 'wrong' }))).toMatch(/^invalid_grant: Invalid JWT: Failed audience check/);
  });

  it('refuses other algorithms even with a valid-looking header', async () => {
    const hs = await new SignJWT({ iss: check.clientEmail }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    expect(await reason(Promise.resolve(hs))).toBe('invalid_grant: Invalid JWT Signature.');
  });

  it('needs numeric iat and exp an hour apart at most, around now', async () => {
    expect(await reason(sign({ iat: undefined }))).toMatch(/short-lived token/);
    expect(await reason(sign({ exp: now + 3601 }))).toMatch(/short-lived token/);
    expect(await reason(sign({ iat: now + 301, exp: now + 900 }))).toMatch(/short-lived token/);
    expect(await reason(sign({ iat: now + 299, exp: now + 900 }))).toBe('accepted');
  });
});
