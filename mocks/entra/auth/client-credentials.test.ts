import { describe, expect, it } from 'vitest';
import { readTokenRequest } from './client-credentials.js';

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('https://login.microsoftonline.com/t/oauth2/v2.0/token', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

describe('token request parsing', () => {
  it('reads the form fields and ignores MSAL extras', async () => {
    const body =
      'grant_type=client_credentials&client_id=c1&client_secret=s%2B1&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&x-client-SKU=msal.js.node&client-request-id=r';
    expect(await readTokenRequest(post(body))).toEqual({
      grantType: 'client_credentials',
      clientId: 'c1',
      clientSecret: 's+1',
      clientAssertion: undefined,
      scope: 'https://graph.microsoft.com/.default',
    });
  });

  it('takes the client id and secret from HTTP Basic auth, form-decoded', async () => {
    const basic = Buffer.from('c%3A1:p%40ss+word').toString('base64');
    const parsed = await readTokenRequest(post('grant_type=client_credentials', { authorization: `Basic ${basic}` }));
    expect(parsed.clientId).toBe('c:1');
    expect(parsed.clientSecret).toBe('p@ss word');
  });

  it('prefers form fields over Basic auth', async () => {
    const basic = Buffer.from('other:secret').toString('base64');
    expect((await readTokenRequest(post('client_id=form', { authorization: `Basic ${basic}` }))).clientId).toBe('form');
  });
});
