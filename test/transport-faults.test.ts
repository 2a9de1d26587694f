/**
 * Faults that need a real socket. `reset` and `hang` are per route: the connection drops halfway through the
 * body, or nothing answers until the client gives up. `tls-untrusted`, `connection-refused` and
 * `dns-failure` are faults of the serving: an external connector is given an HTTPS address from a CA it is
 * not told about, a port nothing listens on, or a host name that does not resolve, in base-URL mode and
 * behind the proxy alike, and the doctor names each from what the connector logged.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadScenario } from '../harness/scenario/load.js';
import { runScenario } from '../harness/testing.js';
import { createSimEnv } from '../harness/run/sim-env.js';
import { parseFaultSpec } from '../mocks/faults/spec.js';
import { serveProviders, type Serving } from '../harness/serve/serve-providers.js';
import { resolveShape } from '../mocks/tenant/shape.js';
import { createTenant } from '../mocks/tenant/store.js';
import { runCli } from './support/cli.js';
import { CURL, describeWithTools } from './support/system-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'transport-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function curl(...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) =>
    execFile(CURL, ['-sS', '-o', '/dev/null', ...args], (error, _out, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code) : 0, stderr }),
    ),
  );
}

describeWithTools('reset and hang on a served base URL', () => {
  let serving: Serving;
  let auth: string[];
  let root: string;
  beforeAll(async () => {
    const faults = ['reset:route=scim.users.list', 'hang:route=scim.groups.list'].map((f) => parseFaultSpec(f));
    serving = await serveProviders({ providers: ['scim'], tenant: () => createTenant({ seed: 8, users: 30, groups: 4 }), seed: 8, faults });
    const { token, baseUrl } = (serving.ready as { credentials: { token: string; baseUrl: string } }).credentials;
    auth = ['-H', `Authorization: Bearer ${token}`];
    root = baseUrl;
  });
  afterAll(() => serving.stop());

  it('reset: the headers promise a body the connection never finishes', async () => {
    const answer = await curl(...auth, `${root}/Users?count=30`);
    expect(answer.code).toBe(18);
    expect(answer.stderr).toMatch(/transfer closed with \d+ bytes remaining to read/);
    expect(serving.ctx.journal.all().at(-1)).toMatchObject({ route: 'scim.users.list', status: 200, fault: 'reset:route=scim.users.list' });
  });

  it('hang: nothing answers until the client gives up', async () => {
    const answer = await curl('--max-time', '1', ...auth, `${root}/Groups`);
    expect(answer.code).toBe(28);
    expect(answer.stderr).toMatch(/Operation timed out/);
    expect(serving.ctx.journal.all().at(-1)).toMatchObject({ route: 'scim.groups.list', status: 0, fault: 'hang:route=scim.groups.list' });
  });

  it('closes promptly even with a hung request still open', async () => {
    const hung = curl('--max-time', '20', ...auth, `${root}/Groups`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    await serving.stop();
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await hung).code).not.toBe(0);
  });
}, [CURL]);

describe('sync-harness connector --request-timeout', () => {
  it('takes a duration, and says so in one line when given something else', async () => {
    const credentials = join(dir, 'any-credentials.json');
    writeFileSync(credentials, '{}');
    const result = await runCli(['connector', 'scim', '--credentials', credentials, '--request-timeout', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('sync-harness: --request-timeout soon: expected a duration such as 30s or 500ms\n');
  });
});

describe('reset and hang in process', () => {
  it('fail as undici reports them: a body that ends in "terminated", a request that times out', async () => {
    const faults = ['reset:route=scim.users.list', 'hang:route=scim.groups.list'].map((f) => parseFaultSpec(f));
    const env = await createSimEnv({
      provider: 'scim',
      shape: resolveShape({ seed: 1, users: 5, groups: 1 }),
      faults,
      settings: {},
      serving: 'in-process',
    });
    try {
      const { token, baseUrl } = env.credentials as { token: string; baseUrl: string };
      const headers = { authorization: `Bearer ${token}` };
      const users = await env.fetch(`${baseUrl}/Users`, { headers });
      expect(users.status).toBe(200);
      await expect(users.json()).rejects.toThrow(/terminated/);
      await expect(env.fetch(`${baseUrl}/Groups`, { headers })).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      await env.close();
    }
  });
});

describe('serving faults with an external connector', () => {
  const cases = [
    ['connection-refused', /ECONNREFUSED 127\.0\.0\.1:\d+/],
    ['dns-failure', /ENOTFOUND entra\.sync-harness\.invalid/],
    ['tls-untrusted', /unable to verify the first certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE/],
  ] as const;
  for (const mode of ['base-url', 'proxy'] as const) {
    for (const [fault, error] of cases) {
      it(`${fault} (${mode}): the sync fails with the socket's own error and the doctor says ${fault}`, async () => {
        const file = join(dir, `${fault}-${mode}.yaml`);
        writeFileSync(
          file,
          `version: 1\nname: ${fault}-${mode}\nprovider: entra\ntenant: { seed: 3, users: 4, groups: 1 }\nfaults: [${fault}]\nconnector: builtin:entra\ntimeout: 30s\nexpect: { outcome: failed, findings: [${fault}] }\n`,
        );
        const command = [
          process.execPath,
          inject('builtCli'),
          'connector',
          'entra',
          '--credentials',
          '{credentialsFile}',
          '--file',
          '{output}',
          '--log-format',
          'json',
        ];
        const result = await runScenario(await loadScenario(file), { connector: command, runsDir: join(dir, 'runs'), mode });
        expect(result.error).toMatch(error);
        expect(result.findings.map((f) => f.id)).toEqual([fault]);
        expect(result.met).toBe(true);
      });
    }
  }

  it('are refused for a builtin connector, which has no socket to break', async () => {
    const file = join(dir, 'builtin.yaml');
    writeFileSync(
      file,
      'version: 1\nname: builtin-refused\nprovider: entra\ntenant: { seed: 3, users: 4, groups: 1 }\nfaults: [dns-failure]\nconnector: builtin:entra\n',
    );
    await expect(runScenario(await loadScenario(file), { runsDir: join(dir, 'runs') })).rejects.toThrow(
      /fault dns-failure needs a connector that runs as its own process/,
    );
  });

  it('take no targeting keys', () => {
    expect(() => parseFaultSpec('tls-untrusted:every=2')).toThrow(/tls-untrusted takes no keys/);
  });
});
