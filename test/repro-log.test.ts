/**
 * `repro --log` on customer-style logs (test/fixtures/logs/, built from the SDK's and providers' exact
 * messages): each gives a scenario the loader reads, whose run shows the log's error class and every one
 * of its findings; what a scenario cannot reproduce says why; bad input is one line with exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../harness/scenario/load.js';
import { runCli } from './support/cli.js';
import { repoRoot } from './support/paths.js';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/logs', name);

interface ReproJson {
  match: boolean;
  scenario: {
    file: string;
    name: string;
    provider: string;
    tenant: Record<string, number>;
    faults: string[];
    permissions?: string[];
    connector: string | { command: string[]; timeout: string };
  };
  report: { errorClass: string; outcome?: string; findings: string[] };
  run: { outcome: string; error: string | null; errorClass: string; findings: string[]; met: boolean; unmet: string[]; runDir: string };
  errorClass: { report: string; run: string };
  missing: string[];
  extra: string[];
  notes: string[];
}

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'repro-log-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const out = () => join(work, 'scenarios');
const places = () => ['--out', out(), '--runs-dir', join(work, 'runs')];

async function repro(args: string[]): Promise<{ code: number; result: ReproJson; stderr: string }> {
  const cli = await runCli(['repro', ...args, ...places(), '-o', 'json']);
  return { code: cli.code, result: JSON.parse(cli.stdout) as ReproJson, stderr: cli.stderr };
}

/** Fixture, provider, the log's findings, error class, and the faults (or granted set) inferred. */
const REPRODUCED: [string, string, string[], string, string[] | { permissions: string[] }][] = [
  ['entra-expired-secret.json.log', 'entra', ['expired-secret'], 'auth-failure', ['expired-secret:from=1']],
  ['throttled.json.log', 'entra', ['throttled'], 'throttled', ['throttle:count=2,retry-after=1,provider=entra']],
  [
    'entra-permission-missing.console.log',
    'entra',
    ['permission-missing'],
    'permission-denied',
    ['partial-consent:missing=Group.Read.All|GroupMember.Read.All'],
  ],
  [
    'page-token-unchanged.console.log',
    'google',
    ['page-token-unchanged'],
    'pagination-loop',
    ['bad-pagination:mode=repeat-token,route=google.groups.list'],
  ],
  [
    'page-token-unchanged-legacy.json.log',
    'google',
    ['page-token-unchanged'],
    'pagination-loop',
    ['bad-pagination:mode=repeat-token,route=google.groups.list'],
  ],
  ['entra-consent-missing.json.log', 'entra', ['consent-missing'], 'permission-denied', { permissions: [] }],
  ['entra-invalid-secret.console.log', 'entra', ['invalid-secret'], 'auth-failure', ['revoked-credential:reason=secret-deleted']],
  ['aws-invalid-key.json.log', 'aws', ['invalid-secret'], 'auth-failure', ['revoked-credential']],
  ['aws-permission-missing.json.log', 'aws', ['permission-missing'], 'permission-denied', ['partial-consent:missing=iam:ListGroups']],
  ['google-throttled.console.log', 'google', ['throttled'], 'throttled', ['throttle:count=2,retry-after=4,provider=google']],
  [
    'write-back-denied.json.log',
    'entra',
    ['write-back-not-consented'],
    'permission-denied',
    { permissions: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'] },
  ],
  ['provisioner-missing.console.log', 'entra', ['provisioner-missing'], 'provisioning', []],
];

describe('repro --log', () => {
  it.each(REPRODUCED)('%s: a %s scenario whose run shows %j and the same error class, exit 0', async (name, provider, findings, errorClass, made) => {
    const { code, result } = await repro(['--log', fixture(name)]);
    expect(result.report.findings).toEqual(findings);
    expect(result.scenario.provider).toBe(provider);
    if (Array.isArray(made)) expect(result.scenario.faults).toEqual(made);
    else expect(result.scenario.permissions).toEqual(made.permissions);
    expect(result.errorClass).toEqual({ report: errorClass, run: errorClass });
    expect(result.run.findings).toEqual(expect.arrayContaining(findings));
    expect(result.missing).toEqual([]);
    expect(result.match).toBe(true);
    // The scenario's own expectations hold too: the file is a regression test as written.
    expect(result.run.unmet).toEqual([]);
    expect(code).toBe(0);
    const loaded = await loadScenario(result.scenario.file);
    expect(loaded.name).toBe(result.scenario.name);
    expect(loaded.expect.findings).toEqual(expect.arrayContaining(findings));
  });

  it('cites the log: file, provider clue, evidence lines, and how each value was inferred', async () => {
    const { result } = await repro(['--log', fixture('throttled.json.log'), '--ticket', 'ACME #1234']);
    expect(result.scenario.name).toBe('acme-1234');
    expect(result.scenario.tenant).toEqual({ seed: 7, users: 120, groups: 18 });
    const text = readFileSync(join(out(), 'acme-1234.yaml'), 'utf8');
    expect(text).toContain('# From the log throttled.json.log (11 lines, json format).');
    expect(text).toContain('# Provider: entra (guessed from line 1: connector baton-microsoft-entra).');
    expect(text).toMatch(/^# {3}line 6: WARN retrying operation error=rpc error: code = Unavailable desc = 429 Too Many Requests wait=1s$/m);
    expect(text).toContain('#   - throttled (line 5, 6, 7) -> fault throttle:count=2,retry-after=1,provider=entra');
    expect(text).toContain('no Retry-After in the log: the first retry waited 1s (line 6), taken as what the provider asked');
    expect(text).toContain('#   - tenant:\n#       the log reported user: 120 (line 4), group: 18 (line 8)\n');
    expect(text).toContain('# Expected (the report): error class throttled, sync succeeded, findings [throttled].');
  });

  it('says which call was refused and which permission that takes away', async () => {
    const { result } = await repro(['--log', fixture('entra-permission-missing.console.log'), '--ticket', 'perm-cited']);
    const text = readFileSync(result.scenario.file, 'utf8');
    expect(text).toContain('missing Group.Read.All: the refused call (line 6: GET /v1.0/groups)');
  });

  it('raises the tenant to the pages a page-token fault needs, and says so', async () => {
    const { result } = await repro(['--log', fixture('page-token-unchanged.console.log'), '--ticket', 'pages-cited']);
    expect(result.scenario.tenant).toEqual({ seed: 7, users: 120, groups: 240 });
    expect(readFileSync(result.scenario.file, 'utf8')).toContain(
      'groups raised to 240: the symptom needs that many for its listing to have enough pages',
    );
  });

  it('writes the committed example exactly (scenarios/customers/)', async () => {
    const { result } = await repro(['--log', fixture('entra-permission-missing.console.log'), '--ticket', 'example-entra-permission-missing']);
    expect(readFileSync(result.scenario.file, 'utf8')).toBe(
      readFileSync(join(repoRoot, 'scenarios/customers/example-entra-permission-missing.yaml'), 'utf8'),
    );
  });

  it('prints the verdict readably on the console', async () => {
    const cli = await runCli(['repro', '--log', fixture('entra-expired-secret.json.log'), '--ticket', 'console-view', ...places()]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^Wrote .*console-view\.yaml: entra, 50 users, 10 groups, faults expired-secret:from=1$/m);
    expect(cli.stdout).toMatch(/^Ran it: failed: token request failed: 401: invalid_client: AADSTS7000222/m);
    expect(cli.stdout).toContain("Reproduced: error class auth-failure; the report's findings expired-secret are all in the run's (expired-secret)");
  });

  it.each([
    ['connection-refused.console.log', 'scim', 'connection-refused'],
    ['dns-failure.json.log', 'entra', 'dns-failure'],
    ['tls-untrusted.console.log', 'google', 'tls-untrusted'],
  ])('%s: a transport fault, with the %s reference connector as its own process, exit 0', async (name, provider, id) => {
    const { code, result } = await repro(['--log', fixture(name)]);
    expect(result.scenario.provider).toBe(provider);
    expect(result.scenario.faults).toEqual([id]);
    expect(result.scenario.connector).toEqual({
      command: ['sync-harness', 'connector', provider, '--credentials', '{credentialsFile}', '--file', '{output}', '--log-format', 'json'],
      timeout: '30s',
    });
    expect(result.errorClass).toEqual({ report: 'network', run: 'network' });
    expect(result.run.findings).toEqual([id]);
    expect(result.run.unmet).toEqual([]);
    expect(result.match).toBe(true);
    expect(code).toBe(0);
    expect(readFileSync(result.scenario.file, 'utf8')).toMatch(
      /^# +a transport fault needs a real socket, so the reference connector runs as its own process/m,
    );
  });

  it('refuses to replace a scenario without --force, and replaces it with', async () => {
    const args = ['--log', fixture('entra-expired-secret.json.log'), '--ticket', 'twice'];
    expect((await repro(args)).code).toBe(0);
    const again = await runCli(['repro', ...args, ...places()]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^sync-harness: .*twice\.yaml: already exists \(add --force to replace it, or give another --ticket or --out\)\n$/);
    expect((await repro([...args, '--force'])).code).toBe(0);
  });

  it('--provider tells the provider when the log does not', async () => {
    const log = join(work, 'anonymous.log');
    writeFileSync(
      log,
      `${JSON.stringify({ level: 'warn', ts: 1777636800, msg: 'retrying operation', error: '429 Too Many Requests', wait: '2s' })}\n${JSON.stringify({ level: 'info', ts: 1777636801, msg: 'Sync complete.' })}\n`,
    );
    const unknown = await runCli(['repro', '--log', log, ...places()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/anonymous\.log: cannot tell which provider the log is from .* \(give --provider\)/);
    const { code, result } = await repro(['--log', log, '--provider', 'scim']);
    expect(result.scenario.faults).toEqual(['throttle:count=1,retry-after=2,provider=scim']);
    expect(code).toBe(0);
  });
});

describe('repro --log: bad input is one line, exit 2', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['--log', fixture('no-such.log')], /no-such\.log: no such file \(check the path of the log file\)/],
    ['a folder', () => ['--log', join(repoRoot, 'test/fixtures/logs')], /logs: is a folder, not a log file/],
    ['an empty log', () => ['--log', emptyLog()], /empty\.log: the log is empty \(rerun the connector with --log-level debug/],
    [
      'a healthy log',
      () => ['--log', fixture('healthy-sync.json.log')],
      /healthy-sync\.json\.log: nothing recognisable to reproduce: the log doctor finds no failure in its 10 line\(s\) \(json format\)/,
    ],
    [
      'a daemon-only log',
      () => ['--log', fixture('daemon-auth-failed.json.log')],
      /nothing of the provider to reproduce: daemon-auth-failed \(line 3, 4\): ConductorOne refused/,
    ],
    [
      'a symptom the provider cannot have',
      () => ['--log', fixture('pagination-cycle.json.log')],
      /pagination-cycle\.json\.log: pagination-cycle cannot be reproduced for scim: SCIM pages by startIndex/,
    ],
    [
      'an unknown provider',
      () => ['--log', fixture('throttled.json.log'), '--provider', 'entraid'],
      /repro: --provider: unknown provider "entraid" \(did you mean "entra"\?/,
    ],
    [
      'flags that describe a report without a log',
      () => ['--log', fixture('throttled.json.log'), '--symptom', 'throttled'],
      /repro: --symptom describes a report without a log/,
    ],
    ['nothing at all', () => [], /repro: nothing to reproduce \(give --log FILE/],
  ];
  function emptyLog(): string {
    const file = join(work, 'empty.log');
    writeFileSync(file, '\n');
    return file;
  }

  it.each(cases)('%s', async (_what, args, message) => {
    const cli = await runCli(['repro', ...args(), ...places()]);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(message);
  });
});
