/**
 * Connectors written apart from this project, in Python with the standard library only
 * (test/fixtures/external/buggy_connector.py: SCIM, Entra, AWS IAM and Identity Store, Google), run as processes through `run`: each bug is diagnosed with
 * its finding from the journal alone (the fixture logs nothing the doctor reads), and the clean fixture
 * gives no finding at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../harness/scenario/load.js';
import { runScenario, type ScenarioResult } from '../harness/testing.js';
import { repoRoot } from './support/paths.js';

const FIXTURES = join(repoRoot, 'test/fixtures/external');
/** A fixture listing: the provider's, or `identitystore` for AWS's Identity Store (scenario identitystore-paging.yaml). */
type Provider = 'scim' | 'entra' | 'aws' | 'google' | 'identitystore';
const runsDir = mkdtempSync(join(tmpdir(), 'doctor-external-'));
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

async function runFixture(provider: Provider, bug?: string): Promise<ScenarioResult> {
  const scenario = await loadScenario(join(FIXTURES, `${provider}-paging.yaml`));
  const command = [
    'python3',
    join(FIXTURES, 'buggy_connector.py'),
    provider,
    '--credentials',
    '{credentialsFile}',
    '--file',
    '{output}',
    ...(bug ? ['--bug', bug] : []),
  ];
  return runScenario(
    { ...scenario, name: `${scenario.name}-${bug ?? 'clean'}` },
    { connector: command, runsDir, env: { SYNC_HARNESS_NODE: process.execPath } },
  );
}

const ids = (r: ScenarioResult) => r.findings.map((f) => f.id).sort();
const describeRun = (r: ScenarioResult) =>
  `${r.outcome} ${r.error ?? ''} missing=${r.missing.length} findings=${JSON.stringify(r.findings.map((f) => [f.id, f.evidence.slice(0, 3)]))}`;

const CASES: Array<{ provider: Provider; bug: string; findings: string[] }> = [
  { provider: 'aws', bug: 'stop-on-short-page', findings: ['next-page-not-requested'] },
  { provider: 'aws', bug: 'oversized-page', findings: ['page-size-over-cap', 'request-rejected'] },
  { provider: 'aws', bug: 'name-as-id', findings: ['id-form-mismatch'] },
  { provider: 'aws', bug: 'first-page-only', findings: ['next-page-not-requested'] },
  { provider: 'aws', bug: 'drops-some', findings: ['unexplained-loss'] },
  { provider: 'aws', bug: 'crash', findings: ['unexplained-failure'] },
  { provider: 'scim', bug: 'first-page-only', findings: ['next-page-not-requested'] },
  { provider: 'scim', bug: 'repeats-page', findings: ['next-page-not-requested', 'page-requested-again'] },
  { provider: 'scim', bug: 'advance-by-count', findings: ['page-offset-gap', 'page-size-over-cap'] },
  { provider: 'scim', bug: 'zero-based', findings: ['page-offset-overlap'] },
  { provider: 'scim', bug: 'drops-some', findings: ['unexplained-loss'] },
  { provider: 'scim', bug: 'crash', findings: ['unexplained-failure'] },
  { provider: 'entra', bug: 'first-page-only', findings: ['next-page-not-requested'] },
  { provider: 'entra', bug: 'repeats-page', findings: ['next-page-not-requested', 'page-requested-again'] },
  { provider: 'scim', bug: 'unsupported-filter', findings: ['request-rejected'] },
  { provider: 'entra', bug: 'unsupported-filter', findings: ['request-rejected'] },
  { provider: 'entra', bug: 'oversized-page', findings: ['page-size-over-cap', 'request-rejected'] },
  { provider: 'entra', bug: 'drops-some', findings: ['unexplained-loss'] },
  { provider: 'entra', bug: 'crash', findings: ['unexplained-failure'] },
  { provider: 'entra', bug: 'name-as-id', findings: ['id-form-mismatch'] },
  { provider: 'scim', bug: 'name-as-id', findings: ['id-form-mismatch'] },
  { provider: 'google', bug: 'first-page-only', findings: ['next-page-not-requested'] },
  { provider: 'google', bug: 'repeats-page', findings: ['next-page-not-requested', 'page-requested-again'] },
  { provider: 'google', bug: 'oversized-page', findings: ['page-size-over-cap', 'request-rejected'] },
  { provider: 'google', bug: 'unsupported-filter', findings: ['request-rejected'] },
  { provider: 'google', bug: 'drops-some', findings: ['unexplained-loss'] },
  { provider: 'google', bug: 'name-as-id', findings: ['id-form-mismatch'] },
  { provider: 'google', bug: 'crash', findings: ['unexplained-failure'] },
  { provider: 'identitystore', bug: 'first-page-only', findings: ['next-page-not-requested'] },
  { provider: 'identitystore', bug: 'repeats-page', findings: ['next-page-not-requested', 'page-requested-again'] },
  { provider: 'identitystore', bug: 'oversized-page', findings: ['page-size-over-cap', 'request-rejected'] },
  { provider: 'identitystore', bug: 'drops-some', findings: ['unexplained-loss'] },
  { provider: 'identitystore', bug: 'name-as-id', findings: ['id-form-mismatch'] },
  { provider: 'identitystore', bug: 'crash', findings: ['unexplained-failure'] },
];

describe('request-rejected quotes the provider', () => {
  it("entra: the refusal's words, the parameter and what Graph takes instead", async () => {
    const result = await runFixture('entra', 'unsupported-filter');
    const f = result.findings.find((x) => x.id === 'request-rejected')!;
    expect(f.evidence[0]).toBe('graph.users.list: Request_UnsupportedQuery: "Unsupported Query." (parameter $filter); 1 request(s)');
    expect(f.fix[0]).toContain('ConsistencyLevel: eventual together with $count=true');
  });

  it("google: Google's words and the query parameter they are about, though they name none", async () => {
    const result = await runFixture('google', 'unsupported-filter');
    const f = result.findings.find((x) => x.id === 'request-rejected')!;
    expect(f.evidence[0]).toBe('google.users.list: invalid: "Invalid Input: lastLoginTime:2024-01-01" (parameter query); 1 request(s)');
    expect(f.fix[0]).toMatch(/^query: the provider supports .*Directory API search syntax/);
  });
});

describe('the clean Python connector', () => {
  for (const provider of ['scim', 'entra', 'aws', 'google', 'identitystore'] as const) {
    it(`${provider}: syncs completely with no finding`, async () => {
      const result = await runFixture(provider);
      expect(result.unmet, describeRun(result)).toEqual([]);
      expect(ids(result)).toEqual([]);
    });
  }
});

describe('a buggy Python connector is diagnosed from the traffic', () => {
  for (const c of CASES) {
    it(`${c.provider} --bug ${c.bug}: ${c.findings.join(', ')}`, async () => {
      const result = await runFixture(c.provider, c.bug);
      expect(ids(result), describeRun(result)).toEqual(c.findings);
    });
  }
});
