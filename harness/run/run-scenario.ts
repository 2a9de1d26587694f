/**
 * Runs one scenario end to end: builds its tenant and simulator, applies its faults, runs its connector(s)
 * (several share one tenant and its quota), then its actions; reads the sync file back, compares it with
 * the tenant's ground truth, asks the doctor, checks `expect`, and leaves everything in `runs/<name>/`.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Connector } from '../sync/contract.js';
import type { LogLine, MemoryEvidence, RunEvidence, SyncContents } from '../doctor/evidence.js';
import { diagnose } from '../doctor/index.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { BuiltinConnector, ConnectorSpec } from '../scenario/schema.js';
import { loadBuiltin } from '../../connectors/builtin.js';
import { runActions } from './actions.js';
import { runBuiltin, RunTimeout, timeoutText, type BuiltinRun } from './builtin-run.js';
import { compareWithTruth } from './completeness.js';
import { unmetExpectations } from './expectations.js';
import { runExternal } from './external-run.js';
import { HeapSampler } from './memory.js';
import type { ConnectorRun, ScenarioResult } from './result.js';
import { createSimEnv, type SimEnv } from './sim-env.js';
import { readSync } from './sync-contents.js';
import { Lockstep } from './lockstep.js';

export interface RunOptions {
  /** Where run folders go; `runs` in the working directory by default. */
  runsDir?: string;
  /** Replaces the scenario's connectors (`run --connector CMD`). */
  connector?: ConnectorSpec;
  log?: (line: LogLine & { connector?: string }) => void;
}

/** Virtual time starts here for every builtin run, so files and journals carry the same times each run. */
export const RUN_EPOCH = new Date('2026-05-01T12:00:00Z');

const MB = 1024 * 1024;

export async function runScenario(scenario: LoadedScenario, options: RunOptions = {}): Promise<ScenarioResult> {
  const started = performance.now();
  const runsDir = resolve(options.runsDir ?? 'runs');
  const runDir = join(runsDir, scenario.name);
  mkdirSync(runsDir, { recursive: true });
  const work = await mkdtemp(join(runsDir, `.${scenario.name}-`));
  const specs = options.connector ? [options.connector] : scenario.connectors;
  const external = specs.some((s) => s.kind === 'external');
  const time = new Lockstep(RUN_EPOCH, specs.length);
  const settings = { writeBack: scenario.writeBack ?? scenario.actions.length > 0, ...(scenario.permissions ? { permissions: scenario.permissions } : {}) };
  const env = await createSimEnv({ provider: scenario.provider, shape: scenario.tenant, faults: scenario.faults, settings, loopback: external, ...(external ? {} : { clock: time.now }) });
  try {
    const logs: (LogLine & { connector?: string })[] = [];
    const sampler = new HeapSampler();
    const stopSampling = env.ctx.journal.onRecord(() => sampler.sample());
    const deadline = RUN_EPOCH.getTime() + scenario.timeoutMs;
    const names = specs.map((spec, i) => connectorName(spec, i, specs.length));
    const files = specs.map((_, i) => join(work, specs.length > 1 ? `sync-${i + 1}.c1z` : 'sync.c1z'));
    let peakRssBytes = 0;
    const outcomes = await Promise.all(
      specs.map(async (spec, i) => {
        const log = (line: LogLine) => {
          const tagged = { ...line, ...(specs.length > 1 ? { connector: names[i]! } : {}) };
          logs.push(tagged);
          options.log?.(tagged);
        };
        if (spec.kind === 'builtin') {
          // Beside an external process everything lives on the real clock, as that process does.
          const runtime = external
            ? { credentials: env.credentials, fetch: env.fetch, now: () => new Date(), sleep: realSleep }
            : { credentials: env.credentials, fetch: time.fetchFor(i, env.fetch), now: time.now, sleep: time.sleepFor(i) };
          try {
            return await runBuiltin(spec, runtime, { output: files[i]!, seed: `${scenario.name}:${i}`, deadline: external ? Date.now() + scenario.timeoutMs : deadline, timeoutMs: scenario.timeoutMs, log });
          } catch (error) {
            const message = error instanceof RunTimeout ? error.message : `${spec.ref}: ${(error as Error).message}`;
            return { outcome: 'failed' as const, error: message };
          } finally {
            time.done(i);
          }
        }
        time.done(i);
        const values = placeholderValues(scenario, env, files[i]!, work);
        const run = await runExternal(spec, values, { scenarioDir: dirname(scenario.source.file), timeoutMs: scenario.timeoutMs, secrets: secretsOf(env.credentials) });
        peakRssBytes = Math.max(peakRssBytes, run.peakRssBytes);
        for (const line of run.output.split('\n').filter(Boolean)) log(parseLogLine(line));
        return { ...run, connector: undefined };
      }),
    );
    stopSampling();
    sampler.sample();
    const module = await loadBuiltin(scenario.provider);
    const truth = module?.groundTruth(env.tenant, scenario.permissions);
    const runs: ConnectorRun[] = [];
    const contents: (SyncContents | undefined)[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const read = existsSync(files[i]!) ? await readSync(files[i]!) : undefined;
      contents.push(read?.contents);
      const completeness = read && truth ? compareWithTruth(read.contents, truth) : { missing: [], extra: [] };
      // An external program that exits 0 without finishing its sync did not succeed.
      const unfinished = outcome.outcome === 'succeeded' && (!read || !read.finished);
      runs.push({
        name: names[i]!,
        outcome: unfinished ? 'failed' : outcome.outcome,
        ...(unfinished ? { error: `${names[i]}: exited 0 but ${read ? 'its sync has no end time' : `wrote no sync file at ${files[i]}`}` } : outcome.error ? { error: outcome.error } : {}),
        ...('exitCode' in outcome ? { exitCode: outcome.exitCode } : {}),
        ...(read ? { stats: read.stats, syncFile: relative(work, files[i]!) } : {}),
        ...completeness,
      });
    }
    const builtinConnector = outcomes.find((o): o is typeof o & { connector: Connector } => 'connector' in o && o.connector !== undefined)?.connector;
    time.advance(1000);
    const actions = scenario.actions.length === 0 ? [] : builtinConnector ? await runActions(builtinConnector, scenario.actions, env.tenant, contents[0]) : scenario.actions.map((a) => ({ op: a.op, entitlement: a.entitlement, principal: a.principal, ok: false, error: 'actions need a builtin connector (an external one is only synced)' }));
    const memory: MemoryEvidence | undefined = external ? undefined : { peakHeapBytes: sampler.peakBytes(), ...(scenario.memoryCheck && builtinConnector ? { retained: [await retainedAt(scenario, scenario.tenant.users), await retainedAt(scenario, scenario.memoryCheck.users)] } : {}) };
    const failed = runs.find((r) => r.outcome === 'failed');
    const outcome = failed ? 'failed' : 'succeeded';
    const error = failed?.error;
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
      ...(memory ? { memory } : {}),
      actions,
    };
    const diagnosis = diagnose(evidence);
    const requestsByRoute: Record<string, number> = {};
    for (const entry of journal) requestsByRoute[entry.route ?? '(unmatched)'] = (requestsByRoute[entry.route ?? '(unmatched)'] ?? 0) + 1;
    const peakMemoryMb = external ? peakRssBytes / MB : sampler.peakBytes() / MB;
    const unmet = unmetExpectations(scenario.expect, { outcome, ...(error ? { error } : {}), connectors: runs, requests: journal.length, requestsByRoute, findings: diagnosis.findings, peakMemoryMb, tenant: env.tenant });
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
      runDir,
      durationMs: Math.round(performance.now() - started),
    };
    writeFileSync(join(work, 'journal.jsonl'), env.ctx.journal.toJsonLines());
    writeFileSync(join(work, 'connector.log'), logs.map((l) => JSON.stringify(l)).join('\n') + (logs.length ? '\n' : ''));
    writeFileSync(join(work, 'result.json'), `${JSON.stringify({ ...result, diagnosis: diagnosis.summary }, null, 2)}\n`);
    // The previous run of this scenario is replaced only by a complete folder.
    rmSync(runDir, { recursive: true, force: true });
    renameSync(work, runDir);
    return result;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  } finally {
    await env.close();
  }
}

/**
 * What the connector itself still holds after a fault-free sync of a tenant of `users` users (same seed
 * and mixes): the heap kept with the connector alive, less the heap kept once it is dropped, so the
 * simulator's own caches and the journal, which also grow with the tenant, are not counted.
 */
async function retainedAt(scenario: LoadedScenario, users: number): Promise<{ users: number; bytes: number }> {
  const spec = scenario.connectors.find((s): s is BuiltinConnector => s.kind === 'builtin');
  const time = new Lockstep(RUN_EPOCH, 1);
  const scale = users / Math.max(1, scenario.tenant.users);
  const shape = { ...scenario.tenant, users, groups: Math.max(1, Math.round(scenario.tenant.groups * scale)) };
  const env = await createSimEnv({ provider: scenario.provider, shape, faults: [], settings: scenario.permissions ? { permissions: scenario.permissions } : {}, loopback: false, clock: time.now });
  const work = await mkdtemp(join(tmpdir(), 'sync-harness-memory-'));
  try {
    if (!spec) return { users, bytes: 0 };
    const sampler = new HeapSampler();
    // Held in a property read after the first measure, so the optimiser cannot drop it early.
    const held: { run?: BuiltinRun } = {};
    held.run = await runBuiltin(spec, { credentials: env.credentials, fetch: time.fetchFor(0, env.fetch), now: time.now, sleep: time.sleepFor(0) }, { output: join(work, 'sync.c1z'), seed: scenario.name, deadline: Number.MAX_SAFE_INTEGER, timeoutMs: scenario.timeoutMs, log: () => {} });
    const withConnector = sampler.retainedBytes();
    if (held.run.outcome !== 'succeeded') throw new Error(`memoryCheck: the fault-free sync of ${users} users failed: ${held.run.error}`);
    delete held.run;
    await new Promise((r) => setImmediate(r));
    const without = sampler.retainedBytes();
    return { users, bytes: Math.max(0, withConnector - without) };
  } finally {
    rmSync(work, { recursive: true, force: true });
    await env.close();
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function connectorName(spec: ConnectorSpec, i: number, count: number): string {
  const base = spec.kind === 'builtin' ? spec.ref : (spec.name ?? (typeof spec.command === 'string' ? spec.command.split(/\s+/)[0]! : spec.command[0]!));
  return count > 1 ? `${i + 1}:${base}` : base;
}

function placeholderValues(scenario: LoadedScenario, env: SimEnv, output: string, work: string): Record<string, string> {
  const credentialsFile = join(work, '.credentials.json');
  writeFileSync(credentialsFile, JSON.stringify(env.credentials), { mode: 0o600 });
  const values: Record<string, string> = {
    baseUrl: env.baseUrl,
    output,
    runDir: work,
    tenantId: scenario.tenant.tenantId ?? '',
    seed: String(scenario.tenant.seed),
    provider: scenario.provider,
    proxyUrl: '',
    caFile: '',
    credentialsFile,
  };
  for (const [key, value] of Object.entries(env.credentials)) values[`credentials.${key}`] = typeof value === 'string' ? value : JSON.stringify(value);
  return values;
}

/** Every secret-looking credential value, to mask in a connector's output. */
function secretsOf(credentials: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(credentials)) {
    if (/secret|token|key|password/i.test(key)) {
      if (typeof value === 'string') out.push(value);
      else if (value && typeof value === 'object') for (const inner of Object.values(value)) if (typeof inner === 'string' && inner.length > 20) out.push(inner);
    }
  }
  return out;
}

/** A connector's output line: its JSON log line when it writes one, else the text as an info line. */
function parseLogLine(line: string): LogLine {
  try {
    const parsed = JSON.parse(line) as Partial<LogLine>;
    if (parsed && typeof parsed === 'object' && typeof parsed.msg === 'string') return { level: parsed.level ?? 'info', ...parsed } as LogLine;
  } catch {
    // Not JSON.
  }
  return { level: 'info', msg: line };
}

export { timeoutText };
