/**
 * For record/replay tests: a builtin reference connector synced in process against a simulator on the
 * providers' real hosts, its traffic captured by wrapping the `fetch` it is given, its sync written to a
 * .c1z that stays on disk; and the same connector synced again against any other fetch (a replay).
 */
import { join } from 'node:path';
import type { HttpHandler } from 'msw';
import { loadBuiltin } from '../../connectors/builtin.js';
import { createContext, type SimContext } from '../../mocks/core/context.js';
import { directFetch } from '../../mocks/core/direct-fetch.js';
import { createAwsSimulator } from '../../mocks/aws/simulator.js';
import { createEntraSimulator } from '../../mocks/entra/simulator.js';
import { createGoogleSimulator } from '../../mocks/google/simulator.js';
import { parseFaultSpec } from '../../mocks/faults/spec.js';
import { createTenant } from '../../mocks/tenant/store.js';
import type { TenantShape } from '../../mocks/tenant/model.js';
import { steppingClock } from '../../c1z/synthetic/stepping-clock.js';
import { C1zWriter } from '../../c1z/writer/c1z-writer.js';
import { compareSyncs } from '../diff/compare.js';
import type { DiffReport } from '../../reports/diff/report.js';
import { openSides } from '../diff/sides.js';
import { runSync, type SyncResult } from '../sync/engine.js';
import { recordingFetch, type Exchange } from './exchange.js';
import type { IdentityMap } from './identity-map.js';
import { replayContext, replayHandlers, type Replay } from './replay.js';
import { mapConfiguration } from './sanitize.js';
import type { Secret } from '../../lib/secrets/index.js';
import { unmapC1z } from './unmap-c1z.js';

export type RecordedProvider = 'entra' | 'google' | 'aws';

/** The connector's clock: fixed, so token expiry and JWT times are the same in the recorded and replayed run. */
const RUN_START = new Date('2026-05-01T12:00:00Z');

export interface SimulatedProvider {
  ctx: SimContext;
  handlers: HttpHandler[];
  /** Exactly what the builtin connector is created from. */
  credentials: Record<string, unknown>;
  /** The credentials' secrets, for the scan. */
  secrets: Secret[];
}

export function simulate(provider: RecordedProvider, shape: Partial<TenantShape> = {}, faults: string[] = []): SimulatedProvider {
  const tenant = createTenant({ users: 30, groups: 4, apps: 2, appRoleAssignments: 6, ...shape });
  const ctx = createContext({ tenant, seed: 11, clock: () => RUN_START, faults: faults.map((f) => parseFaultSpec(f)) });
  if (provider === 'entra') {
    const sim = createEntraSimulator(ctx);
    return {
      ctx,
      handlers: sim.handlers,
      credentials: { ...sim.credentials, authority: sim.authority, graphBase: sim.bases.graph, scope: sim.scope },
      secrets: [{ label: 'clientSecret', value: sim.credentials.clientSecret }],
    };
  }
  if (provider === 'google') {
    const sim = createGoogleSimulator(ctx);
    const key = sim.credentials.serviceAccountKey;
    return {
      ctx,
      handlers: sim.handlers,
      credentials: { ...sim.credentials, tokenUri: key.token_uri, adminBase: sim.bases.admin },
      secrets: [{ label: 'serviceAccountKey.private_key', value: key.private_key }],
    };
  }
  const sim = createAwsSimulator(ctx);
  return {
    ctx,
    handlers: sim.handlers,
    credentials: { ...sim.credentials },
    secrets: [{ label: 'secretAccessKey', value: sim.credentials.secretAccessKey }],
  };
}

export interface ConnectorRun {
  result: SyncResult;
  sleeps: number[];
}

/** The builtin connector for `provider`, synced through `fetch` into `output` (kept). */
export async function syncBuiltin(
  provider: RecordedProvider,
  credentials: Record<string, unknown>,
  transport: typeof globalThis.fetch,
  output: string,
): Promise<ConnectorRun> {
  const module = await loadBuiltin(provider);
  if (!module) throw new Error(`no builtin connector for ${provider}`);
  const now = () => RUN_START;
  const connector = module.create(credentials, { fetch: transport, now });
  // The file's own clock steps, as in the engine tests; the same seed gives both runs the same sync ids.
  const clock = steppingClock(RUN_START, 10);
  const sleeps: number[] = [];
  const result = await runSync(connector, {
    writer: new C1zWriter(output, { clock, seed: 'record-replay' }),
    clock,
    sleep: async (ms) => void sleeps.push(ms),
  });
  return { result, sleeps };
}

/** Syncs against the simulator with every exchange captured. */
export async function recordRun(
  sim: SimulatedProvider,
  provider: RecordedProvider,
  output: string,
): Promise<ConnectorRun & { exchanges: Exchange[] }> {
  const exchanges: Exchange[] = [];
  const fetch = recordingFetch(
    directFetch(() => sim.handlers, sim.ctx, provider),
    exchanges,
    () => RUN_START,
  );
  const run = await syncBuiltin(provider, sim.credentials, fetch, output);
  return { ...run, exchanges };
}

export interface ReplayedRun extends ConnectorRun {
  ctx: SimContext;
  replay: Replay;
  /** The replay's sync with the mapping applied back. */
  unmapped: string;
}

/**
 * The same connector against a replay of `fixtures`, configured with the recording's fakes, its sync
 * unmapped into `<dir>/<name>.unmapped.c1z`.
 */
export async function replayRun(
  provider: RecordedProvider,
  credentials: Record<string, unknown>,
  fixtures: readonly Exchange[],
  map: IdentityMap,
  dir: string,
  name: string,
  faults: string[] = [],
): Promise<ReplayedRun> {
  const ctx = replayContext({ faults, clock: () => RUN_START });
  const replay = replayHandlers(fixtures, { ctx });
  const output = join(dir, `${name}.c1z`);
  const run = await syncBuiltin(
    provider,
    mapConfiguration(credentials, map),
    directFetch(() => replay.handlers, ctx, provider),
    output,
  );
  const unmapped = join(dir, `${name}.unmapped.c1z`);
  await unmapC1z(output, unmapped, map);
  return { ...run, ctx, replay, unmapped };
}

/** `sync-harness diff BASE COMPARE`'s report, as the command builds it. */
export async function diffFiles(base: string, compare: string): Promise<DiffReport> {
  const sides = await openSides({ files: [base, compare] });
  try {
    return compareSyncs(sides, { dropThreshold: 10, rules: [] });
  } finally {
    sides.close();
  }
}
