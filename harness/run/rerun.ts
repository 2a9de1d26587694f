/**
 * `rerun`: the first connector syncs again after the first sync and its actions, against the same tenant,
 * with the rerun's faults in place of the first run's (a secret that expired between runs, lost consent),
 * and the two syncs are compared as `sync-harness diff` compares them, gates included.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareSyncs } from '../diff/compare.js';
import { openSides } from '../diff/sides.js';
import { UserError } from '../../lib/errors.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ConnectorSpec } from '../scenario/schema.js';
import { FaultEngine } from '../../mocks/faults/engine.js';
import { runConnectors, type ConnectorOutcome, type TaggedLogLine } from './connector-runs.js';
import type { Lockstep } from './lockstep.js';
import type { RerunResult } from '../../reports/run/result.js';
import type { SimEnv } from './sim-env.js';

/** A diff flags a type that lost more than this share, as the CLI does by default. */
const DROP_THRESHOLD = 10;

export async function rerun(
  scenario: LoadedScenario,
  spec: ConnectorSpec,
  first: ConnectorOutcome,
  env: SimEnv,
  time: Lockstep,
  work: string,
  log: (line: TaggedLogLine) => void,
): Promise<RerunResult> {
  env.ctx.faults = new FaultEngine(scenario.rerun?.faults ?? [], env.ctx.seed);
  time.restart(1);
  const dir = join(work, 'rerun');
  mkdirSync(dir);
  const [second] = await runConnectors(scenario, [spec], env, time, dir, (line) => log({ ...line, run: 'rerun' }));
  const result: RerunResult = {
    outcome: second!.outcome,
    ...(second!.error ? { error: second!.error } : {}),
    syncFile: relative(work, second!.file),
  };
  let sides;
  try {
    sides = await openSides({ files: [first.file, second!.file] });
  } catch (error) {
    // A side with no sync at all (a connector that never started) has nothing to compare.
    if (error instanceof UserError) return result;
    throw error;
  }
  try {
    const report = compareSyncs(sides, { dropThreshold: DROP_THRESHOLD, rules: scenario.expect.diff?.failOn ?? [] });
    const findings = [...new Set(report.findings.filter((f) => f.kind === 'change').map((f) => f.id))].sort();
    return { ...result, diff: { differ: report.differ, gate: report.gate, findings, totals: report.totals } };
  } finally {
    sides.close();
  }
}
