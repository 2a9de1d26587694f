/**
 * A builtin connector synced in this process on the run's virtual time: the engine sleeps on that clock,
 * and a sleep past the scenario's deadline stops the run, so a permanent error retried without end fails
 * in milliseconds instead of hanging CI.
 */
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import { runSync } from '../sync/engine.js';
import type { Connector } from '../sync/contract.js';
import type { LogLine } from '../doctor/evidence.js';
import { formatDuration } from '../scenario/duration.js';
import { loadBuiltin } from '../../connectors/builtin.js';
import type { BuiltinConnector } from '../scenario/schema.js';
import type { SimEnv } from './sim-env.js';
import type { VirtualTime } from './virtual-time.js';

export interface BuiltinRun {
  connector: Connector;
  outcome: 'succeeded' | 'failed';
  error?: string;
}

export class RunTimeout extends Error {}

export function timeoutText(timeoutMs: number): string {
  return `run stopped: the scenario's timeout of ${formatDuration(timeoutMs)} passed (is a permanent error being retried without end?)`;
}

export async function runBuiltin(spec: BuiltinConnector, env: SimEnv, time: VirtualTime, options: { output: string; seed: string; deadline: number; timeoutMs: number; log: (line: LogLine) => void }): Promise<BuiltinRun> {
  const module = await loadBuiltin(spec.provider);
  if (!module) throw new Error(`no builtin connector for ${spec.provider}`);
  if (spec.variant !== undefined && !module.variants.includes(spec.variant)) {
    throw new Error(`${spec.ref}: no such variant (known: ${module.variants.join(', ') || 'none'})`);
  }
  const connector = module.create(env.credentials, { fetch: env.fetch, now: time.now, ...(spec.variant ? { variant: spec.variant } : {}) });
  const sleep = async (ms: number) => {
    if (time.now().getTime() + ms > options.deadline) throw new RunTimeout(timeoutText(options.timeoutMs));
    await time.sleep(ms);
  };
  const result = await runSync(connector, {
    writer: new C1zWriter(options.output, { clock: time.now, seed: options.seed }),
    clock: time.now,
    sleep,
    log: (event) => options.log({ ...event }),
  });
  if (result.outcome === 'succeeded') return { connector, outcome: 'succeeded' };
  return { connector, outcome: 'failed', error: result.error.message };
}
