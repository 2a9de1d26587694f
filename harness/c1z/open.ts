/**
 * Opens any sync file for reading: detects the format, inflates v1 files into a private temporary folder
 * (removed by `close()`, or at exit, on error and on Ctrl-C at the latest) and hands back a {@link SyncFile}.
 */
import { closeSync, copyFileSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError, fileError } from '../errors.js';
import { makeTempDir, removeTempDir } from '../fs/temp-files.js';
import { detectFormat } from './format.js';
import type { RowSource, StatsOptions, SyncFile, SyncRun, SyncStats } from './types.js';
import { inflateV1 } from './v1/decompress.js';
import { V1Store } from './v1/store.js';

export async function openSyncFile(path: string): Promise<SyncFile> {
  const format = await detectFormat(path);
  switch (format) {
    case 'empty':
      throw fileError(path, 'empty file (0 bytes): no sync found', 'the connector created the file but never wrote a sync into it');
    case 'v3': {
      const { openV3HeaderFile } = await import('./v3/header-file.js');
      return openV3HeaderFile(path);
    }
    case 'v1':
    case 'sqlite':
      return openV1(path, format);
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
      code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full'
      : code === 'ENOENT' || code === 'ENOTDIR' ? 'it does not exist'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'it is not writable'
      : code;
    const variable = process.env.SYNC_HARNESS_TMPDIR ? 'SYNC_HARNESS_TMPDIR' : 'TMPDIR';
    throw fileError(path, `cannot make a temporary folder in ${dirname(attempted)} to decompress into: ${problem}`, `set ${variable} to a writable folder with room for the database`, error);
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

  close(): void {
    this.store.close();
    this.cleanup();
  }
}
