/**
 * `stats`: counts for one sync, shaped like the Go SDK CLI's (`-o json` is the SyncRun protojson).
 * Unlike the SDK, a file whose syncs all stopped early shows the latest unfinished one with a note on
 * stderr (and no `endedAt`), because that is exactly the file a support engineer is handed.
 */
import { selectForStats, type SyncRun, type SyncStats } from '../../../c1z/index.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import { writeTable } from '../../../lib/output/table.js';
import { duration, int64, withSyncFile } from './common.js';
import type { StatsOptions } from '../command-options.js';

/**
 * What the stats a finished sync cached are read from. Counting rows instead reads the row tables too, and
 * any damage there fails the count before anything is printed; checking them up front as well would add
 * seconds (a third of the run on 1M grants) to the common case.
 */
const CACHED_STATS = ['syncs', 'resourceTypes'] as const;

export async function run(options: StatsOptions, _args: string[], io: CommandIO): Promise<number> {
  return withSyncFile(options, CACHED_STATS, async (file) => {
    const { sync, unfinished } = selectForStats(file.path, file.syncs(), options.syncId);
    const stats = file.stats(sync.id, { recount: options.recount });
    if (unfinished) {
      await io.stderr.line(
        options.syncId
          ? `note: sync ${sync.id} is unfinished; counts show how far it got`
          : `note: no finished sync in ${file.path}; showing the unfinished sync ${sync.id} (counts show how far it got)`,
      );
    }
    if (options.outputFormat === 'json') {
      await io.stdout.line(JSON.stringify(statsJson(sync, stats), null, 2));
    } else {
      await printConsole(io, file.engine, sync, stats, unfinished);
    }
    return 0;
  });
}

/** c1.reader.v2.SyncRun as protojson: camelCase, int64 as strings, field-number order. */
export function statsJson(sync: SyncRun, stats: SyncStats): Record<string, unknown> {
  const counts = (map: Record<string, number>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, int64(v)]));
  return {
    id: sync.id,
    ...(sync.startedAt ? { startedAt: sync.startedAt } : {}),
    ...(sync.endedAt ? { endedAt: sync.endedAt } : {}),
    syncToken: sync.syncToken,
    syncType: sync.syncType,
    ...(sync.parentSyncId ? { parentSyncId: sync.parentSyncId } : {}),
    stats: {
      resourceTypes: int64(stats.resourceTypes),
      resources: int64(stats.resources),
      entitlements: int64(stats.entitlements),
      grants: int64(stats.grants),
      resourcesByResourceType: counts(stats.resourcesByResourceType),
      grantsByResourceType: counts(stats.grantsByResourceType),
      entitlementsByResourceType: counts(stats.entitlementsByResourceType),
    },
  };
}

const COUNTED_FROM = {
  rows: 'the rows of the sync',
  cached: 'the stats cached in the file when the sync ended (--recount counts rows)',
  header: 'the v3 manifest header',
} as const;

async function printConsole(io: CommandIO, engine: string, sync: SyncRun, stats: SyncStats, unfinished: boolean): Promise<void> {
  await writeTable(
    io.stdout,
    ['Field', 'Value'],
    [
      ['Engine', engine],
      ['Sync ID', sync.id],
      ['Sync Type', sync.syncType],
      ['Parent Sync ID', sync.parentSyncId || '-'],
      ['Started At', sync.startedAt ?? '-'],
      ['Ended At', unfinished ? 'unfinished' : (sync.endedAt ?? '-')],
      ['Duration', duration(sync)],
      ['Sync Token', sync.syncToken || '-'],
      ['Counted From', COUNTED_FROM[stats.countedFrom ?? 'rows']],
    ],
  );
  await io.stdout.line();
  await writeTable(
    io.stdout,
    ['Type', 'Count'],
    [
      ['Resource Types', String(stats.resourceTypes)],
      ['Resources', String(stats.resources)],
      ['Entitlements', String(stats.entitlements)],
      ['Grants', String(stats.grants)],
    ],
  );
  await io.stdout.line();
  const types = Object.keys(stats.resourcesByResourceType);
  await writeTable(
    io.stdout,
    ['Resource Type', 'Resources', 'Entitlements', 'Grants'],
    types.map((t) => [
      t,
      ...[stats.resourcesByResourceType, stats.entitlementsByResourceType, stats.grantsByResourceType].map((m) => String(m[t] ?? 0)),
    ]),
  );
}
