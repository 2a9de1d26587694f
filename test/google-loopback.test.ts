/**
 * The Google simulator served on a real loopback socket (as `sync-harness serve --provider google`
 * does): one base URL for the token endpoint and the Directory API, the key file's token_uri pointing at
 * it, for clients outside this process (baton's Go connector sets its endpoint and token URL).
 */
import { importPKCS8, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../mocks/core/context.js';
import { googleProvider, type ServiceAccountKey } from '../mocks/google/index.js';
import { serveLoopback, type LoopbackServer } from '../mocks/serve/loopback.js';
import { loadProvider } from '../mocks/serve/provider-registry.js';
import { createTenant } from '../mocks/tenant/store.js';

describe('Google simulator on loopback', () => {
  let served: LoopbackServer | undefined;
  afterEach(async () => served?.close());

  it('is registered for serve, issues a token at token_uri and pages users on the served base', async () => {
    expect(await loadProvider('google')).toBe(googleProvider);
    const ctx = createContext({ tenant: createTenant({ users: 12, groups: 2 }), seed: 4 });
    let credentials: Record<string, unknown> = {};
    served = await serveLoopback({
      ctx,
      handlers: async (baseUrl) => {
        const provider = await googleProvider(ctx, baseUrl);
        credentials = provider.credentials;
        return provider.handlers;
      },
    });
    const base = served.baseUrl;
    const key = credentials.serviceAccountKey as ServiceAccountKey;
    expect(key.token_uri).toBe(`${base}/token`);
    expect(credentials.customerId).toMatch(/^C0[a-z0-9]{7}$/);
    const iat = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({
      iss: key.client_email,
      sub: credentials.adminEmail as string,
      scope: (credentials.scopes as string[]).join(' '),
      aud: key.token_uri,
      iat,
      exp: iat + 3600,
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.private_key_id, typ: 'JWT' })
      .sign(await importPKCS8(key.private_key, 'RS256'));
    const tokenResponse = await fetch(key.token_uri, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const response = await fetch(
        `${base}/admin/directory/v1/users?customer=${credentials.customerId as string}&maxResults=5${pageToken ? `&pageToken=${pageToken}` : ''}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { users: Array<{ id: string }>; nextPageToken?: string };
      seen.push(...body.users.map((u) => u.id));
      pageToken = body.nextPageToken;
    } while (pageToken);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => ctx.tenant.user(i + 1)!.googleId));
    expect(ctx.journal.query({ route: 'google.users.list' })).toHaveLength(3);
  });
});
