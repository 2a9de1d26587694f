/**
 * Writes rows into a new SQLite database in the SDK's v1 schema, so that everything that reads v1 files
 * (the listings' store, diff's join of two attached databases) reads them unchanged: a v3 file's rows, or a
 * v1 sync reduced to what v3 keeps. Rows stream in and are written in batches; memory holds one batch.
 *
 * Rows are written in the order given, which is the order `ORDER BY id` lists them in. The tables start
 * without indexes; every index (the unique ones included) is built once at the end, far cheaper than
 * maintaining six indexes on v1_grants row by row.
 */
import Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { V1_SCHEMA } from '../writer/schema.js';
import type { StoredEntitlement, StoredGrant, StoredResource, StoredRow, SyncRun } from '../types.js';

export interface RowsToWrite {
  runs: SyncRun[];
  resourceTypes: Iterable<StoredRow>;
  resources: Iterable<StoredResource>;
  entitlements: Iterable<StoredEntitlement>;
  grants: Iterable<StoredGrant>;
}

/** Rows per transaction; between batches the event loop runs, so Ctrl-C is handled while a large file is written. */
const BATCH = 10_000;

const OBJECTS: Record<string, string> = {
  v1_resource_types: 'resource types',
  v1_resources: 'resources',
  v1_entitlements: 'entitlements',
  v1_grants: 'grants',
  v1_sync_runs: 'sync runs',
};

/** Thrown when two rows of one table and sync share an external id (the unique index cannot be built). */
export class DuplicateRowError extends Error {}

export async function writeRowsDatabase(target: string, rows: RowsToWrite): Promise<void> {
  const db = new Database(target);
  try {
    // A private scratch file: durability buys nothing, and the single connection may hold the lock.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -65536');
    const statements = V1_SCHEMA.split(/;\s*\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    db.exec(statements.filter((s) => /^CREATE TABLE/i.test(s)).join(';\n'));
    const insertRun = db.prepare(
      `INSERT INTO v1_sync_runs (sync_id, started_at, ended_at, sync_token, sync_type, parent_sync_id, linked_sync_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const run of rows.runs) {
      insertRun.run(
        run.id,
        sdkTime(run.startedAt) ?? '',
        sdkTime(run.endedAt) ?? null,
        run.syncToken,
        run.syncType,
        run.parentSyncId,
        run.linkedSyncId,
      );
    }
    // The rows carry no discovery time; the sync's start stands in (nothing reads the column back).
    const discovered = new Map(rows.runs.map((r) => [r.id, sdkTime(r.startedAt) ?? '']));
    const at = (row: StoredRow) => discovered.get(row.syncId) ?? '';

    const resourceType = db.prepare(`INSERT INTO v1_resource_types (external_id, data, sync_id, discovered_at) VALUES (?, ?, ?, ?)`);
    await inBatches(db, rows.resourceTypes, (r) => resourceType.run(r.externalId, r.data, r.syncId, at(r)));
    const resource = db.prepare(
      `INSERT INTO v1_resources (resource_type_id, external_id, parent_resource_type_id, parent_resource_id, data, sync_id, discovered_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    await inBatches(db, rows.resources, (r) =>
      resource.run(r.resourceTypeId, r.externalId, r.parentResourceTypeId ?? null, r.parentResourceId ?? null, r.data, r.syncId, at(r)),
    );
    const entitlement = db.prepare(
      `INSERT INTO v1_entitlements (resource_type_id, resource_id, external_id, data, sync_id, discovered_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    await inBatches(db, rows.entitlements, (r) => entitlement.run(r.resourceTypeId, r.resourceId, r.externalId, r.data, r.syncId, at(r)));
    const grant = db.prepare(
      `INSERT INTO v1_grants (resource_type_id, resource_id, entitlement_id, principal_resource_type_id, principal_resource_id, external_id,
                              expansion, needs_expansion, data, sync_id, discovered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    await inBatches(db, rows.grants, (r) =>
      grant.run(
        r.resourceTypeId,
        r.resourceId,
        r.entitlementId,
        r.principalResourceTypeId,
        r.principalResourceId,
        r.externalId,
        r.expansion ?? null,
        r.expansion ? 1 : 0,
        r.data,
        r.syncId,
        at(r),
      ),
    );
    for (const statement of statements.filter((s) => /^CREATE (UNIQUE )?INDEX/i.test(s))) {
      try {
        db.exec(statement);
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
          const table = / on (\w+)/.exec(statement)?.[1] ?? '';
          throw new DuplicateRowError(`two ${OBJECTS[table] ?? 'rows'} of one sync have the same id`, { cause: error });
        }
        throw error;
      }
    }
  } finally {
    db.close();
  }
}

async function inBatches<T>(db: Database.Database, rows: Iterable<T>, write: (row: T) => void): Promise<void> {
  const iterator = rows[Symbol.iterator]();
  for (;;) {
    let done = false;
    db.exec('BEGIN');
    try {
      for (let i = 0; i < BATCH; i++) {
        const next = iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        write(next.value);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      // Ends the source too (a generator's finally blocks run), as a for-of would.
      iterator.return?.();
      throw error;
    }
    if (done) return;
    await nextTurn();
  }
}

/** RFC 3339 (UTC) to the SDK's text layout, `2006-01-02 15:04:05.999999999`, which the v1 readers parse back. */
function sdkTime(rfc3339: string | undefined): string | undefined {
  return rfc3339?.replace('T', ' ').replace(/Z$/, '');
}
