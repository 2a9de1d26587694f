/**
 * Test-only: opens a v1 sample's SQLite store so proto tests can reach real `data` blobs. Stands in until
 * the real v1 reader exists; small files only (decompresses in memory).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decompress } from 'zstd-napi';

const V1_MAGIC = Buffer.from('C1ZF\0', 'latin1');

export interface SampleDb {
  db: Database.Database;
  close(): void;
}

export function openSampleDb(path: string): SampleDb {
  const file = readFileSync(path);
  if (!file.subarray(0, 5).equals(V1_MAGIC)) throw new Error(`${path}: not a v1 c1z`);
  const sqlite = Buffer.from(decompress(file.subarray(5)));
  // The SDK leaves the header in WAL mode; a read-only open of a lone file needs rollback-journal mode.
  sqlite[18] = 1;
  sqlite[19] = 1;
  const dir = mkdtempSync(join(tmpdir(), 'c1z-proto-test-'));
  const dbPath = join(dir, 'sync.db');
  writeFileSync(dbPath, sqlite);
  const db = new Database(dbPath, { readonly: true });
  return {
    db,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every `data` blob of a table, with its row id for error messages. */
export function dataBlobs(db: Database.Database, table: string): Array<{ id: number; data: Uint8Array }> {
  return db.prepare(`SELECT id, data FROM ${table} ORDER BY id`).all() as Array<{ id: number; data: Uint8Array }>;
}
