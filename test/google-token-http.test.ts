/**
 * The Google OAuth token endpoint on the wire: the JWT-bearer grant's checks, in order, and the exact
 * `{"error","error_description"}` answers google-auth-library turns into `<error>: <description>`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { googleFixture, JWT_BEARER } from '../mocks/google/test-support/google-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const CLOCK_ERROR =
  'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';
const UNAUTHORIZED_CLIENT =
  'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.';

async function oauthError(response: Response): Promise<{ status: number; error: string; description: string }> {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await response.json()) as { error: string; error_description: string };
  expect(Object.keys(body).sort()).toEqual(['error', 'error_description']);
  return { status: response.status, error: body.error, description: body.error_description };
}

describe('token endpoint: success', () => {
  it('issues an opaque ya29 token for an hour, not cacheable', async () => {
    const f = googleFixture(server);
    const response = await f.exchange();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, max-age=0, must-revalidate');
    expect(Math.abs(Date.parse(response.headers.get('date')!) - Date.now())).toBeLessThan(5_000);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
    expect(body.access_token).toMatch(/^ya29\.c\.[A-Za-z0-9_-]{100,}$/);
    expect(f.ctx.journal.query({ route: 'google.token', status: 200 })).toHaveLength(1);
  });

  it('accepts kid and typ in the header as well as the bare {"alg":"RS256"}', async () => {
    const f = googleFixture(server);
    expect((await f.exchange({}, { header: { kid: f.key.private_key_id, typ: 'JWT' } })).status).toBe(200);
    expect((await f.exchange()).status).toBe(200);
  });

  it('accepts the key file token_uri and Google URL as audience, and names the token_uri otherwise', async () => {
    const f = googleFixture(server, { sim: { bases: { oauth: 'https://oauth.sim.test', admin: 'https://admin.sim.test' } } });
    expect(f.key.token_uri).toBe('https://oauth.sim.test/token');
    expect((await f.exchange({ aud: 'https://oauth.sim.test/token' })).status).toBe(200);
    expect((await f.exchange({ aud: 'https://oauth2.googleapis.com/token' })).status).toBe(200);
    expect(await oauthError(await f.exchange({ aud: 'https://accounts.google.com/o/oauth2/token' }))).toEqual({
      status: 400,
      error: 'invalid_grant',
      description: 'Invalid JWT: Failed audience check. The right audience is https://oauth.sim.test/token',
    });
  });

  it('issues a token without a subject for the service account itself, which the API then refuses', async () => {
    const f = googleFixture(server);
    const token = await f.token({ sub: undefined });
    const { status, body } = await f.json('/users?customer=my_customer', { bearer: token });
    expect(status).toBe(403);
    expect((body.error as { errors: Array<{ reason: string }> }).errors[0]!.reason).toBe('forbidden');
  });
});

describe('token endpoint: refusals', () => {
  it('wants the jwt-bearer grant and an assertion', async () => {
    const f = googleFixture(server);
    expect(await oauthError(await f.requestToken({ grant_type: 'client_credentials' }))).toEqual({
      status: 400,
      error: 'unsupported_grant_type',
      description: 'Invalid grant_type: client_credentials',
    });
    expect(await oauthError(await f.requestToken({ grant_type: JWT_BEARER }))).toMatchObject({ status: 400, error: 'invalid_request' });
    expect(await oauthError(await f.requestToken({ grant_type: JWT_BEARER, assertion: 'not.a-jwt' }))).toMatchObject({
      status: 400,
      error: 'invalid_request',
    });
  });

  it('names an unknown service account, then a foreign key', async () => {
    const f = googleFixture(server);
    expect(await oauthError(await f.exchange({ iss: 'someone@other-project.iam.gserviceaccount.com' }))).toEqual({
      status: 400,
      error: 'invalid_grant',
      description: 'Invalid grant: account not found',
    });
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(await oauthError(await f.exchange({}, { privateKey: other.privateKey }))).toEqual({
      status: 400,
      error: 'invalid_grant',
      description: 'Invalid JWT Signature.',
    });
  });

  it('refuses assertions living over an hour, from the future or already expired, by the simulation clock', async () => {
    let now = new Date('2030-06-01T12:00:00Z');
    const f = googleFixture(server, { clock: () => now });
    const t = Math.floor(now.getTime() / 1000);
    expect((await f.exchange({ iat: t, exp: t + 3600 })).status).toBe(200);
    // A little skew is tolerated.
    expect((await f.exchange({ iat: t + 120, exp: t + 3000 })).status).toBe(200);
    for (const claims of [
      { iat: t, exp: t + 3601 },
      { iat: t + 600, exp: t + 1200 },
      { iat: t - 4000, exp: t - 400 },
      { iat: t, exp: t },
    ]) {
      expect(await oauthError(await f.exchange(claims)), JSON.stringify(claims)).toEqual({
        status: 400,
        error: 'invalid_grant',
        description: CLOCK_ERROR,
      });
    }
    const signed = await f.assertion({ iat: t, exp: t + 3600 });
    now = new Date('2030-06-01T14:00:00Z');
    expect((await oauthError(await f.requestToken({ grant_type: JWT_BEARER, assertion: signed }))).description).toBe(CLOCK_ERROR);
  });

  it('wants a scope', async () => {
    const f = googleFixture(server);
    expect(await oauthError(await f.exchange({ scope: undefined }))).toEqual({
      status: 400,
      error: 'invalid_scope',
      description: 'Invalid OAuth scope or ID token audience provided.',
    });
  });

  it('answers 401 unauthorized_client for a scope outside the delegation grant, or no delegation at all', async () => {
    const f = googleFixture(server, { sim: { grantedScopes: ['admin.directory.user.readonly'] } });
    expect((await f.exchange({ scope: 'https://www.googleapis.com/auth/admin.directory.user.readonly' })).status).toBe(200);
    expect(
      await oauthError(
        await f.exchange({
          scope: 'https://www.googleapis.com/auth/admin.directory.user.readonly https://www.googleapis.com/auth/admin.directory.group.readonly',
        }),
      ),
    ).toEqual({
      status: 401,
      error: 'unauthorized_client',
      description: UNAUTHORIZED_CLIENT,
    });
    const off = googleFixture(server, { sim: { domainWideDelegation: false } });
    expect(await oauthError(await off.exchange())).toMatchObject({ status: 401, error: 'unauthorized_client' });
  });

  it('refuses a subject that is not a user of the domain', async () => {
    const f = googleFixture(server);
    expect(await oauthError(await f.exchange({ sub: 'nobody@contoso.test' }))).toEqual({
      status: 400,
      error: 'invalid_grant',
      description: 'Invalid email or User ID',
    });
    // The Entra form of a guest's name is no Google address.
    const guest = Array.from({ length: 30 }, (_, i) => f.tenant.user(i + 1)!).find((u) => u.kind === 'guest')!;
    expect((await oauthError(await f.exchange({ sub: guest.userPrincipalName }))).description).toBe('Invalid email or User ID');
  });
});

describe('token endpoint: faults', () => {
  it('partial-consent drops a scope from the delegation grant', async () => {
    const spec = 'partial-consent:route=google.token,missing=admin.directory.user.readonly,count=1';
    const f = googleFixture(server, { faults: [spec] });
    expect(await oauthError(await f.exchange())).toMatchObject({ status: 401, error: 'unauthorized_client' });
    expect((await f.exchange()).status).toBe(200);
    expect(f.ctx.journal.query({ route: 'google.token' }).map((e) => [e.status, e.fault])).toEqual([
      [401, spec],
      [200, undefined],
    ]);
  });

  it('revoked-credential from the 2nd request on: the key is gone, issued tokens live on', async () => {
    const f = googleFixture(server, { faults: ['revoked-credential:route=google.token,from=2'] });
    const token = await f.token();
    expect(await oauthError(await f.exchange())).toEqual({ status: 400, error: 'invalid_grant', description: 'Invalid JWT Signature.' });
    expect((await f.call('/users?customer=my_customer', { bearer: token })).status).toBe(200);
  });

  it('throttle and server-error answer in OAuth JSON', async () => {
    const f = googleFixture(server, { faults: ['throttle:route=google.token,count=1', 'server-error:route=google.token,count=1,status=503'] });
    expect(await oauthError(await f.exchange())).toMatchObject({ status: 429, error: 'rate_limit_exceeded' });
    expect(await oauthError(await f.exchange())).toMatchObject({ status: 503 });
    expect((await f.exchange()).status).toBe(200);
  });

  it('never journals the assertion or the key', async () => {
    const f = googleFixture(server);
    await f.exchange();
    const lines = f.ctx.journal.toJsonLines();
    expect(lines).not.toContain('eyJ');
    expect(lines).not.toContain('PRIVATE KEY');
  });
});
