/**
 * A v3 (Pebble) file seen through its manifest header: every sync and its stats, no rows. Row commands get
 * one line saying why and how to get a readable file.
 */
import { fileError } from '../../errors.js';
import type { RowSource, SyncFile, SyncRun, SyncStats } from '../types.js';
import { readV3Manifest, type V3Manifest } from './manifest.js';

export async function openV3HeaderFile(path: string): Promise<SyncFile> {
  const manifest = await readV3Manifest(path);
  const syncs = manifestSyncRuns(manifest);
  return {
    path,
    format: 'v3',
    engine: 'pebble',
    syncs: () => syncs,
    stats(syncId: string): SyncStats {
      const sync = manifest.syncs.find((s) => s.id === syncId);
      if (!sync?.stats) throw fileError(path, `the v3 header holds no stats for sync ${syncId}`);
      const { assets: _assets, ...stats } = sync.stats;
      return { ...stats, countedFrom: 'header' };
    },
    rows(): RowSource {
      throw fileError(
        path,
        `uses the pebble storage engine (c1z v3, engine "${manifest.engine}"): only its header stats are readable here`,
        'rerun the connector with --storage-engine sqlite to write a file whose rows can be listed',
      );
    },
    close() {},
  };
}

/** The syncs a v3 manifest lists, as sync runs (it keeps no sync token or linked sync). */
export function manifestSyncRuns(manifest: V3Manifest): SyncRun[] {
  return manifest.syncs.map((s) => ({
    id: s.id,
    startedAt: s.startedAt?.toISOString(),
    endedAt: s.endedAt?.toISOString(),
    syncToken: '',
    syncType: s.type,
    parentSyncId: s.parentSyncId,
    linkedSyncId: '',
  }));
}
