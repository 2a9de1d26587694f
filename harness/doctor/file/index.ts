/**
 * `doctor -f`: what a customer's sync file says. The latest sync (by start) is the one examined: when it
 * is unfinished, where it stopped (its sync token) and what it had written by then; then state findings
 * from its rows, and with `--expect-ids`, the expected ids against the sync's.
 */
import { openSyncFile, type SyncFile, type SyncRun, type SyncStats } from '../../../c1z/index.js';
import { UserError } from '../../../lib/errors.js';
import type { Finding } from '../../../reports/evidence.js';
import { compareIds, expectIdsFindings, readExpectedIds, type ExpectIdsResult } from './expect-ids.js';
import { readState } from './state.js';
import { decodeSyncToken, stoppedAtLine, type StoppedAt } from './token.js';

export interface Reached {
  resources: Record<string, number>;
  entitlements: Record<string, number>;
  grants: Record<string, number>;
  totals: { resourceTypes: number; resources: number; entitlements: number; grants: number };
}

export interface FileDiagnosis {
  sync: { id: string; type: string; startedAt?: string; endedAt?: string; engine: SyncFile['engine'] };
  findings: Finding[];
  stoppedAt?: StoppedAt;
  reached?: Reached;
  expectIds?: ExpectIdsResult;
  /** What could not be examined (nothing today: v3 files are read row by row too); printed as notes. */
  notes: string[];
}

export async function diagnoseFile(path: string, expectIdsPath?: string): Promise<FileDiagnosis> {
  // Read the list first: a bad list is bad input, reported before any decompression.
  const expected = expectIdsPath ? readExpectedIds(expectIdsPath) : undefined;
  const file = await openSyncFile(path);
  try {
    file.verify();
    const sync = latestStarted(file);
    const findings: Finding[] = [];
    const notes: string[] = [];
    const result: FileDiagnosis = {
      sync: {
        id: sync.id,
        type: sync.syncType,
        ...(sync.startedAt ? { startedAt: sync.startedAt } : {}),
        ...(sync.endedAt ? { endedAt: sync.endedAt } : {}),
        engine: file.engine,
      },
      findings,
      notes,
    };
    const stats = file.stats(sync.id);
    if (!sync.endedAt) {
      const stoppedAt = decodeSyncToken(sync.syncToken);
      if (stoppedAt) result.stoppedAt = stoppedAt;
      result.reached = reached(stats);
      findings.push(unfinished(sync, stoppedAt, stats));
    }
    const state = readState(path, file.rows(), { syncId: sync.id });
    findings.push(...state.findings);
    if (expected) {
      result.expectIds = compareIds(expected, state.resourceKeys);
      findings.push(...expectIdsFindings(result.expectIds));
    }
    findings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return result;
  } finally {
    file.close();
  }
}

function latestStarted(file: SyncFile): SyncRun {
  const syncs = file.syncs();
  const sync = [...syncs].sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.id.localeCompare(b.id)).at(-1);
  if (!sync) throw new UserError(`${file.path}: no sync found in this file (it holds no sync runs; was the sync ever started?)`);
  return sync;
}

function reached(stats: SyncStats): Reached {
  return {
    resources: stats.resourcesByResourceType,
    entitlements: stats.entitlementsByResourceType,
    grants: stats.grantsByResourceType,
    totals: { resourceTypes: stats.resourceTypes, resources: stats.resources, entitlements: stats.entitlements, grants: stats.grants },
  };
}

function unfinished(sync: SyncRun, stoppedAt: StoppedAt | undefined, stats: SyncStats): Finding {
  const byType = Object.entries(stats.resourcesByResourceType)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return {
    id: 'sync-unfinished',
    title: `Sync unfinished: stopped during ${stoppedAt ? stoppedAtLine(stoppedAt) : 'an unknown step (no readable sync token)'}`,
    evidence: [
      `sync ${sync.id} (${sync.syncType}) started ${sync.startedAt ?? '?'}, no end time`,
      ...(stoppedAt?.completedActions !== undefined ? [`${stoppedAt.completedActions} action(s) completed before it stopped`] : []),
      `written so far: ${stats.resources} resources (${byType || 'none'}), ${stats.entitlements} entitlements, ${stats.grants} grants`,
      ...(stoppedAt?.pending.length
        ? [
            `still queued: ${stoppedAt.pending.slice(0, 4).join('; ')}${stoppedAt.pending.length > 4 ? ` and ${stoppedAt.pending.length - 4} more` : ''}`,
          ]
        : []),
    ],
    fix: [
      "Find why it stopped in the connector's log at that step (run `npx sync-harness doctor --log` on it): a 401/403 or an expired secret aborts a sync; a deadline ends it as 'sync exited without finishing'.",
      'Fix the cause and rerun the connector with the same file: the SDK resumes an unfinished sync from this token if it started less than 7 days ago.',
    ],
  };
}
