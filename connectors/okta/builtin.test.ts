import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtin } from './builtin.js';
import type { OktaConnector } from './connector.js';

const ORG = 'https://acme.okta.com';

describe('builtin:okta', () => {
  it('signs in with the service app when the credentials hold its key, else with the SSWS token', async () => {
    const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      seen.push(`${String(input)} ${new Headers(init?.headers).get('authorization') ?? ''}`);
      return new Response(String(input).endsWith('/token') ? '{"access_token":"at","expires_in":3600}' : '[]', {
        headers: { 'content-type': 'application/json' },
      });
    };
    const oauth = builtin.create(
      { orgUrl: ORG, credentials: { token: 'tok', clientId: '0oa1', privateKey, keyId: 'k' } },
      { fetch },
    ) as OktaConnector;
    await oauth.syncers.group!.list(undefined, '');
    const ssws = builtin.create({ orgUrl: ORG, token: 'tok' }, { fetch }) as OktaConnector;
    await ssws.syncers.group!.list(undefined, '');
    expect(seen).toEqual([`${ORG}/oauth2/v1/token `, `${ORG}/api/v1/groups?limit=200 Bearer at`, `${ORG}/api/v1/groups?limit=200 SSWS tok`]);
  });

  it('refuses credentials it cannot use before any request, naming the field', () => {
    expect(() => builtin.create({ credentials: { token: 't' } }, {})).toThrow('okta credentials: orgUrl is missing');
    expect(() => builtin.create({ orgUrl: ORG, credentials: {} }, {})).toThrow(/give either token .* or clientId and privateKey/);
    expect(() => builtin.create({ orgUrl: ORG, privateKey: 'x', clientId: '0oa1' }, {})).toThrow(/privateKey is not a private key/);
    expect(() => builtin.create({ orgUrl: ORG, token: 't' }, { variant: 'nope' })).toThrow(
      'builtin:okta has no variant "nope" (known: ignores-retry-after, first-page-only)',
    );
  });
});
