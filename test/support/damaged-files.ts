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
  writeV1(target, editedSqlite(`${target}.db`, Buffer.alloc(0), (db) => db.exec('CREATE TABLE notes (text TEXT)')));
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
