/**
 * Files from our writer are what the SDK and stock tools expect: the same table and index definitions as
 * real SDK files, and readable with nothing but `tail`, `zstd` and `sqlite3`.
 */
import { create } from '@bufbuild/protobuf';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ResourceSchema } from '../c1z/proto/connector.js';
import { writeDirectory, type DirectoryCounts } from '../c1z/synthetic/directory.js';
import { steppingClock } from '../c1z/synthetic/stepping-clock.js';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import { openInflated, type InflatedDb } from './support/inflated-db.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';
import { describeWithTools, sh, sqlite, ZSTD } from './support/system-tools.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'writer-compat-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Column {
  cid: number;
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

interface IndexDef {
  unique: number;
  origin: string;
  partial: number;
  columns: string[];
  /** The partial index's WHERE clause, whitespace and case normalised. */
  where: string | null;
}

function tables(db: InflatedDb): string[] {
  return db.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
}

function columns(db: InflatedDb, table: string): Column[] {
  return db.db.prepare(`PRAGMA table_info("${table}")`).all() as Column[];
}

function indexes(db: InflatedDb, table: string): Map<string, IndexDef> {
  const list = db.db.prepare(`PRAGMA index_list("${table}")`).all() as Array<{ name: string; unique: number; origin: string; partial: number }>;
  return new Map(
    list.map((index) => {
      const cols = (db.db.prepare(`PRAGMA index_info("${index.name}")`).all() as Array<{ seqno: number; name: string }>)
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name);
      const sql = db.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(index.name) as string | null;
      const where = sql && /\bwhere\b([\s\S]*)$/i.exec(sql)?.[1];
      return [
        index.name,
        {
          unique: index.unique,
          origin: index.origin,
          partial: index.partial,
          columns: cols,
          where: where ? where.trim().replace(/\s+/g, ' ').toLowerCase() : null,
        },
      ];
    }),
  );
}

/** A small file from our writer: two syncs, the second a partial one without some users. */
async function writeSample(name: string): Promise<{ path: string; syncs: Array<{ id: string; counts: DirectoryCounts }> }> {
  const path = join(dir, name);
  const writer = new C1zWriter(path, { clock: steppingClock(new Date('2026-02-01T08:00:00Z'), 3), seed: 'compat' });
  const full = writer.startSync();
  const fullCounts = writeDirectory(writer, full, { users: 120, groups: 45, roles: 6, memberships: 300, roleAssignments: 90, seed: 5 });
  writer.endSync(full);
  const partial = writer.startSync({ type: 'partial', parentSyncId: full });
  const partialCounts = writeDirectory(writer, partial, {
    users: 120,
    groups: 45,
    roles: 6,
    memberships: 300,
    roleAssignments: 90,
    seed: 5,
    dropEveryNthUser: 4,
  });
  // Same external id twice: the upsert must leave one row.
  writer.addResource(partial, create(ResourceSchema, { id: { resourceType: 'user', resource: 'u-0000000' }, displayName: 'renamed' }));
  writer.endSync(partial);
  await writer.finish();
  return {
    path,
    syncs: [
      { id: full, counts: fullCounts },
      { id: partial, counts: partialCounts },
    ],
  };
}

describeWithSamples('our schema against real SDK files', () => {
  let ours: InflatedDb;
  const samples = new Map<string, InflatedDb>();
  beforeAll(async () => {
    ours = await openInflated((await writeSample('schema.c1z')).path);
    for (const name of [SAMPLE.inProgress, SAMPLE.expanded, SAMPLE.unexpanded]) samples.set(name, await openInflated(samplePath(name)));
  });
  afterAll(() => {
    ours?.close();
    for (const db of samples.values()) db.close();
  });

  it('starts every table of the newest-schema sample with its exact columns, in its order', () => {
    const sample = samples.get(SAMPLE.inProgress)!;
    const sampleTables = tables(sample);
    expect(sampleTables).toEqual([
      'v1_assets',
      'v1_connector_sessions',
      'v1_entitlements',
      'v1_grants',
      'v1_resource_types',
      'v1_resources',
      'v1_sync_runs',
    ]);
    expect(tables(ours)).toEqual(sampleTables);
    for (const table of sampleTables) {
      const theirs = columns(sample, table);
      // Later SDKs only ever append columns (ALTER TABLE ADD COLUMN), so the sample's must be a prefix of ours.
      expect({ table, columns: columns(ours, table).slice(0, theirs.length) }).toEqual({ table, columns: theirs });
    }
    // Ours adds exactly the v0.25 sync-run columns the sample predates.
    expect(
      columns(ours, 'v1_sync_runs')
        .slice(columns(sample, 'v1_sync_runs').length)
        .map((c) => c.name),
    ).toEqual(['stats', 'ingest_invariant_generation', 'ingest_invariant_coverage', 'ingest_invariant_mode']);
  });

  it('has every index of the newest-schema sample, with the same name, uniqueness, columns and condition', () => {
    const sample = samples.get(SAMPLE.inProgress)!;
    let checked = 0;
    for (const table of tables(sample)) {
      const mine = indexes(ours, table);
      for (const [name, def] of indexes(sample, table)) {
        expect({ table, name, def: mine.get(name) }).toEqual({ table, name, def });
        checked++;
      }
    }
    expect(checked).toBe(15);
    // Newer than the sample: the SDK's later (entitlement_id, sync_id, id) index for expansion.
    expect(indexes(ours, 'v1_grants').get('idx_grants_entitlement_sync_id_v1')?.columns).toEqual(['entitlement_id', 'sync_id', 'id']);
    // Including the SDK's swapped names on v1_resources: the "external_sync" index is the parent one.
    expect(indexes(ours, 'v1_resources').get('idx_resources_external_sync_v1')?.columns).toEqual(['parent_resource_type_id', 'parent_resource_id']);
  });

  it('defines every column and index of the older samples identically (their columns are a subset)', () => {
    for (const name of [SAMPLE.expanded, SAMPLE.unexpanded]) {
      const sample = samples.get(name)!;
      for (const table of tables(sample)) {
        const mine = new Map(columns(ours, table).map(({ cid: _cid, ...c }) => [c.name, c]));
        for (const { cid: _cid, ...column } of columns(sample, table))
          expect({ name, table, column: mine.get(column.name) }).toEqual({ name, table, column });
        const myIndexes = indexes(ours, table);
        for (const [index, def] of indexes(sample, table)) expect({ name, index, def: myIndexes.get(index) }).toEqual({ name, index, def });
      }
    }
  });
});

describeWithTools('our files through the stock command-line tools', () => {
  let written: Awaited<ReturnType<typeof writeSample>>;
  let db: string;
  beforeAll(async () => {
    written = await writeSample('tools.c1z');
    db = join(dir, 'tools.db');
    sh(`tail -c +6 "$1" | ${ZSTD} -d -q > "$2"`, written.path, db);
  });

  it('starts with the v1 magic C1ZF\\0 followed by a zstd frame', () => {
    const head = readFileSync(written.path).subarray(0, 9);
    expect([...head.subarray(0, 5)]).toEqual([0x43, 0x31, 0x5a, 0x46, 0x00]);
    expect(head.readUInt32LE(5)).toBe(0xfd2fb528); // zstd frame magic
  });

  it('decompresses with tail | zstd -d into an intact SQLite database', () => {
    expect(sqlite(db, 'PRAGMA integrity_check')).toEqual([['ok']]);
    expect(sqlite(db, 'PRAGMA journal_mode')).toEqual([['delete']]);
  });

  it('gives the counts written, per sync, to sqlite3', () => {
    for (const { id, counts } of written.syncs) {
      const [row] = sqlite(
        db,
        `SELECT (SELECT count(*) FROM v1_resource_types WHERE sync_id = '${id}'), (SELECT count(*) FROM v1_resources WHERE sync_id = '${id}'),
                (SELECT count(*) FROM v1_entitlements WHERE sync_id = '${id}'), (SELECT count(*) FROM v1_grants WHERE sync_id = '${id}')`,
      );
      expect(row!.map(Number)).toEqual([counts.resourceTypes, counts.resources, counts.entitlements, counts.grants]);
    }
    const [full, partial] = written.syncs;
    expect(partial!.counts.resources).toBeLessThan(full!.counts.resources);
    expect(sqlite(db, `SELECT sync_id, sync_type, parent_sync_id, ended_at IS NOT NULL FROM v1_sync_runs ORDER BY id`)).toEqual([
      [full!.id, 'full', '', '1'],
      [partial!.id, 'partial', full!.id, '1'],
    ]);
    expect(sqlite(db, `SELECT json_extract(stats, '$.grants') FROM v1_sync_runs ORDER BY id`)).toEqual([
      [String(full!.counts.grants)],
      [String(partial!.counts.grants)],
    ]);
  });
});
