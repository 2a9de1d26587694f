/**
 * Opens a v3 (Pebble) sync file for reading rows: reads the manifest, unpacks the payload into a private
 * temporary folder (removed by `close()`, at exit at the latest), opens the Pebble store and hands back a
 * {@link SyncFile} whose `rows()` list records like a v1 file's. Stats come from the manifest header unless
 * asked to recount (or the header has none).
 */
import { fileError, UserError } from '../../errors.js';
import { makeTempDir, removeTempDir } from '../../fs/temp-files.js';
import type { RowSource, StatsOptions, SyncFile, SyncRun, SyncStats } from '../types.js';
import { PebbleStore } from './lsm/pebble-store.js';
import { manifestSyncRuns } from './header-file.js';
import { readV3Manifest, type V3Manifest } from './manifest.js';
import { unpackPayload } from './payload/unpack.js';
import { describePebbleError, reporting } from './pebble-errors.js';
import { KEYSPACE_VERSION_KEY, KNOWN_KEYSPACE_VERSIONS } from './store/keyspace.js';
import { recordSchemas } from './store/record-schemas.js';
import { V3Store, type KeyValueSource } from './store/v3-store.js';

export async function openV3File(path: string): Promise<SyncFile> {
  const manifest = await readV3Manifest(path);
  const sync = manifest.syncs.at(-1);
  if (!sync) throw fileError(path, 'the v3 manifest lists no sync', 'the file holds no sync; rerun the connector');
  const dir = makeTempDir('sync-harness-v3-');
  let db: PebbleStore | undefined;
  try {
    const storeDir = await unpackPayload(path, manifest, manifest.payloadOffset, dir);
    db = PebbleStore.open(storeDir);
    const source = reportingSource(path, db);
    checkKeyspace(path, source);
    const store = new V3Store(source, recordSchemas(manifest.descriptors), sync.id, path);
    const opened = db;
    return new V3File(path, manifest, store, () => {
      opened.close();
      removeTempDir(dir);
    });
  } catch (error) {
    db?.close();
    removeTempDir(dir);
    throw describePebbleError(path, error);
  }
}

function reportingSource(path: string, db: PebbleStore): KeyValueSource {
  return {
    scan: (prefix) => reporting(path, db.scan(prefix)),
    get: (key) => {
      try {
        return db.get(key);
      } catch (error) {
        throw describePebbleError(path, error);
      }
    },
  };
}

/** The SDK stamps its key layout; a layout this reader does not know would be misread, so it is refused. */
function checkKeyspace(path: string, source: KeyValueSource): void {
  const stamp = source.get(KEYSPACE_VERSION_KEY);
  if (!stamp || stamp.length !== 4) return;
  const version = Buffer.from(stamp).readUInt32BE(0);
  if (!KNOWN_KEYSPACE_VERSIONS.has(version)) {
    throw fileError(path, `v3 key layout version ${version}, which this reader does not know`, 'update sync-harness, or rerun the connector with --storage-engine sqlite');
  }
}

class V3File implements SyncFile {
  readonly format = 'v3' as const;
  readonly engine = 'pebble' as const;
  private cachedSyncs: SyncRun[] | undefined;

  constructor(
    readonly path: string,
    private readonly manifest: V3Manifest,
    private readonly store: V3Store,
    private readonly cleanup: () => void,
  ) {}

  /** The store's sync-run record (it has the sync token), else the manifest's summary. */
  syncs(): SyncRun[] {
    if (this.cachedSyncs) return this.cachedSyncs;
    const runs = this.store.syncRuns();
    this.cachedSyncs = runs.length
      ? runs
      : manifestSyncRuns(this.manifest);
    return this.cachedSyncs;
  }

  stats(syncId: string, { recount = false }: StatsOptions = {}): SyncStats {
    if (syncId !== this.store.syncId) throw new UserError(`${this.path}: unknown sync id ${syncId}`);
    const header = this.manifest.syncs.find((s) => s.id === syncId)?.stats;
    if (header && !recount) {
      const { assets: _assets, ...stats } = header;
      return { ...stats, countedFrom: 'header' };
    }
    return this.store.countRows();
  }

  rows(): RowSource {
    return this.store;
  }

  close(): void {
    this.cleanup();
  }
}
