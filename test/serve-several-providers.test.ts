/**
 * `serve --provider entra,google,aws,scim`: one loopback port for all four, one ready line listing each
 * provider's credentials under `providers`, and each provider answering its own paths on that base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyLine, spawnCli, type Spawned } from './support/cli.js';

interface Ready {
  baseUrl: string;
  providers: Array<{ provider: string; baseUrl: string; credentials: Record<string, unknown> }>;
}

describe('serve with several providers', () => {
  let spawned: Spawned;
  let ready: Ready;

  beforeAll(async () => {
    spawned = spawnCli(['serve', '--provider', 'entra,google,aws,scim', '--users', '12', '--journal', '/dev/null']);
    ready = JSON.parse(await readyLine(spawned)) as Ready;
  });
  afterAll(() => {
    spawned.child.kill('SIGKILL');
  });

  it('prints one ready line with every provider on the same base', () => {
    expect(ready.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.providers.map((p) => p.provider)).toEqual(['entra', 'google', 'aws', 'scim']);
    for (const p of ready.providers) expect(p.baseUrl).toBe(ready.baseUrl);
    expect(Object.keys(ready.providers[0]!.credentials)).toEqual(expect.arrayContaining(['tenantId', 'clientId', 'clientSecret']));
    expect(Object.keys(ready.providers[1]!.credentials)).toEqual(expect.arrayContaining(['customerId', 'adminEmail', 'serviceAccountKey']));
    expect(Object.keys(ready.providers[2]!.credentials)).toEqual(expect.arrayContaining(['accessKeyId', 'secretAccessKey', 'accountId']));
    expect(Object.keys(ready.providers[3]!.credentials)).toEqual(expect.arrayContaining(['token', 'baseUrl']));
  });

  it('each provider answers its own paths, refusing requests without credentials in its own dialect', async () => {
    const graph = await fetch(`${ready.baseUrl}/v1.0/users`);
    expect(graph.status).toBe(401);
    expect(((await graph.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    const google = await fetch(`${ready.baseUrl}/admin/directory/v1/users?customer=my_customer`);
    expect(google.status).toBe(401);
    expect(((await google.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0]!.reason).toBe('authError');
    const iam = await fetch(`${ready.baseUrl}/`, {
      method: 'POST',
      body: 'Action=ListUsers&Version=2010-05-08',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(iam.status).toBeGreaterThanOrEqual(400);
    expect(await iam.text()).toMatch(/<ErrorResponse[\s\S]*<Code>/);
    const scim = ready.providers[3]!.credentials as { token: string; baseUrl: string };
    const users = await fetch(`${scim.baseUrl}/Users?count=1`, { headers: { authorization: `Bearer ${scim.token}` } });
    expect(users.status).toBe(200);
    expect(((await users.json()) as { totalResults: number }).totalResults).toBe(12);
  });
});
