/**
 * The login host on the wire: token endpoint errors with exact eSTS bodies, the metadata documents MSAL
 * fetches for a custom authority, and the consent redirects.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entraFixture } from '../mocks/entra/test-support/entra-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface StsBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

describe('token endpoint', () => {
  it('issues a bearer token with MSAL extra fields present', async () => {
    const f = entraFixture(server);
    const response = await f.requestToken({ 'x-client-SKU': 'msal.js.node', 'x-ms-lib-capability': 'retry-after, h429', 'client-request-id': 'abc' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'ext_expires_in', 'access_token']);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts the client secret in HTTP Basic auth', async () => {
    const f = entraFixture(server);
    const { clientId, clientSecret } = f.sim.credentials;
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    const response = await f.requestToken({ client_id: '', client_secret: '' }, { headers: { authorization: `Basic ${basic}` } });
    expect(response.status).toBe(200);
  });

  it('writes the full eSTS error body: codes, ids, timestamp and the description tail', async () => {
    const at = new Date('2030-06-01T12:34:56.789Z');
    const f = entraFixture(server, { clock: () => at });
    const response = await fetch(`${f.tokenUrl}?client-request-id=0f0f0f0f-1111-4222-8333-444455556666`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: f.sim.credentials.clientId,
        client_secret: 'wrong',
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as StsBody;
    expect(body.error).toBe('invalid_client');
    expect(body.error_codes).toEqual([7000215]);
    expect(body.timestamp).toBe('2030-06-01 12:34:56Z');
    expect(body.correlation_id).toBe('0f0f0f0f-1111-4222-8333-444455556666');
    expect(body.trace_id).toBe(response.headers.get('x-ms-request-id'));
    expect(body.error_uri).toBe('https://login.microsoftonline.com/error?code=7000215');
    expect(body.error_description).toBe(
      `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${f.sim.credentials.clientId}'.` +
        `\r\nTrace ID: ${body.trace_id}\r\nCorrelation ID: ${body.correlation_id}\r\nTimestamp: 2030-06-01 12:34:56Z`,
    );
  });

  it.each([
    ['unknown tenant', { tenant: '11111111-2222-4333-8444-555555555555' }, 400, 'invalid_request', 90002],
    ['unknown client id', { client_id: '99999999-2222-4333-8444-555555555555' }, 400, 'unauthorized_client', 700016],
    ['scope without /.default', { scope: 'https://graph.microsoft.com/User.Read.All' }, 400, 'invalid_scope', 70011],
    ['no scope', { scope: '' }, 400, 'invalid_scope', 70011],
    ['no secret', { client_secret: '' }, 401, 'invalid_client', 7000218],
    ['wrong grant type', { grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
  ])('%s -> %i %s AADSTS%i', async (_name, change, status, error, code) => {
    const f = entraFixture(server);
    const { tenant, ...fields } = change as Record<string, string>;
    const response = tenant
      ? await fetch(f.tokenUrl.replace(f.sim.credentials.tenantId, tenant), {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: f.sim.credentials.clientId,
            client_secret: f.sim.credentials.clientSecret,
            scope: 'https://graph.microsoft.com/.default',
          }),
        })
      : await f.requestToken(fields);
    expect(response.status).toBe(status);
    const body = (await response.json()) as StsBody;
    expect(body.error).toBe(error);
    expect(body.error_codes).toEqual([code]);
    expect(body.error_description.startsWith(`AADSTS${code}: `)).toBe(true);
  });

  it('answers an expired secret with AADSTS7000222 only for the right secret', async () => {
    const f = entraFixture(server, { faults: ['expired-secret'] });
    const expired = (await (await f.requestToken()).json()) as StsBody;
    expect(expired.error_codes).toEqual([7000222]);
    expect(expired.error_description).toContain(
      `The provided client secret keys for app '${f.sim.credentials.clientId}' are expired. Visit the Azure portal to create new keys for your app`,
    );
    const wrong = (await (await f.requestToken({ client_secret: 'nope' })).json()) as StsBody;
    expect(wrong.error_codes).toEqual([7000215]);
  });

  it.each([
    ['revoked-credential', 7000215],
    ['revoked-credential:reason=app-disabled', 7000112],
    ['revoked-credential:reason=app-deleted', 700016],
  ])('%s -> AADSTS%i', async (fault, code) => {
    const f = entraFixture(server, { faults: [fault] });
    const body = (await (await f.requestToken()).json()) as StsBody;
    expect(body.error_codes).toEqual([code]);
    expect(f.ctx.journal.query({ route: 'entra.token' })[0]!.fault).toBe(fault);
  });

  it('throttles in the STS dialect with Retry-After', async () => {
    const f = entraFixture(server, { faults: ['throttle:route=entra.token,retry-after=7'] });
    const response = await f.requestToken();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(((await response.json()) as StsBody).error_codes).toEqual([90055]);
  });
});

describe('metadata for a custom authority host', () => {
  it('serves the OpenID configuration on the login base', async () => {
    const f = entraFixture(server, { sim: { bases: { login: 'https://login.sim.test', graph: 'https://graph.sim.test' } } });
    const response = await fetch(`https://login.sim.test/${f.sim.credentials.tenantId}/v2.0/.well-known/openid-configuration`);
    const doc = (await response.json()) as Record<string, string>;
    expect(doc.token_endpoint).toBe(`https://login.sim.test/${f.sim.credentials.tenantId}/oauth2/v2.0/token`);
    expect(doc.issuer).toBe(`https://login.sim.test/${f.sim.credentials.tenantId}/v2.0`);
    expect(doc.msgraph_host).toBe('graph.sim.test');
    const keys = (await (await fetch(doc.jwks_uri!)).json()) as { keys: Array<Record<string, string>> };
    expect(keys.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
  });

  it('answers instance discovery with the asked host as its own alias', async () => {
    entraFixture(server, { sim: { bases: { login: 'https://login.sim.test', graph: 'https://graph.sim.test' } } });
    const url = `https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://login.sim.test/contoso.test/oauth2/v2.0/authorize')}`;
    const doc = (await (await fetch(url)).json()) as { tenant_discovery_endpoint: string; metadata: Array<{ aliases: string[] }> };
    expect(doc.tenant_discovery_endpoint).toBe('https://login.sim.test/contoso.test/v2.0/.well-known/openid-configuration');
    expect(doc.metadata[0]!.aliases).toEqual(['login.sim.test']);
  });

  it('refuses the OpenID configuration of an unknown tenant with AADSTS90002', async () => {
    entraFixture(server);
    const response = await fetch('https://login.microsoftonline.com/nowhere.test/v2.0/.well-known/openid-configuration');
    expect(response.status).toBe(400);
    expect(((await response.json()) as StsBody).error_codes).toEqual([90002]);
  });
});

describe('consent endpoints', () => {
  const redirect = 'https://app.example/callback';

  async function location(url: string): Promise<URL> {
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location')!);
  }

  it('adminconsent redirects with the declined error (65004, subcode cancel) and the state', async () => {
    const f = entraFixture(server);
    const to = await location(
      `https://login.microsoftonline.com/${f.sim.credentials.tenantId}/adminconsent?client_id=${f.sim.credentials.clientId}&redirect_uri=${encodeURIComponent(redirect)}&state=s1`,
    );
    expect(`${to.origin}${to.pathname}`).toBe(redirect);
    expect(to.searchParams.get('error')).toBe('access_denied');
    expect(to.searchParams.get('error_subcode')).toBe('cancel');
    expect(to.searchParams.get('error_description')).toMatch(/^AADSTS65004: User declined to consent to access the app\.\r\nTrace ID: /);
    expect(to.searchParams.get('state')).toBe('s1');
  });

  it.each([
    ['prompt=none', 'consent_required', 65001],
    ['prompt=consent', 'access_denied', 65004],
    ['prompt=login', 'access_denied', 90094],
  ])('authorize with %s redirects with %s AADSTS%i', async (prompt, error, code) => {
    const f = entraFixture(server);
    const to = await location(
      `https://login.microsoftonline.com/${f.sim.app.domain}/oauth2/v2.0/authorize?client_id=${f.sim.credentials.clientId}&response_type=code&redirect_uri=${encodeURIComponent(redirect)}&scope=User.Read.All&${prompt}`,
    );
    expect(to.searchParams.get('error')).toBe(error);
    expect(to.searchParams.get('error_description')!.startsWith(`AADSTS${code}: `)).toBe(true);
  });

  it('shows an error page, not a redirect, for an unknown app', async () => {
    const f = entraFixture(server);
    const response = await fetch(
      `https://login.microsoftonline.com/${f.sim.credentials.tenantId}/adminconsent?client_id=nobody&redirect_uri=${encodeURIComponent(redirect)}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('AADSTS700016');
  });
});
