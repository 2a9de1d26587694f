/**
 * `memoryCheck`: what a builtin connector itself still holds after a fault-free sync of a tenant of a given
 * size (same seed and mixes). The heap kept with the connector alive, less the heap kept once it is dropped,
 * so the simulator's own caches and the journal, which also grow with the tenant, are not counted.
 */
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../../lib/fs/temp-files.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { BuiltinConnector } from '../scenario/schema.js';
import { scaledShape } from '../../mocks/tenant/shape.js';
import { runBuiltin, type BuiltinRun } from './builtin-run.js';
import { RUN_EPOCH } from './epoch.js';
import { Lockstep } from './lockstep.js';
import { HeapSampler } from './memory.js';
import { createSimEnv } from './sim-env.js';

export async function retainedAt(scenario: LoadedScenario, spec: BuiltinConnector, users: number): Promise<{ users: number; bytes: number }> {
  const time = new Lockstep(RUN_EPOCH, 1);
  const shape = scaledShape(scenario.tenant, users);
  const settings = scenario.permissions ? { permissions: scenario.permissions } : {};
  const env = await createSimEnv({ provider: scenario.provider, shape, faults: [], settings, serving: 'in-process', clock: time.now });
  const work = makeTempDir('sync-harness-memory-');
  try {
    const sampler = new HeapSampler();
    // Held in a property read after the first measure, so the optimiser cannot drop it early.
    const held: { run?: BuiltinRun } = {};
    const runtime = { credentials: env.credentials, fetch: time.fetchFor(0, env.fetch), now: time.now, sleep: time.sleepFor(0) };
    held.run = await runBuiltin(spec, runtime, {
      output: join(work, 'sync.c1z'),
      seed: scenario.name,
      deadline: Number.MAX_SAFE_INTEGER,
      timeoutMs: scenario.timeoutMs,
      log: () => {},
    });
    const withConnector = sampler.retainedBytes();
    if (held.run.outcome !== 'succeeded') throw new Error(`memoryCheck: the fault-free sync of ${users} users failed: ${held.run.error}`);
    delete held.run;
    // The finished run's promise chain lets go of the connector only after this turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    const without = sampler.retainedBytes();
    return { users, bytes: Math.max(0, withConnector - without) };
  } finally {
    removeTempDir(work);
    await env.close();
  }
}
