/**
 * `run <files or folders>`: runs scenarios against the simulators and says whether each met its
 * expectations. Each file stands alone: one with an error (found when loading, when checking its faults
 * against its connectors and the names it gives tenant objects, or when its run starts) is an `error` row of its own and the others still run.
 * Exit 2 when any scenario file was bad input, else 1 when any scenario did not meet its expectations (or
 * the harness failed on one), else 0.
 */
import { basename, extname } from 'node:path';
import { UserError } from '../../../lib/errors.js';
import { loadScenarioSet, type LoadedScenario } from '../../scenario/load.js';
import { makeDirs } from '../../../lib/fs/make-dirs.js';
import type { ExternalConnector } from '../../scenario/schema.js';
import { consoleReport } from '../../../reports/run/console-report.js';
import { jsonReport } from '../../../reports/run/json-report.js';
import { junitReport } from '../../../reports/run/junit-report.js';
import { isScenarioError, type ScenarioError, type ScenarioRow } from '../../../reports/run/result.js';
import { runScenario } from '../../run/run-scenario.js';
import { parseShard, pickShard } from '../../run/shard.js';
import { preflightProblem } from '../../run/preflight.js';
import { createLogger } from '../output/logger.js';
import { scenarioProgress } from '../output/scenario-progress.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { RunOptions } from '../command-options.js';

/** A file to run, or one already known to be bad; `name` and `source` let `--shard` place both kinds. */
type Planned = { name: string; source: { file: string } } & ({ scenario: LoadedScenario } | { error: ScenarioError });

export async function run(flags: RunOptions, paths: string[], io: CommandIO): Promise<number> {
  if (paths.length === 0) throw new UserError('run: no scenario files or folders given (e.g. sync-harness run scenarios/library)');
  const shard = flags.shard ? parseShard(flags.shard) : undefined;
  makeDirs(flags.runsDir, { label: '--runs-dir' });
  const override: ExternalConnector | undefined = flags.connector
    ? { kind: 'external', command: flags.connector, env: {}, mode: flags.connectorMode }
    : undefined;
  let planned = await plan(paths, override);
  if (shard) planned = pickShard(planned, shard);
  // Mistakes found before running are told first, so a long run does not hide them until its end.
  for (const p of planned) if ('error' in p) await io.stderr.line(`sync-harness: ${p.error.error}`);
  const log = createLogger(io.stderr, flags.logLevel, flags.logFormat);
  const rows: ScenarioRow[] = [];
  const progress = scenarioProgress(io.stderr, planned.length, flags.logFormat);
  for (const [i, p] of planned.entries()) {
    // A bad file was told before the run started; a progress line would only repeat it.
    if ('error' in p) {
      rows.push(p.error);
      continue;
    }
    const { scenario } = p;
    progress.starting(i, scenario.name);
    const started = Date.now();
    log({ level: 'debug', msg: 'running scenario', scenario: scenario.name, file: scenario.source.file });
    try {
      const result = await runScenario(scenario, {
        runsDir: flags.runsDir,
        ...(override ? { connector: override } : {}),
        // The engine's and connectors' own lines are kept in each run folder; here they are detail, since an
        // expected failure would otherwise read as an error of the run.
        log: ({ level, msg, ...fields }) => log({ level: 'debug', msg, scenario: scenario.name, connectorLevel: level, ...fields }),
      });
      log({
        level: result.met ? 'debug' : 'warn',
        msg: result.met ? 'scenario met its expectations' : 'scenario did not meet its expectations',
        scenario: scenario.name,
        unmet: result.unmet.length,
      });
      rows.push(result);
      await progress.finished(i, result);
    } catch (error) {
      const row = errorRow(scenario.source.file, error, scenario);
      if (row.badInput) await io.stderr.line(`sync-harness: ${row.error}`);
      else
        log({
          level: 'error',
          msg: 'scenario could not run',
          scenario: scenario.name,
          error: row.error,
          ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
        });
      rows.push(row);
      if (!row.badInput) await progress.finished(i, { name: row.name, outcome: 'error', met: false, durationMs: Date.now() - started });
    }
  }
  progress.stop();
  if (flags.outputFormat === 'json') await io.stdout.write(jsonReport(rows));
  else if (flags.outputFormat === 'junit') await io.stdout.write(junitReport(rows));
  else await consoleReport(rows, io.stdout);
  if (rows.some((r) => isScenarioError(r) && r.badInput)) return 2;
  return rows.every((r) => r.met) ? 0 : 1;
}

/** Every file loaded and checked as far as it can be before running; a bad file becomes its error row. */
async function plan(paths: readonly string[], override: ExternalConnector | undefined): Promise<Planned[]> {
  const planned: Planned[] = [];
  for (const entry of await loadScenarioSet(paths)) {
    if ('problem' in entry) {
      const error = errorRow(entry.file, new UserError(entry.problem));
      planned.push({ name: error.name, source: { file: entry.file }, error });
      continue;
    }
    const { scenario } = entry;
    const problem = await preflightProblem(scenario, override);
    if (problem)
      planned.push({ name: scenario.name, source: scenario.source, error: errorRow(scenario.source.file, new UserError(problem), scenario) });
    else planned.push({ name: scenario.name, source: scenario.source, scenario });
  }
  return planned;
}

function errorRow(file: string, error: unknown, scenario?: LoadedScenario): ScenarioError {
  const badInput = error instanceof UserError;
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: scenario?.name ?? basename(file, extname(file)),
    ...(scenario ? { provider: scenario.provider } : {}),
    file,
    outcome: 'error',
    met: false,
    error: badInput ? message : `internal error: ${message} (please report it)`,
    badInput,
  };
}
