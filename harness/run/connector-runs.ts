/**
 * The scenario's connectors, run together against one simulated world: builtin ones in this process on the
 * lockstep clock, external ones as processes against the served simulator (a base URL or the proxy). Each writes its own sync file;
 * their log lines are collected (tagged with the connector when there are several), scrubbed of the run's
 * secrets before anyone sees them.
 */
import { dirname, join } from 'node:path';
import type { Connector } from '../../c1z/contract/index.js';
import type { LogLine } from '../../reports/evidence.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ConnectorSpec } from '../scenario/schema.js';
import { runBuiltin, RunTimeout, type BuiltinRuntime } from './builtin-run.js';
import { RUN_EPOCH } from './epoch.js';
import { runExternal } from './external-run.js';
import { externalValues, parseLogLine } from './external-values.js';
import type { Lockstep } from './lockstep.js';
import { runScrubber } from './run-scrubber.js';
import type { SimEnv } from './sim-env.js';

export type TaggedLogLine = LogLine & { connector?: string };

export interface ConnectorOutcome {
  name: string;
  /** Its sync file (which may not exist if it never started). */
  file: string;
  outcome: 'succeeded' | 'failed';
  error?: string;
  /** External connectors: the exit code (null when killed or never started). */
  exitCode?: number | null;
  /** Builtin connectors, for the actions after the sync. */
  connector?: Connector;
  peakRssBytes?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runConnectors(
  scenario: LoadedScenario,
  specs: readonly ConnectorSpec[],
  env: SimEnv,
  time: Lockstep,
  work: string,
  onLog: (line: TaggedLogLine) => void,
): Promise<ConnectorOutcome[]> {
  const several = specs.length > 1;
  // Beside an external process everything lives on the real clock, as that process does.
  const external = specs.some((s) => s.kind === 'external');
  return Promise.all(
    specs.map(async (spec, i): Promise<ConnectorOutcome> => {
      const name = connectorName(spec, i, several);
      const file = join(work, several ? `sync-${i + 1}.c1z` : 'sync.c1z');
      const log = (line: LogLine) => onLog(runScrubber(env).scrubDeep({ ...line, ...(several ? { connector: name } : {}) }));
      if (spec.kind === 'builtin') {
        const runtime: BuiltinRuntime = external
          ? { credentials: env.credentials, fetch: env.fetch, now: () => new Date(), sleep: realSleep }
          : { credentials: env.credentials, fetch: time.fetchFor(i, env.fetch), now: time.now, sleep: time.sleepFor(i) };
        const deadline = (external ? Date.now() : RUN_EPOCH.getTime()) + scenario.timeoutMs;
        try {
          const run = await runBuiltin(spec, runtime, { output: file, seed: `${scenario.name}:${i}`, deadline, timeoutMs: scenario.timeoutMs, log });
          return { name, file, ...run };
        } catch (error) {
          const message = error instanceof RunTimeout ? error.message : `${spec.ref}: ${(error as Error).message}`;
          return { name, file, outcome: 'failed', error: message };
        } finally {
          time.done(i);
        }
      }
      time.done(i);
      const given = externalValues(scenario, env, file, work);
      try {
        const run = await runExternal(spec, given.values, {
          scenarioDir: dirname(scenario.source.file),
          timeoutMs: scenario.timeoutMs,
          scrubber: () => runScrubber(env),
          env: env.connectorEnv,
        });
        for (const line of run.output.filter(Boolean)) log(parseLogLine(line));
        return {
          name,
          file,
          outcome: run.outcome,
          ...(run.error ? { error: run.error } : {}),
          exitCode: run.exitCode,
          peakRssBytes: run.peakRssBytes,
        };
      } finally {
        given.dispose();
      }
    }),
  );
}

function connectorName(spec: ConnectorSpec, i: number, several: boolean): string {
  const base =
    spec.kind === 'builtin' ? spec.ref : (spec.name ?? (typeof spec.command === 'string' ? spec.command.split(/\s+/)[0]! : spec.command[0]!));
  return several ? `${i + 1}:${base}` : base;
}
