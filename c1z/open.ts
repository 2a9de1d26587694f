/**
 * Opens any sync file for reading: detects the format, inflates v1 files (or unpacks v3 ones) into a private
 * temporary folder (removed by `close()`, or at exit, on error and on Ctrl-C at the latest) and hands back a
 * {@link SyncFile}.
 */
import { closeSync, copyFileSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError, fileError } from '../lib/errors.js';
import { makeTempDir, removeTempDir } from '../lib/fs/temp-files.js';
import { detectFormat } from './format.js';
import type { RowSource, RowTable, StatsOptions, SyncFile, SyncRun, SyncStats } from './types.js';
import { inflateV1 } from './v1/decompress.js';
import { writeRowsDatabase } from './v1/rows-database.js';
import { V1Store } from './v1/store.js';

export interface OpenOptions {
  /**
   * What the caller reads. `rows` (the default): syncs, stats and rows. `database`: also a SQLite database
   * in the v1 schema at `databasePath`, for `diff`; a v3 file's rows are written into one.
   */
  need?: 'rows' | 'database';
}

/**
 * A v3 file is always unpacked, even for its header stats: unpacking checks every frame's checksum and the
 * store's MANIFEST, so a damaged file is reported rather than summarized (as a v1 file is always inflated).
 */
export async function openSyncFile(path: string, { need = 'rows' }: OpenOptions = {}): Promise<SyncFile> {
  const format = await detectFormat(path);
  switch (format) {
    case 'empty':
      throw fileError(path, 'empty file (0 bytes): no sync found', 'the connector created the file but never wrote a sync into it');
    case 'v3': {
      const { openV3File } = await import('./v3/open-v3.js');
      return openV3File(path, { database: need === 'database' });
    }
    case 'v1':
    case 'sqlite':
      return openV1(path, format);
  }
}

/**
 * One sync of a v1 or SQLite file reduced to what a v3 file keeps (see v3/store/kept-by-v3.ts), in a
 * database of its own: what `diff` compares when the other side is a v3 file. Closing it closes `file`.
 */
export async function reduceToV3Fields(file: SyncFile, sync: SyncRun): Promise<SyncFile> {
  const { keptByV3 } = await import('./v3/store/kept-by-v3.js');
  const dir = tempDirFor(file.path);
  try {
    const databasePath = join(dir, 'kept-by-v3.db');
    await writeRowsDatabase(databasePath, { runs: [sync], ...keptByV3(file.path, file.rows(), { syncId: sync.id }) });
    const store = new V1Store(databasePath, file.path);
    return {
      path: file.path,
      format: file.format,
      engine: file.engine,
      databasePath,
      syncs: () => file.syncs(),
      stats: (syncId, options) => file.stats(syncId, options),
      rows: () => store,
      verify: (tables) => file.verify(tables),
      close() {
        try {
          store.close();
          removeTempDir(dir);
        } finally {
          file.close();
        }
      },
    };
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
}

async function openV1(path: string, format: 'v1' | 'sqlite'): Promise<SyncFile> {
  const dir = tempDirFor(path);
  try {
    const dbPath = join(dir, 'sync.db');
    if (format === 'v1') await inflateV1(path, dbPath);
    const databasePath = format === 'v1' ? dbPath : readableCopy(path, dbPath);
    const store = new V1Store(databasePath, path);
    return new V1File(path, format, store, databasePath, () => removeTempDir(dir));
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
}

/** The private folder the database is inflated into; a temp folder that is missing, read-only or full is the user's to fix. */
function tempDirFor(path: string): string {
  try {
    return makeTempDir();
  } catch (error) {
    const { code, path: attempted } = error as NodeJS.ErrnoException;
    if (!code || !attempted) throw error;
    const problem =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'the disk is full'
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? 'it does not exist'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'it is not writable'
            : code;
    const variable = process.env.SYNC_HARNESS_TMPDIR ? 'SYNC_HARNESS_TMPDIR' : 'TMPDIR';
    throw fileError(
      path,
      `cannot make a temporary folder in ${dirname(attempted)} to decompress into: ${problem}`,
      `set ${variable} to a writable folder with room for the database`,
      error,
    );
  }
}

/** A plain SQLite store in WAL mode cannot be opened read-only without its companions: read a patched copy. */
function readableCopy(path: string, copy: string): string {
  const fd = openSync(path, 'r');
  const header = Buffer.alloc(2);
  try {
    readSync(fd, header, 0, 2, 18);
  } finally {
    closeSync(fd);
  }
  if (header[0] !== 2 && header[1] !== 2) return path;
  copyFileSync(path, copy);
  const out = openSync(copy, 'r+');
  try {
    writeSync(out, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    closeSync(out);
  }
  return copy;
}

class V1File implements SyncFile {
  readonly engine = 'sqlite' as const;
  private cachedSyncs: SyncRun[] | undefined;

  constructor(
    readonly path: string,
    readonly format: 'v1' | 'sqlite',
    private readonly store: V1Store,
    readonly databasePath: string,
    private readonly cleanup: () => void,
  ) {}

  syncs(): SyncRun[] {
    return (this.cachedSyncs ??= this.store.syncs());
  }

  stats(syncId: string, options?: StatsOptions): SyncStats {
    if (!this.syncs().some((s) => s.id === syncId)) throw new UserError(`${this.path}: unknown sync id ${syncId}`);
    return this.store.stats(syncId, options);
  }

  rows(): RowSource {
    return this.store;
  }

  verify(tables?: readonly RowTable[]): void {
    this.store.verify(tables);
  }

  close(): void {
    this.store.close();
    this.cleanup();
  }
}
