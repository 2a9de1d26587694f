/**
 * The SQLite store inside a v1 .c1z, opened read-only for tests that must look at raw columns the reader does
 * not expose (external_id, needs_expansion, the cached stats). Inflated by the reader's own decompressor.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { inflateV1 } from '../../c1z/v1/decompress.js';
import { makeTempDir, removeTempDir } from '../../lib/fs/temp-files.js';

export interface InflatedDb {
  db: Database.Database;
  close(): void;
}

export async function openInflated(c1zPath: string): Promise<InflatedDb> {
  const dir = makeTempDir('sync-harness-test-');
  try {
    const dbPath = join(dir, 'sync.db');
    await inflateV1(c1zPath, dbPath);
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    return {
      db,
      close() {
        db.close();
        removeTempDir(dir);
      },
    };
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
}

/** Every row of a query, for assertions. */
export function all<T = Record<string, unknown>>(inflated: InflatedDb, sql: string, ...params: unknown[]): T[] {
  return inflated.db.prepare(sql).all(...params) as T[];
}
