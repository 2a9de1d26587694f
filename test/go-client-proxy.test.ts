/**
 * A Go program using only the standard library (test/fixtures/go/graph-users), built offline with Debian's
 * golang-go, pages Graph users through `serve --proxy` with nothing but HTTPS_PROXY and SSL_CERT_FILE set:
 * no code change, no base-URL flag. Without the CA it hits Go's own "x509: certificate signed by unknown
 * authority", the error customers send, and the `tls-untrusted` fault reproduces it on a base URL, where
 * SSL_CERT_FILE is again the fix.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../harness/scenario/load.js';
import { runScenario } from '../harness/testing.js';
import { serveProviders, type Serving } from '../harness/serve/serve-providers.js';
import { createTenant } from '../mocks/tenant/store.js';
import { repoRoot } from './support/paths.js';
import { describeWithTools, GO } from './support/system-tools.js';

const execFileAsync = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'go-client-'));
const program = join(dir, 'graph-users');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the Go client with exactly this environment added to a clean one (no proxy or CA inherited). */
async function graphUsers(credentialsFile: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(https?_proxy|no_proxy|ssl_cert_(file|dir))$/i.test(k)));
  try {
    const { stdout, stderr } = await execFileAsync(program, ['-credentials', credentialsFile, '-top', '4'], { env: { ...clean, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describeWithTools('a stdlib-only Go client', () => {
  beforeAll(async () => {
    // Offline: the program imports nothing outside the standard library, and GOPROXY=off proves it.
    await execFileAsync(GO, ['build', '-o', program, join(repoRoot, 'test/fixtures/go/graph-users/main.go')], {
      env: { ...process.env, GOPROXY: 'off', GOFLAGS: '-mod=mod', GOCACHE: join(dir, 'go-cache'), GOPATH: join(dir, 'go-path'), GO111MODULE: 'off' },
    });
  }, 180_000);

  describe('through serve --proxy', () => {
    let serving: Serving;
    let credentials: string;
    beforeAll(async () => {
      serving = await serveProviders({
        providers: ['entra'],
        tenant: () => createTenant({ seed: 11, users: 23, groups: 2 }),
        seed: 11,
        faults: [],
        mode: 'proxy',
        tlsDir: join(dir, 'proxy'),
      });
      credentials = join(dir, 'proxy-credentials.json');
      writeFileSync(credentials, JSON.stringify((serving.ready as { credentials: unknown }).credentials));
    });
    afterAll(() => serving.stop());

    it('pages every user from graph.microsoft.com with HTTPS_PROXY and SSL_CERT_FILE alone', async () => {
      const run = await graphUsers(credentials, { HTTPS_PROXY: serving.address, SSL_CERT_FILE: String(serving.ready.caCert) });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({ users: 23, pages: 6 });
      const routes = serving.ctx.journal.all().map((e) => e.route);
      expect(routes.filter((r) => r === 'graph.users.list')).toHaveLength(6);
    });

    it("fails with Go's x509 error when it does not trust the run's CA", async () => {
      const run = await graphUsers(credentials, { HTTPS_PROXY: serving.address });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/x509: certificate signed by unknown authority/);
    });
  });

  describe('under the tls-untrusted fault, as an external connector of a scenario', () => {
    const scenarioFile = join(dir, 'tls-untrusted.yaml');
    const write = (env: string) =>
      writeFileSync(
        scenarioFile,
        [
          'version: 1',
          'name: go-tls-untrusted',
          'provider: entra',
          'tenant: { seed: 5, users: 9, groups: 1 }',
          'faults: [tls-untrusted]',
          'connector:',
          `  command: ["${program}", "-credentials", "{credentialsFile}"]`,
          `  env: ${env}`,
          'timeout: 30s',
          'expect: { outcome: failed, findings: [tls-untrusted] }',
        ].join('\n'),
      );

    it('reproduces x509: certificate signed by unknown authority, and the doctor names it', async () => {
      write('{}');
      const result = await runScenario(await loadScenario(scenarioFile), { runsDir: join(dir, 'runs') });
      expect(result.error).toMatch(/x509: certificate signed by unknown authority/);
      expect(result.findings.map((f) => f.id)).toContain('tls-untrusted');
      expect(result.findings.find((f) => f.id === 'tls-untrusted')!.fix.join(' ')).toMatch(/SSL_CERT_FILE/);
    });

    it('is fixed by SSL_CERT_FILE pointing at the CA that signed the certificate', async () => {
      // The run folder keeps the CA the connector was not told about: the fix a support engineer tries.
      write(`{ SSL_CERT_FILE: "{runDir}/tls/ca.pem" }`);
      const result = await runScenario(await loadScenario(scenarioFile), { runsDir: join(dir, 'runs-fixed') });
      // It now gets through TLS; the scenario's connector writes no sync file, so only the TLS part is judged.
      expect(result.error ?? '').not.toMatch(/x509/);
      expect(result.findings.map((f) => f.id)).not.toContain('tls-untrusted');
      expect(result.requests).toBeGreaterThan(0);
    });
  });
}, [GO]);
