/**
 * Runs one scenario end to end: builds its tenant and simulator, applies its faults, runs its connector(s)
 * (several share one tenant and its quota), then its actions; reads the sync files back, compares them with
 * the tenant's ground truth, asks the doctor, checks `expect`, and leaves everything in `runs/<name>/`.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ActionOutcome, MemoryEvidence, RunEvidence, SyncContents } from '../../reports/evidence.js';
import { diagnose } from '../doctor/index.js';
import type { Path } from '../scenario/issue-message.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { BuiltinConnector, ConnectorSpec } from '../scenario/schema.js';
import { loadGroundTruth, type GroundTruth } from '../ground-truth/index.js';
import { runActions } from './actions.js';
import { compareWithTruth } from './completeness.js';
import { runConnectors, type ConnectorOutcome, type TaggedLogLine } from './connector-runs.js';
import { RUN_EPOCH } from './epoch.js';
import { unmetExpectations } from './expectations.js';
import { Lockstep } from './lockstep.js';
import { retainedAt } from './memory-check.js';
import { HeapSampler } from './memory.js';
import type { ConnectorRun, ScenarioResult } from '../../reports/run/result.js';
import { createSimEnv, type Serving, type SimEnv } from './sim-env.js';
import { FileError, UserError } from '../../lib/errors.js';
import { makeDirs } from '../../lib/fs/make-dirs.js';
import { isServingFault } from '../../mocks/faults/spec.js';
import { rerun } from './rerun.js';
import { runScrubber } from './run-scrubber.js';
import { readSync, type ReadSync } from './sync-contents.js';
import { assertReplaceable, markRunFolder, replaceRunFolder } from './run-folder.js';
import { finishStaging, makeStagingFolder, sweepStaleStaging } from './staging.js';
import { testPause } from '../../lib/test-pause.js';
import { trackTempPath } from '../../lib/fs/temp-files.js';

export interface RunOptions {
  /** Where run folders go; `runs` in the working directory by default. */
  runsDir?: string;
  /** Replaces the scenario's connectors (`run --connector CMD`). */
  connector?: ConnectorSpec;
  log?: (line: TaggedLogLine) => void;
}

const MB = 1024 * 1024;

export async function runScenario(scenario: LoadedScenario, options: RunOptions = {}): Promise<ScenarioResult> {
  const started = performance.now();
  const runsDir = resolve(options.runsDir ?? 'runs');
  const runDir = join(runsDir, scenario.name);
  // Before anything is made: a folder this tool did not make is refused, never replaced.
  assertReplaceable(runDir);
  const specs = options.connector ? [options.connector] : scenario.connectors;
  const serving = servingFor(scenario, specs);
  makeDirs(runsDir, { label: 'the runs folder' });
  // What a killed run left behind goes first (only staging folders whose owner process has ended).
  sweepStaleStaging(runsDir);
  // Built beside the old folder and swapped in only when complete; Ctrl-C or a crash of ours removes it.
  const work = await makeStagingFolder(runsDir, scenario.name);
  const release = trackTempPath(work);
  try {
    return await runIn(work, runDir, scenario, specs, serving, options, started);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

async function runIn(
  work: string,
  runDir: string,
  scenario: LoadedScenario,
  specs: readonly ConnectorSpec[],
  serving: Serving,
  options: RunOptions,
  started: number,
): Promise<ScenarioResult> {
  markRunFolder(work, scenario.name);
  const external = specs.some((s) => s.kind === 'external');
  const time = new Lockstep(RUN_EPOCH, specs.length);
  const settings = {
    writeBack: scenario.writeBack ?? scenario.actions.length > 0,
    ...(scenario.permissions ? { permissions: scenario.permissions } : {}),
  };
  const env = await createSimEnv({
    provider: scenario.provider,
    shape: scenario.tenant,
    faults: scenario.faults,
    settings,
    serving,
    tlsDir: join(work, 'tls'),
    ...(external ? {} : { clock: time.now }),
  });
  try {
    await testPause('tenant');
    const logs: TaggedLogLine[] = [];
    const sampler = new HeapSampler();
    const stopSampling = env.ctx.journal.onRecord(() => sampler.sample());
    const outcomes = await runConnectors(scenario, specs, env, time, work, (line) => {
      logs.push(line);
      options.log?.(line);
    });
    stopSampling();
    sampler.sample();
    const truth = (await loadGroundTruth(scenario.provider))?.(env.tenant, scenario.permissions);
    const { runs, contents } = await readRuns(outcomes, truth, work);
    const builtin = outcomes.find((o) => o.connector)?.connector;
    time.advance(1000);
    const actions: ActionOutcome[] = builtin
      ? await runActions(builtin, scenario.actions, env.tenant, contents[0])
      : scenario.actions.map((a) => ({
          op: a.op,
          entitlement: a.entitlement,
          principal: a.principal,
          ok: false,
          error: 'actions need a builtin connector (an external one is only synced)',
        }));
    const second =
      scenario.rerun && outcomes[0]
        ? await rerun(scenario, specs[0]!, outcomes[0], env, time, work, (line) => {
            logs.push(line);
            options.log?.(line);
          })
        : undefined;
    const failed = runs.find((r) => r.outcome === 'failed');
    const outcome = failed ? 'failed' : 'succeeded';
    const error = failed?.error;
    const peakMemoryMb = (external ? Math.max(0, ...outcomes.map((o) => o.peakRssBytes ?? 0)) : sampler.peakBytes()) / MB;
    const journal = env.ctx.journal.all();
    const evidence: RunEvidence = {
      provider: scenario.provider as RunEvidence['provider'],
      granted: env.granted,
      writeBack: settings.writeBack,
      journal,
      log: logs,
      outcome,
      ...(error ? { error } : {}),
      ...(contents[0] ? { sync: contents[0] } : {}),
      completeness: { missing: runs[0]?.missing ?? [], extra: runs[0]?.extra ?? [] },
      tenant: env.tenant,
      ...(external ? {} : { memory: await memoryEvidence(scenario, specs, sampler) }),
      actions,
    };
    const diagnosis = diagnose(evidence);
    const requestsByRoute: Record<string, number> = {};
    for (const entry of journal) requestsByRoute[entry.route ?? '(unmatched)'] = (requestsByRoute[entry.route ?? '(unmatched)'] ?? 0) + 1;
    const unmet = unmetExpectations(scenario.expect, {
      outcome,
      ...(error ? { error } : {}),
      ...(second ? { rerun: second } : {}),
      connectors: runs,
      requests: journal.length,
      requestsByRoute,
      findings: diagnosis.findings,
      peakMemoryMb,
      tenant: env.tenant,
    });
    const result: ScenarioResult = {
      name: scenario.name,
      provider: scenario.provider,
      file: scenario.source.file,
      outcome,
      met: unmet.length === 0,
      unmet,
      ...(error ? { error } : {}),
      ...(runs[0]?.stats ? { stats: runs[0].stats } : {}),
      requests: journal.length,
      requestsByRoute,
      findings: diagnosis.findings,
      minimalPermissions: diagnosis.minimalPermissions,
      missing: runs.flatMap((r) => r.missing),
      extra: runs.flatMap((r) => r.extra),
      actions,
      peakMemoryMb: Math.round(peakMemoryMb * 10) / 10,
      connectors: runs,
      ...(second ? { rerun: second } : {}),
      runDir,
      durationMs: Math.round(performance.now() - started),
    };
    await writeRunFolder(work, runDir, env, logs, result, diagnosis.summary);
    // What the console, JSON and JUnit reports print: scrubbed as the run folder is.
    return runScrubber(env).scrubDeep(result);
  } finally {
    await env.close();
  }
}

/** Each connector's sync file read back and compared with the ground truth. */
async function readRuns(
  outcomes: readonly ConnectorOutcome[],
  truth: GroundTruth | undefined,
  work: string,
): Promise<{ runs: ConnectorRun[]; contents: (SyncContents | undefined)[] }> {
  const runs: ConnectorRun[] = [];
  const contents: (SyncContents | undefined)[] = [];
  for (const o of outcomes) {
    const { read, unreadable } = existsSync(o.file) ? await readOutput(o.file) : {};
    contents.push(read?.contents);
    const completeness = read && truth ? compareWithTruth(read.contents, truth) : { missing: [], extra: [] };
    // A program that exits 0 without finishing its sync did not succeed.
    const unfinished = o.outcome === 'succeeded' && !read?.finished;
    const error = unreadable
      ? `${o.name}: its output is not a sync file: ${unreadable}${o.error ? `; ${o.error}` : ''}`
      : unfinished
        ? `${o.name}: exited 0 but ${read ? 'its sync has no end time' : `wrote no sync file at ${o.file}`}`
        : o.error;
    runs.push({
      name: o.name,
      outcome: unfinished || unreadable ? 'failed' : o.outcome,
      ...(error ? { error } : {}),
      ...(o.exitCode !== undefined ? { exitCode: o.exitCode } : {}),
      ...(read ? { stats: read.stats, syncFile: relative(work, o.file) } : {}),
      ...completeness,
    });
  }
  return { runs, contents };
}

/**
 * A connector's sync file read back; a file that is not one (garbage, truncated, the wrong format) is the
 * connector's failure, told in the connector's terms rather than with advice for inspecting a file by hand.
 */
async function readOutput(file: string): Promise<{ read?: ReadSync; unreadable?: string }> {
  try {
    const read = await readSync(file);
    return read ? { read } : {};
  } catch (error) {
    if (error instanceof FileError) return { unreadable: error.problem };
    if (error instanceof UserError) return { unreadable: error.message.replace(`${file}: `, '') };
    throw error;
  }
}

async function memoryEvidence(scenario: LoadedScenario, specs: readonly ConnectorSpec[], sampler: HeapSampler): Promise<MemoryEvidence> {
  const spec = specs.find((s): s is BuiltinConnector => s.kind === 'builtin');
  if (!scenario.memoryCheck || !spec) return { peakHeapBytes: sampler.peakBytes() };
  const retained = [await retainedAt(scenario, spec, scenario.tenant.users), await retainedAt(scenario, spec, scenario.memoryCheck.users)];
  return { peakHeapBytes: sampler.peakBytes(), retained };
}

/**
 * The journal, the log and the result beside the sync files, each scrubbed of the run's secrets; then the
 * folder replaces the previous run's.
 */
async function writeRunFolder(
  work: string,
  runDir: string,
  env: SimEnv,
  logs: readonly TaggedLogLine[],
  result: ScenarioResult,
  diagnosis: string,
): Promise<void> {
  const scrubber = runScrubber(env);
  const jsonLines = (items: readonly unknown[]) => items.map((item) => scrubber.json(item)).join('\n') + (items.length ? '\n' : '');
  writeFileSync(join(work, 'journal.jsonl'), jsonLines(env.ctx.journal.all()));
  writeFileSync(join(work, 'connector.log'), jsonLines(logs));
  writeFileSync(join(work, 'result.json'), `${scrubber.json({ ...result, diagnosis }, 2)}\n`);
  await testPause('write');
  finishStaging(work);
  replaceRunFolder(work, runDir);
}

/** How the simulator is reached: in process for builtin connectors, else the external connectors' `mode`. */
function servingFor(scenario: LoadedScenario, specs: readonly ConnectorSpec[]): Serving {
  const problem = servingProblem(scenario, specs);
  if (problem) throw new UserError(`${scenario.source.file}: ${problem.problem}`);
  const modes = new Set(specs.flatMap((s) => (s.kind === 'external' ? [s.mode] : [])));
  if (modes.size === 0) return 'in-process';
  return modes.has('proxy') ? 'proxy' : 'base-url';
}

/** Why these connectors cannot serve this scenario, at the field to blame; checked before a run starts too. */
export function servingProblem(scenario: LoadedScenario, specs: readonly ConnectorSpec[]): { path: Path; problem: string } | undefined {
  const modes = new Set(specs.flatMap((s) => (s.kind === 'external' ? [s.mode] : [])));
  const fault = scenario.faults.findIndex(isServingFault);
  if (modes.size === 0 && fault >= 0) {
    const text = scenario.faults[fault]!.text;
    return {
      path: ['faults', fault],
      problem: `fault ${text} needs a connector that runs as its own process (a builtin connector runs in process, with no socket to break); give a command, or run with --connector`,
    };
  }
  if (modes.size > 1)
    return {
      path: ['connectors'],
      problem: 'connectors mix mode base-url and mode proxy; one run serves the simulator one way (split them into two scenarios)',
    };
  return undefined;
}
