/**
 * The v1-schema database `diff` writes a v3 file's rows into: the v1 store reads back the sync run (times to
 * the microsecond) and the rows in the order given, with the SDK's indexes in place; two rows with one id
 * are refused rather than silently collapsed.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredResource, SyncRun } from '../c1z/types.js';
import { DuplicateRowError, writeRowsDatabase } from '../c1z/v1/rows-database.js';
import { V1Store } from '../c1z/v1/store.js';

const run: SyncRun = {
  id: 'sync-1',
  startedAt: '2026-06-15T16:23:25.906424Z',
  endedAt: '2026-06-15T16:23:26.295713Z',
  syncToken: '{"needs_expansion":true}',
  syncType: 'full',
  parentSyncId: '',
  linkedSyncId: '',
};

const resource = (type: string, id: string): StoredResource => ({
  syncId: run.id,
  externalId: `${type}:${id}`,
  data: new Uint8Array([10, id.length, ...Buffer.from(id)]),
  resourceTypeId: type,
});

describe('writeRowsDatabase', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'v3-rows-database-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back through the v1 store: the sync run, rows in the order written, the indexes', async () => {
    const path = join(dir, 'rows.db');
    const resources = [resource('user', 'u2'), resource('group', 'g1'), resource('user', 'u1')];
    await writeRowsDatabase(path, { runs: [run], resourceTypes: [], resources, entitlements: [], grants: [] });
    const store = new V1Store(path, 'rows.db');
    try {
      expect(store.syncs()).toEqual([run]);
      expect([...store.resources({ syncId: run.id })].map((r) => r.externalId)).toEqual(['user:u2', 'group:g1', 'user:u1']);
      expect(store.resource({ syncId: run.id }, 'user', 'u1')?.data).toEqual(Buffer.from(resources[2]!.data));
    } finally {
      store.close();
    }
    const db = new Database(path, { readonly: true });
    try {
      const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'v1_grants'`).pluck().all();
      expect(indexes).toContain('idx_grants_external_sync_v1');
      expect(indexes).toHaveLength(7);
    } finally {
      db.close();
    }
  });

  it('two resources with one id in one sync: a DuplicateRowError naming what was doubled', async () => {
    const path = join(dir, 'doubled.db');
    const error = await writeRowsDatabase(path, {
      runs: [run],
      resourceTypes: [],
      resources: [resource('user', 'u1'), resource('user', 'u1')],
      entitlements: [],
      grants: [],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateRowError);
    expect((error as Error).message).toBe('two resources of one sync have the same id');
  });
});
