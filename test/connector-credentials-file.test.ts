/**
 * `connector <provider> --credentials FILE` takes what its help says: the line `serve` prints, saved as is,
 * for one provider or for several (the named provider's entry is used), as well as the credentials a
 * scenario run writes. Anything else is a one-line usage error with exit 2, never an internal error.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveProviders, type Serving } from '../harness/serve/serve-providers.js';
import { createTenant } from '../mocks/tenant/store.js';
import { runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'connector-credentials-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

let several: Serving;
let one: Serving;
beforeAll(async () => {
  several = await serveProviders({
    providers: ['entra', 'google', 'aws', 'scim'],
    tenant: () => createTenant({ seed: 4, users: 6, groups: 2 }),
    seed: 4,
    faults: [],
  });
  one = await serveProviders({ providers: ['scim'], tenant: () => createTenant({ seed: 5, users: 6, groups: 2 }), seed: 5, faults: [] });
});
afterAll(async () => {
  await Promise.all([several.stop(), one.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

async function connector(provider: string, credentials: string) {
  const out = join(dir, `${provider}-${Math.random().toString(36).slice(2)}.c1z`);
  const result = await runCli(['connector', provider, '--credentials', credentials, '--file', out, '--log-format', 'json']);
  return { ...result, wrote: existsSync(out) };
}

describe("connector --credentials with serve's ready line", () => {
  it('syncs from a one-provider ready line, saved as serve printed it', async () => {
    const result = await connector('scim', file('scim-ready.json', `${JSON.stringify(one.ready)}\n`));
    expect(result.code).toBe(0);
    expect(result.wrote).toBe(true);
  });

  it.each(['entra', 'google', 'aws', 'scim'])('picks %s out of a several-provider ready line', async (provider) => {
    const result = await connector(provider, file('several-ready.json', `${JSON.stringify(several.ready)}\n`));
    expect(result.stderr).toContain('"msg":"sync finished"');
    expect(result.code).toBe(0);
    expect(result.wrote).toBe(true);
  });

  it('still takes the plain credentials a scenario run writes', async () => {
    const credentials = (one.ready as { credentials: unknown }).credentials;
    expect((await connector('scim', file('plain.json', JSON.stringify(credentials)))).code).toBe(0);
  });
});

describe('connector --credentials with anything else', () => {
  it.each([
    [
      'a ready line for another provider',
      () => JSON.stringify(one.ready),
      'entra',
      /serve's ready line is for scim, not entra \(run serve --provider entra\)/,
    ],
    [
      'a ready line without the provider',
      () => JSON.stringify({ baseUrl: 'http://127.0.0.1:9', providers: [{ provider: 'scim', credentials: {} }] }),
      'aws',
      /has no aws \(it serves scim\)/,
    ],
    ['an object that is not credentials', () => '{"hello": 1}', 'scim', /builtin:scim needs credentials \{ token, baseUrl \}/],
    ['credentials missing a field', () => '{"tenantId": "t"}', 'entra', /missing clientId/],
    ['not JSON', () => 'baseUrl=http://127.0.0.1:9', 'google', /not JSON/],
  ])('%s: one line, exit 2', async (_name, text, provider, message) => {
    const result = await connector(provider, file('bad.json', text()));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sync-harness: --credentials .*bad\.json: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.wrote).toBe(false);
  });

  it('a missing file is one line, exit 2', async () => {
    const result = await connector('scim', join(dir, 'none.json'));
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.stringMatching(/^sync-harness: .*none\.json: no such file \(check the path of the credentials file\)$/m),
    ]);
  });
});
