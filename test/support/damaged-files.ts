/**
 * Sync files damaged the ways real ones arrive, made from a good small file the writer wrote. Each is a
 * valid file at every level but the one it damages, so the error it causes names that level.
 */
import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sqliteOf, writeV1 } from './c1z-bytes.js';

/** A valid c1z whose resource `externalId` has a `data` blob that is not a protobuf. Throws if there is no such row. */
export function writeCorruptProtobuf(good: string, target: string, externalId: string): void {
  writeEditedCopy(good, target, (db) => {
    // Field 1, length-delimited, claiming 4 GiB that are not there.
    const changed = db.prepare(`UPDATE v1_resources SET data = X'0AFFFFFFFF0F' WHERE external_id = ?`).run(externalId).changes;
    if (changed !== 1) throw new Error(`${good} has no resource ${externalId}`);
  });
}

/** A copy of the v1 file `good` whose database `edit` changed. */
export function writeEditedCopy(good: string, target: string, edit: (db: Database.Database) => void): void {
  writeV1(target, editedSqlite(`${target}.db`, sqliteOf(good), edit));
}

/** `C1ZF\0` + zstd of a real SQLite database that holds a table, just none of the c1z ones. */
export function writeSqliteWithoutTables(target: string): void {
  writeV1(
    target,
    editedSqlite(`${target}.db`, Buffer.alloc(0), (db) => db.exec('CREATE TABLE notes (text TEXT)')),
  );
}

/** `start` (a SQLite file's bytes, or none) changed by `edit`, as bytes; the scratch file at `path` is removed. */
function editedSqlite(path: string, start: Buffer, edit: (db: Database.Database) => void): Buffer {
  writeFileSync(path, start);
  try {
    const db = new Database(path);
    try {
      edit(db);
    } finally {
      db.close();
    }
    return readFileSync(path);
  } finally {
    rmSync(path, { force: true });
  }
}

/**
 * A copy of the v1 file `good` whose SQLite store has one leaf page of `table` overwritten with junk: still
 * zstd-valid and a database SQLite opens, its damage met only when a read reaches that page, after the
 * rows on the pages before it. `fraction` picks the page among the table's leaves (0.5: the middle one).
 */
export function writeDamagedLeaf(good: string, target: string, table: string, fraction = 0.5): void {
  const bytes = Buffer.from(sqliteOf(good));
  const scratch = `${target}.db`;
  writeFileSync(scratch, bytes);
  let page: number;
  let pageSize: number;
  try {
    const db = new Database(scratch, { readonly: true });
    try {
      const leaves = db.prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).pluck().all(table) as number[];
      if (leaves.length < 3) throw new Error(`${good}: ${table} has ${leaves.length} leaf pages; write a larger file`);
      page = leaves[Math.min(leaves.length - 1, Math.floor(leaves.length * fraction))]!;
      pageSize = db.pragma('page_size', { simple: true }) as number;
    } finally {
      db.close();
    }
  } finally {
    rmSync(scratch, { force: true });
  }
  bytes.fill(0xa5, (page - 1) * pageSize, page * pageSize);
  writeV1(target, bytes);
}
