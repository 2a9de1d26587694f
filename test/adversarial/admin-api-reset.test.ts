/**
 * `POST /__harness/reset` on a served simulator: every route answers from the new tenant afterwards. The
 * loopback server used to keep the handlers built for the old tenant, so Graph's groups, directory roles
 * and service principals (which hold the tenant they were built with) answered 500 "The database
 * connection is not open" from the closed database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { serveProviders, type Serving } from '../../harness/serve/serve-providers.js';
import { createTenant } from '../../mocks/tenant/store.js';

interface EntraCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authority: string;
  graphBase: string;
}

async function token(c: EntraCredentials): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: c.clientId,
    client_secret: c.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
  const response = await fetch(`${c.authority}/oauth2/v2.0/token`, { method: 'POST', body });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function listings(c: EntraCredentials): Promise<Record<string, number | string>> {
  const bearer = await token(c);
  const out: Record<string, number | string> = {};
  for (const path of ['users', 'groups', 'directoryRoles', 'servicePrincipals']) {
    const response = await fetch(`${c.graphBase}/v1.0/${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    const body = (await response.json()) as { value?: unknown[]; error?: { message: string } };
    out[path] = response.status === 200 ? body.value!.length : `${response.status} ${body.error?.message ?? ''}`;
  }
  return out;
}

describe('admin API reset', () => {
  let serving: Serving | undefined;
  afterEach(async () => serving?.stop());

  it('every Graph listing answers from the new tenant after a reset', async () => {
    serving = await serveProviders({ providers: ['entra'], tenant: () => createTenant({ seed: 3, users: 7, groups: 4 }), seed: 3, faults: [] });
    const credentials = (serving.ready as { credentials: EntraCredentials }).credentials;
    const before = await listings(credentials);
    expect(before).toMatchObject({ users: 7, groups: 4 });
    const reset = await fetch(`${serving.address}/__harness/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await listings(credentials)).toEqual(before);
  });
});
