/**
 * Which sync a command shows, following the Go SDK (`pkg/dotc1z` resolveSyncID and GetLatestFinishedSync).
 *
 * Row listings (resources, entitlements, grants, resource-types), in order:
 *   1. `--sync-id` when given (an unknown id is an error, never a silent fallback);
 *   2. the latest finished `full` sync (ORDER BY ended_at DESC, sync_id DESC);
 *   3. the latest unfinished sync of any type;
 *   4. the latest finished sync of any other type;
 *   5. no sync runs at all: every row in the file.
 * `stats`: `--sync-id`, else the latest finished sync of any type, else the latest unfinished one, flagged
 * so the CLI can say so: a support engineer needs to see how far a failed sync got.
 *
 * Deliberate differences from the SDK, each because a file is usually inspected long after it was written:
 *   - step 3 has no seven-day limit (the SDK ignores unfinished syncs started more than 7 days ago, which
 *     would make a customer's failed sync invisible a week later);
 *   - step 4 replaces the SDK's "no filter" fallback, which mixes the rows of every sync in the file;
 *   - `stats` shows an unfinished sync where the SDK prints "No finished sync found".
 */
import { echo } from '../lib/echo.js';
import { UserError } from '../lib/errors.js';
import type { SyncRun } from './types.js';

export type RowSelection =
  | { kind: 'sync'; sync: SyncRun; reason: 'explicit' | 'latest-finished-full' | 'latest-unfinished' | 'latest-finished' }
  | { kind: 'all-syncs' };

export interface StatsSelection {
  sync: SyncRun;
  /** True when no sync finished and the latest unfinished one stands in. */
  unfinished: boolean;
}

export function selectForRows(file: string, syncs: readonly SyncRun[], syncId?: string): RowSelection {
  if (syncId) return { kind: 'sync', sync: findExplicit(file, syncs, syncId), reason: 'explicit' };
  const finishedFull = latest(
    syncs.filter((s) => s.endedAt && s.syncType === 'full'),
    'endedAt',
  );
  if (finishedFull) return { kind: 'sync', sync: finishedFull, reason: 'latest-finished-full' };
  const unfinished = latest(
    syncs.filter((s) => !s.endedAt),
    'startedAt',
  );
  if (unfinished) return { kind: 'sync', sync: unfinished, reason: 'latest-unfinished' };
  const finished = latest(
    syncs.filter((s) => s.endedAt),
    'endedAt',
  );
  if (finished) return { kind: 'sync', sync: finished, reason: 'latest-finished' };
  return { kind: 'all-syncs' };
}

export function selectForStats(file: string, syncs: readonly SyncRun[], syncId?: string): StatsSelection {
  if (syncId) {
    const sync = findExplicit(file, syncs, syncId);
    return { sync, unfinished: !sync.endedAt };
  }
  const finished = latest(
    syncs.filter((s) => s.endedAt),
    'endedAt',
  );
  if (finished) return { sync: finished, unfinished: false };
  const unfinished = latest(
    syncs.filter((s) => !s.endedAt),
    'startedAt',
  );
  if (unfinished) return { sync: unfinished, unfinished: true };
  throw noSync(file);
}

function noSync(file: string): UserError {
  return new UserError(`${file}: no sync found in this file (it holds no sync runs; was the sync ever started?)`);
}

function findExplicit(file: string, syncs: readonly SyncRun[], syncId: string): SyncRun {
  const sync = syncs.find((s) => s.id === syncId);
  if (sync) return sync;
  const known = syncs.map((s) => s.id);
  const listed = known.length === 0 ? 'it holds none' : `it holds ${known.slice(-5).join(', ')}${known.length > 5 ? ', ...' : ''}`;
  throw new UserError(`${echo(file, 300)}: unknown --sync-id ${echo(syncId)} (${listed}; list them with: sync-harness syncs -f ${echo(file, 300)})`);
}

/** The newest by `field`, ties broken by the larger sync id (KSUIDs sort by time), as the SDK orders. */
function latest(syncs: readonly SyncRun[], field: 'startedAt' | 'endedAt'): SyncRun | undefined {
  let best: SyncRun | undefined;
  for (const sync of syncs) {
    if (!best || compare(sync, best, field) > 0) best = sync;
  }
  return best;
}

function compare(a: SyncRun, b: SyncRun, field: 'startedAt' | 'endedAt'): number {
  return order(timeKey(a[field]), timeKey(b[field])) || order(a.id, b.id);
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RFC 3339 UTC with the fraction padded to nine digits, so plain string order is time order. */
function timeKey(rfc3339: string | undefined): string {
  if (!rfc3339) return '';
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(rfc3339);
  return match ? `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}` : rfc3339;
}
