/**
 * The reference connectors run as separate Node processes with `mode: proxy` and only environment
 * changes: HTTPS_PROXY, the run's CA (SSL_CERT_FILE / NODE_EXTRA_CA_CERTS) and the preload in NODE_OPTIONS.
 * Their credentials name the real hosts (login.microsoftonline.com, oauth2.googleapis.com...), so these
 * runs prove an unmodified Node connector reaches the simulators through the proxy, and passes the same
 * library scenarios it passes in process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { JournalEntry } from '../mocks/core/journal.js';
import { serveProviders } from '../harness/serve/serve-providers.js';
import { createTenant } from '../mocks/tenant/store.js';
import { loadScenario } from '../harness/scenario/load.js';
import { expectMet, runScenario } from '../harness/testing.js';
import { repoRoot } from './support/paths.js';

const SCENARIOS = [
  'entra/control',
  'entra/expired-secret',
  'entra/partial-consent',
  'entra/consent-not-granted',
  'entra/page-token-unchanged',
  'google/control',
  'google/expired-secret',
  'google/partial-consent',
  'google/not-admin',
  'google/page-token-unchanged',
];

const runsDir = mkdtempSync(join(tmpdir(), 'proxy-mode-'));
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

describe('reference connectors as unmodified processes behind the proxy', () => {
  for (const name of SCENARIOS) {
    it(`${name} passes as it does in process`, async () => {
      const scenario = await loadScenario(join(repoRoot, 'scenarios/library', `${name}.yaml`));
      const command = [
        process.execPath,
        inject('builtCli'),
        'connector',
        scenario.provider,
        '--credentials',
        '{credentialsFile}',
        '--file',
        '{output}',
        '--log-format',
        'json',
      ];
      const result = await runScenario(scenario, { connector: command, runsDir, mode: 'proxy' });
      expectMet(result);
      const journal = readFileSync(join(result.runDir, 'journal.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as JournalEntry);
      // Every request came through a tunnel from this machine, and none was refused or broke its handshake.
      expect(journal.filter((e) => !e.peer?.startsWith('127.0.0.1:') || e.transportError)).toEqual([]);
      expect(readFileSync(join(result.runDir, 'connector.log'), 'utf8')).not.toMatch(/client_secret|BEGIN [A-Z ]*KEY/);
    });
  }
});

describe('the preload by its package name', () => {
  it('routes fetch and https.get of a plain Node script through HTTPS_PROXY with NODE_OPTIONS=--import=sync-harness/proxy', async () => {
    const serving = await serveProviders({
      providers: ['entra'],
      tenant: () => createTenant({ seed: 2, users: 3, groups: 1 }),
      seed: 2,
      faults: [],
      mode: 'proxy',
      tlsDir: join(runsDir, 'preload-tls'),
    });
    try {
      const script = [
        "const a = await fetch('https://graph.microsoft.com/v1.0/users');",
        "const https = await import('node:https');",
        "const b = await new Promise((ok, no) => https.get('https://graph.microsoft.com/v1.0/groups', (r) => { r.resume(); ok(r.statusCode); }).on('error', no));",
        'console.log(JSON.stringify([a.status, b]));',
      ].join('\n');
      const env = {
        ...process.env,
        HTTPS_PROXY: serving.address,
        SSL_CERT_FILE: String(serving.ready.caCert),
        NODE_OPTIONS: '--import=sync-harness/proxy',
      };
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, env }, (error, out, err) =>
          error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
        ),
      );
      // No token: Graph's own 401, which only the simulator behind the proxy could have given.
      expect(JSON.parse(stdout)).toEqual([401, 401]);
      expect(serving.ctx.journal.all().map((e) => e.route)).toEqual(['graph.users.list', 'graph.groups.list']);
    } finally {
      await serving.stop();
    }
  });
});
