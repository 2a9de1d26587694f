/**
 * What a v3 file's manifest header says about its syncs: their times and stats, in the shapes v1 files
 * give. The v3 reader uses them where the store itself has nothing better (the header's stats are the ones
 * the SDK computed when the sync ended, as a v1 file caches them).
 */
import type { SyncRun, SyncStats } from '../types.js';
import { withTypeKeys } from '../v1/stats-query.js';
import type { V3Manifest, V3Sync } from './manifest.js';

/**
 * A sync's stats from the header, keyed like v1 stats: every type in any of the counts appears in each, zero
 * included (the header leaves zeros out; the SDK's v1 stats list every declared type).
 */
export function headerStats(sync: V3Sync | undefined): SyncStats | undefined {
  if (!sync?.stats) return undefined;
  const { assets: _assets, ...stats } = sync.stats;
  const types = [stats.resourcesByResourceType, stats.entitlementsByResourceType, stats.grantsByResourceType].flatMap((m) => Object.keys(m));
  return { ...withTypeKeys(types, stats), countedFrom: 'header' };
}

/** The syncs a v3 manifest lists, as sync runs (it keeps no sync token or linked sync). */
export function manifestSyncRuns(manifest: V3Manifest): SyncRun[] {
  return manifest.syncs.map((s) => ({
    id: s.id,
    startedAt: s.startedAtRfc3339,
    endedAt: s.endedAtRfc3339,
    syncToken: '',
    syncType: s.type,
    parentSyncId: s.parentSyncId,
    linkedSyncId: '',
  }));
}
