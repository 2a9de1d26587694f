/**
 * `run <files or folders>`: runs scenarios against the simulators and says whether each met its
 * expectations. Exit 0 when all did, 1 when any did not, 2 on bad input (a scenario file with an error).
 */
import { UserError } from '../../errors.js';
import { makeDirs } from '../../fs/make-dirs.js';
import { loadScenarios } from '../../scenario/load.js';
import type { ExternalConnector } from '../../scenario/schema.js';
import { consoleReport } from '../../run/report/console-report.js';
import { jsonReport } from '../../run/report/json-report.js';
import { junitReport } from '../../run/report/junit-report.js';
import type { ScenarioResult } from '../../run/result.js';
import { runScenario } from '../../run/run-scenario.js';
import { parseShard, pickShard } from '../../run/shard.js';
import { createLogger, type LogFormat, type LogLevel } from '../output/logger.js';
import { progressBar } from '../output/progress.js';
import type { CommandIO } from '../output/sink.js';

interface RunFlags {
  connector?: string;
  connectorMode: 'base-url' | 'proxy';
  shard?: string;
  output: 'console' | 'json' | 'junit';
  runsDir: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
}

export async function run(flags: RunFlags, paths: string[], io: CommandIO): Promise<number> {
  if (paths.length === 0) throw new UserError('run: no scenario files or folders given (e.g. sync-harness run scenarios/library)');
  let scenarios = await loadScenarios(paths);
  makeDirs(flags.runsDir, { label: '--runs-dir' });
  if (flags.shard) scenarios = pickShard(scenarios, parseShard(flags.shard));
  const override: ExternalConnector | undefined = flags.connector
    ? { kind: 'external', command: flags.connector, env: {}, mode: flags.connectorMode }
    : undefined;
  const log = createLogger(io.stderr, flags.logLevel, flags.logFormat);
  const results: ScenarioResult[] = [];
  const bar = progressBar(io.stderr);
  for (const [i, scenario] of scenarios.entries()) {
    bar.update(i, scenarios.length, scenario.name);
    log({ level: 'debug', msg: 'running scenario', scenario: scenario.name, file: scenario.source.file });
    const result = await runScenario(scenario, {
      runsDir: flags.runsDir,
      ...(override ? { connector: override } : {}),
      // The engine's and connectors' own lines are kept in each run folder; here they are detail, since an
      // expected failure would otherwise read as an error of the run.
      log: ({ level, msg, ...fields }) => log({ level: 'debug', msg, scenario: scenario.name, connectorLevel: level, ...fields }),
    });
    log({ level: result.met ? 'debug' : 'warn', msg: result.met ? 'scenario met its expectations' : 'scenario did not meet its expectations', scenario: scenario.name, unmet: result.unmet.length });
    results.push(result);
  }
  bar.stop();
  if (flags.output === 'json') await io.stdout.write(jsonReport(results));
  else if (flags.output === 'junit') await io.stdout.write(junitReport(results));
  else await consoleReport(results, io.stdout);
  return results.every((r) => r.met) ? 0 : 1;
}
