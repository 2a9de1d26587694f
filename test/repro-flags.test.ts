/**
 * `repro --provider P --symptom S` for a ticket with no log: every symptom on every provider it applies
 * to gives a scenario whose run shows that finding and its error class; --help lists the symptoms;
 * mistakes get the closest name, exit 2.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPRO_PROVIDERS, SYMPTOMS, TRANSPORT_SYMPTOMS } from '../harness/repro/symptom-list.js';
import { PROVIDERS } from '../mocks/providers.js';
import { runCli } from './support/cli.js';

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'repro-flags-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const places = (folder = 'scenarios') => ['--out', join(work, folder), '--runs-dir', join(work, 'runs')];

/**
 * Every symptom with every provider it applies to; the transport faults, which run the connector as a
 * process (slower), on AWS only: repro-log.test.ts has them on the other three providers.
 */
const PAIRS = SYMPTOMS.flatMap((s) =>
  REPRO_PROVIDERS.filter((p) => !s.notFor?.[p] && (!TRANSPORT_SYMPTOMS.includes(s.id) || p === 'aws')).map((p) => [s.id, p] as const),
);

describe('repro --provider --symptom', () => {
  it.each(PAIRS)('%s on %s', async (symptom, provider) => {
    const cli = await runCli(['repro', '--provider', provider, '--symptom', symptom, ...places(), '-o', 'json']);
    const result = JSON.parse(cli.stdout) as {
      match: boolean;
      report: { findings: string[] };
      run: { findings: string[]; unmet: string[] };
      missing: string[];
      errorClass: { report: string; run: string };
    };
    expect(result.report.findings).toEqual([symptom]);
    expect(result.errorClass.run).toBe(result.errorClass.report);
    expect(result.run.findings).toContain(symptom);
    expect(result.run.unmet).toEqual([]);
    expect(result.match).toBe(true);
    expect(cli.code).toBe(0);
  });

  it('caps a large --users, says so in the file, and names the scenario after the report', async () => {
    const cli = await runCli(['repro', '--provider', 'entra', '--symptom', 'expired-secret', '--users', '5000', ...places('capped'), '-o', 'json']);
    expect(cli.code).toBe(0);
    const result = JSON.parse(cli.stdout) as { scenario: { file: string; name: string; tenant: Record<string, number> } };
    expect(result.scenario.name).toBe('repro-entra-expired-secret');
    expect(result.scenario.tenant).toEqual({ seed: 7, users: 2000, groups: 300 });
    const text = readFileSync(result.scenario.file, 'utf8');
    expect(text).toContain('# From flags: --provider entra --symptom expired-secret --users 5000 (no log).');
    expect(text).toMatch(/users capped at 2000 \(the report has 5000\) so the run takes seconds; raise tenant\.users to reproduce at full size/);
  });

  it('--missing names the refused permission', async () => {
    const cli = await runCli([
      'repro',
      '--provider',
      'google',
      '--symptom',
      'permission-missing',
      '--missing',
      'admin.directory.user.readonly',
      '--ticket',
      'no-user-scope',
      ...places(),
      '-o',
      'json',
    ]);
    const result = JSON.parse(cli.stdout) as { match: boolean; scenario: { faults: string[] } };
    expect(result.scenario.faults).toEqual(['partial-consent:missing=admin.directory.user.readonly|admin.directory.user,route=google.users.list']);
    expect(result.match).toBe(true);
  });

  it('--help lists every symptom and where it does not apply', async () => {
    const cli = await runCli(['repro', '--help']);
    expect(cli.code).toBe(0);
    for (const s of SYMPTOMS) expect(cli.stdout).toMatch(new RegExp(`^  ${s.id} +\\S`, 'm'));
    const joined = cli.stdout.replace(/\n {20,}/g, ' ');
    expect(joined).toMatch(/^ {2}pagination-cycle +.*\[not scim\]$/m);
    const noProvisioner = PROVIDERS.filter((p) => p.repro.cannot?.['provisioner-missing']).map((p) => p.name);
    expect(joined).toMatch(new RegExp(`^ {2}provisioner-missing +.*\\[not ${noProvisioner.join(', ')}\\]$`, 'm'));
    expect(Math.max(...cli.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe('repro flags: mistakes are one line, exit 2', () => {
  it.each([
    [['--provider', 'gogle', '--symptom', 'throttled'], /repro: --provider: unknown provider "gogle" \(did you mean "google"\?/],
    [
      ['--provider', 'entra', '--symptom', 'throttle'],
      /repro: --symptom: unknown symptom "throttle" \(did you mean "throttled"\? known: expired-secret,/,
    ],
    [
      ['--provider', 'scim', '--symptom', 'consent-missing'],
      /repro: --symptom consent-missing does not apply to scim: a SCIM bearer token carries no permissions/,
    ],
    [['--symptom', 'throttled'], /repro: --symptom needs --provider/],
    [['--provider', 'aws', '--symptom', 'throttled', '--users', 'lots'], /repro: --users "lots" is not a whole number/],
    [['--provider', 'aws', '--symptom', 'throttled', '--ticket', '###'], /repro: --ticket "###" has no letters or digits/],
  ])('%j', async (args, message) => {
    const cli = await runCli(['repro', ...args, ...places()]);
    expect(cli.code).toBe(2);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(message);
  });
});
