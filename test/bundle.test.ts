/**
 * `sync-harness bundle RUN`: the archive answers the support page's questions in its README, carries the
 * reports, the scrubbed log and journal, the scenario and a repro scenario, and never the sync file or a
 * private key. A scan for the run's own secrets (found independently of the bundle's own derivation) in
 * every encoding finds nothing; a secret the scrubbing misses stops the bundle from being written at all.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scanForSecrets, secretsOfRun } from '../harness/record/index.js';
import { runScenario } from '../harness/testing.js';
import { repoRoot } from './support/paths.js';
import { runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The credentials the run really handed its connector, copied aside by the connector's command. */
function secretsOf(copy: string) {
  return secretsOfRun(JSON.parse(readFileSync(copy, 'utf8')));
}

async function unpack(archive: string, name: string): Promise<string> {
  const into = join(dir, 'unpacked', name);
  mkdirSync(into, { recursive: true });
  await extract({ file: archive, cwd: into });
  return join(into, 'bundle');
}

/** A library scenario with the reference connector as a process, whose command first copies its credentials aside. */
function externalRun(name: string, mode: 'base-url' | 'proxy' = 'base-url') {
  const provider = name.split('/')[0]!;
  const credentials = join(dir, `${name.replace('/', '-')}-${mode}.credentials.json`);
  const connector = [
    process.execPath,
    inject('builtCli'),
    'connector',
    provider,
    '--credentials',
    '{credentialsFile}',
    '--file',
    '{output}',
    '--log-format',
    'json',
  ];
  const command = ['sh', '-c', 'cp "$0" "$1" && shift && exec "$@"', '{credentialsFile}', credentials, ...connector];
  return {
    credentials,
    run: () => runScenario(join(repoRoot, 'scenarios/library', `${name}.yaml`), { connector: command, runsDir: join(dir, 'runs', mode), mode }),
  };
}

describe('bundle of a failed external run', () => {
  const { credentials, run } = externalRun('entra/expired-secret');
  let runDir: string;
  let bundleDir: string;
  beforeAll(async () => {
    runDir = (await run()).runDir;
    const result = await runCli([
      'bundle',
      runDir,
      '--log',
      join(repoRoot, 'test/fixtures/logs/entra-expired-secret.json.log'),
      '--connector-version',
      'v9.9.9-test',
    ]);
    expect(result.stderr.replace(/^note: .*\n/gm, '')).toBe('');
    expect(result.code).toBe(0);
    bundleDir = await unpack(`${runDir}.bundle.tar.gz`, 'expired');
  }, 120_000);

  it('answers the support page in its README: connector and version, exact error, start, change, test sync, steps', () => {
    const readme = readFileSync(join(bundleDir, 'README.md'), 'utf8');
    const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as { error: string };
    expect(readme).toContain('**Version**: v9.9.9-test');
    expect(readme).toContain(`**Exact error**: \`${result.error.replace(/\s+/g, ' ').trim().slice(0, 60)}`);
    expect(readme).toMatch(/\*\*Started\*\*: \d{4}-\d\d-\d\dT/);
    expect(readme).toMatch(/\*\*What changed since the last good sync\*\*: no last good sync was given/);
    expect(readme).toMatch(/\*\*Does a test sync succeed\?\*\* no/);
    expect(readme).toMatch(/### expired-secret: /);
    expect(readme).toContain('npx sync-harness run BUNDLE/scenario.yaml');
    expect(readme).toContain('npx sync-harness run BUNDLE/repro.yaml');
  });

  it('carries the reports, the log, the journal, the scenario and a repro scenario; never the sync file', () => {
    expect(readdirSync(bundleDir).sort()).toEqual([
      'README.md',
      'connector.log',
      'debug.log',
      'journal.jsonl',
      'manifest.json',
      'report.html',
      'report.md',
      'repro.yaml',
      'result.json',
      'scenario.yaml',
    ]);
    expect(readFileSync(join(bundleDir, 'repro.yaml'), 'utf8')).toMatch(/expired-secret/);
  });

  it("holds none of the run's secrets in any form", async () => {
    const secrets = secretsOf(credentials);
    expect(secrets.map((x) => x.label)).toContain('credentials.clientSecret');
    const scan = await scanForSecrets(secrets, [`${runDir}.bundle.tar.gz`, ...readdirSync(bundleDir).map((f) => join(bundleDir, f))]);
    expect(scan.findings).toEqual([]);
    expect(scan.filesScanned).toBeGreaterThan(5);
  });
});

describe('bundle of a proxy-mode run', () => {
  it('leaves the run CA out (its key was never written), and the service account key', async () => {
    const { credentials, run } = externalRun('google/control', 'proxy');
    const runDir = (await run()).runDir;
    expect(readdirSync(join(runDir, 'tls'))).toEqual(['ca.pem']);
    const result = await runCli(['bundle', runDir, '--out', join(dir, 'google.tar.gz')]);
    expect(result.code).toBe(0);
    const unpacked = await unpack(join(dir, 'google.tar.gz'), 'google');
    const everything = readdirSync(unpacked)
      .map((f) => readFileSync(join(unpacked, f), 'utf8'))
      .join('\n');
    expect(everything).not.toMatch(/PRIVATE KEY-----/);
    const scan = await scanForSecrets(secretsOf(credentials), [join(dir, 'google.tar.gz'), unpacked]);
    expect(scan.findings).toEqual([]);
  }, 120_000);
});

describe('bundle of a SCIM run', () => {
  it('holds none of its bearer token, a credential named only `token`', async () => {
    const { credentials, run } = externalRun('scim/control');
    const runDir = (await run()).runDir;
    const out = join(dir, 'scim.tar.gz');
    expect((await runCli(['bundle', runDir, '--out', out])).code).toBe(0);
    const secrets = secretsOf(credentials);
    expect(secrets.map((x) => x.label)).toEqual(['credentials.token']);
    const scan = await scanForSecrets(secrets, [out, await unpack(out, 'scim')]);
    expect(scan.findings).toEqual([]);
  }, 120_000);
});

describe('a secret under a field name nothing marks as secret', () => {
  it('is found by its value in any encoding and scrubbed: the bundle holds none of it', async () => {
    const { credentials, run } = externalRun('entra/control');
    const runDir = (await run()).runDir;
    // Basic auth under an innocent name: base64 of "id:secret", which no plain split finds. The scan would
    // refuse the bundle (BundleLeakError) if the scrubber missed it; the scrubber finds what the scan finds.
    const { clientId, clientSecret } = JSON.parse(readFileSync(credentials, 'utf8')) as Record<string, string>;
    const planted = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    writeFileSync(
      join(runDir, 'connector.log'),
      `${readFileSync(join(runDir, 'connector.log'), 'utf8')}{"level":"debug","msg":"retrying","auth":"${planted}"}\n`,
    );
    const out = join(dir, 'leak.tar.gz');
    expect((await runCli(['bundle', runDir, '--out', out])).code).toBe(0);
    const scan = await scanForSecrets(secretsOf(credentials), [out, await unpack(out, 'leak')]);
    expect(scan.findings).toEqual([]);
  }, 120_000);
});

describe('bundle with a last good run', () => {
  it('says what changed since it', async () => {
    const good = await runScenario(join(repoRoot, 'scenarios/library/entra/control.yaml'), { runsDir: join(dir, 'runs', 'good') });
    const bad = await runScenario(join(repoRoot, 'scenarios/library/entra/expired-secret.yaml'), { runsDir: join(dir, 'runs', 'bad') });
    const out = join(dir, 'since.tar.gz');
    expect((await runCli(['bundle', bad.runDir, '--last-good', good.runDir, '--out', out])).code).toBe(0);
    const readme = readFileSync(join(await unpack(out, 'since'), 'README.md'), 'utf8');
    expect(readme).toMatch(/\*\*What changed since the last good sync\*\*: resources: \d+ → \d+ \(\+\d+ −\d+ ~\d+\)/);
  }, 120_000);

  it('refuses a folder that is not a run, in one line', async () => {
    const result = await runCli(['bundle', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sync-harness: .*not a run folder: no result\.json/);
  });
});
