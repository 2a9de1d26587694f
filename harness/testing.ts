/**
 * For connector authors' own Vitest (or any test runner) suites: run a scenario file against the
 * simulators and assert on the outcome with messages that say what went wrong and why.
 *
 *   import { runScenario, expectMet } from 'sync-harness/testing';
 *   it('survives throttling', async () => expectMet(await runScenario('scenarios/throttled.yaml', {
 *     connector: ['./bin/baton-entra', '--file', '{output}', '--client-secret', '{credentials.clientSecret}'],
 *   })));
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario, type LoadedScenario } from './scenario/load.js';
import type { ConnectorSpec } from './scenario/schema.js';
import type { ScenarioResult } from '../reports/run/result.js';
import { runScenario as run } from './run/run-scenario.js';

export type { ScenarioResult } from '../reports/run/result.js';
export type { Finding } from '../reports/evidence.js';

export interface TestRunOptions {
  /** An external command (argument list, or one string for a shell) that replaces the scenario's connector. */
  connector?: string | string[];
  /** Where run folders go; a folder under the system temp directory by default. */
  runsDir?: string;
  env?: Record<string, string>;
  cwd?: string;
  /** How the connector reaches the simulator: `base-url` (default; it takes the URL as configuration) or `proxy` (the real host names through the harness's HTTPS proxy). */
  mode?: 'base-url' | 'proxy';
}

/** Loads (if given a path) and runs one scenario. */
export async function runScenario(scenario: string | LoadedScenario, options: TestRunOptions = {}): Promise<ScenarioResult> {
  const loaded = typeof scenario === 'string' ? await loadScenario(scenario) : scenario;
  const connector: ConnectorSpec | undefined =
    options.connector === undefined
      ? undefined
      : {
          kind: 'external',
          command: options.connector,
          env: options.env ?? {},
          ...(options.cwd ? { cwd: options.cwd } : {}),
          mode: options.mode ?? 'base-url',
        };
  return run(loaded, { runsDir: options.runsDir ?? join(tmpdir(), 'sync-harness-runs'), ...(connector ? { connector } : {}) });
}

/** Throws unless every expectation held, listing what did not, the error, the findings and the run folder. */
export function expectMet(result: ScenarioResult): void {
  if (result.met) return;
  throw new Error(describeResult(result));
}

/** Throws unless the doctor gave exactly these finding ids. */
export function expectFindings(result: ScenarioResult, ids: readonly string[]): void {
  const got = findingIds(result);
  const want = [...new Set(ids)].sort();
  if (got.join() !== want.join())
    throw new Error(`${result.name}: expected findings [${want.join(', ')}], got [${got.join(', ')}]\n${describeResult(result)}`);
}

export function findingIds(result: ScenarioResult): string[] {
  return [...new Set(result.findings.map((f) => f.id))].sort();
}

/** Several lines a person reads in a failed test: what was unmet, the error, what the doctor found. */
export function describeResult(result: ScenarioResult): string {
  const lines = [`scenario ${result.name} (${result.file}): ${result.met ? 'met' : 'expectations not met'}`];
  for (const line of result.unmet) lines.push(`  - ${line}`);
  if (result.error) lines.push(`  error: ${result.error}`);
  for (const f of result.findings) lines.push(`  finding ${f.id}: ${f.title}${f.evidence[0] ? ` (${f.evidence[0]})` : ''}`);
  lines.push(`  run folder: ${result.runDir}`);
  return lines.join('\n');
}
