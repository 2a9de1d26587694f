/**
 * The Entra simulator served on a real loopback socket (as `sync-harness serve --provider entra` does):
 * one base URL for both hosts, and every link it writes points back at that base.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../mocks/core/context.js';
import { entraProvider } from '../mocks/entra/index.js';
import { serveLoopback, type LoopbackServer } from '../mocks/serve/loopback.js';
import { createTenant } from '../mocks/tenant/store.js';

describe('Entra simulator on loopback', () => {
  let served: LoopbackServer | undefined;
  afterEach(async () => served?.close());

  it('issues a token and pages users with next links on the served base', async () => {
    const ctx = createContext({ tenant: createTenant({ users: 12 }), seed: 4 });
    let credentials: Record<string, unknown> = {};
    served = await serveLoopback({
      ctx,
      handlers: async (baseUrl) => {
        const provider = await entraProvider(ctx, baseUrl);
        credentials = provider.credentials;
        return provider.handlers;
      },
    });
    const base = served.baseUrl;
    expect(credentials.authority).toBe(`${base}/${credentials.tenantId as string}`);
    const tokenResponse = await fetch(`${credentials.authority as string}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credentials.clientId as string,
        client_secret: credentials.clientSecret as string,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    expect(tokenResponse.status).toBe(200);
    expect(tokenResponse.headers.get('date')).toBeTruthy();
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

    const seen: string[] = [];
    let url: string | undefined = `${base}/v1.0/users?$top=5&$select=id`;
    while (url) {
      expect(url.startsWith(`${base}/v1.0/users?`)).toBe(true);
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { value: Array<{ id: string }>; '@odata.nextLink'?: string; '@odata.context': string };
      expect(body['@odata.context']).toBe(`${base}/v1.0/$metadata#users(id)`);
      seen.push(...body.value.map((u) => u.id));
      url = body['@odata.nextLink'];
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(ctx.journal.query({ route: 'graph.users.list' })).toHaveLength(3);
  });
});
