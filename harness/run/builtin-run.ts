/**
 * A builtin connector synced in this process on the run's virtual time (see lockstep.ts): the engine sleeps
 * on that clock, and a sleep past the scenario's deadline stops the run, so a permanent error retried
 * without end fails in milliseconds instead of hanging CI.
 */
import { C1zWriter } from '../../c1z/index.js';
import { runSync } from '../sync/engine.js';
import type { Connector } from '../../c1z/contract/index.js';
import type { LogLine } from '../../reports/evidence.js';
import { formatDuration } from '../scenario/duration.js';
import { loadBuiltin } from '../../connectors/builtin.js';
import type { BuiltinConnector } from '../scenario/schema.js';

export interface BuiltinRun {
  connector: Connector;
  outcome: 'succeeded' | 'failed';
  error?: string;
}

export class RunTimeout extends Error {}

function timeoutText(timeoutMs: number): string {
  return `run stopped: the scenario's timeout of ${formatDuration(timeoutMs)} passed (is a permanent error being retried without end?)`;
}

/** How the connector reaches the simulator and the clock it lives on. */
export interface BuiltinRuntime {
  credentials: Record<string, unknown>;
  fetch: typeof fetch;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

export async function runBuiltin(
  spec: BuiltinConnector,
  runtime: BuiltinRuntime,
  options: { output: string; seed: string; deadline: number; timeoutMs: number; log: (line: LogLine) => void },
): Promise<BuiltinRun> {
  const module = await loadBuiltin(spec.provider);
  if (!module) throw new Error(`no builtin connector for ${spec.provider}`);
  if (spec.variant !== undefined && !module.variants.includes(spec.variant)) {
    throw new Error(`${spec.ref}: no such variant (known: ${module.variants.join(', ') || 'none'})`);
  }
  const { now } = runtime;
  const connector = module.create(runtime.credentials, { fetch: runtime.fetch, now, ...(spec.variant ? { variant: spec.variant } : {}) });
  const sleep = async (ms: number) => {
    if (now().getTime() + ms > options.deadline) throw new RunTimeout(timeoutText(options.timeoutMs));
    await runtime.sleep(ms);
  };
  const result = await runSync(connector, {
    writer: new C1zWriter(options.output, { clock: now, seed: options.seed }),
    clock: now,
    sleep,
    log: (event) => options.log({ ...event }),
  });
  if (result.outcome === 'succeeded') return { connector, outcome: 'succeeded' };
  return { connector, outcome: 'failed', error: result.error.message };
}
