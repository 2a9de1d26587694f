/** The `v1_sync_runs` rows the writer leaves: ids, times, types, parents, and the stats cached on ending. */
import { create } from '@bufbuild/protobuf';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { all, openInflated } from '../../test/support/inflated-db.js';
import { openSyncFile } from '../open.js';
import { ResourceSchema, ResourceTypeSchema } from '../proto/connector.js';
import { steppingClock } from '../synthetic/stepping-clock.js';
import { C1zWriter } from './c1z-writer.js';
import { KsuidSource, ksuidTime } from './ksuid.js';

const T0 = new Date('2026-03-03T09:45:13.056Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-runs-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const user = (id: string) => create(ResourceSchema, { id: { resourceType: 'user', resource: id }, displayName: id });
const group = (id: string) => create(ResourceSchema, { id: { resourceType: 'group', resource: id }, displayName: id });

interface Written {
  path: string;
  ids: { full: string; partial: string; running: string };
}

/**
 * A full sync, a partial one based on it and an unfinished diff half, on a clock that moves 250 ms per
 * reading (each sync start, row and end reads it once).
 */
async function writeThreeSyncs(name: string, seed: string | number): Promise<Written> {
  const path = join(dir, name);
  const writer = new C1zWriter(path, { clock: steppingClock(T0, 250), seed });
  const full = writer.startSync(); // 09:45:13.056
  writer.addResourceType(full, create(ResourceTypeSchema, { id: 'user' })); // .306
  writer.addResourceType(full, create(ResourceTypeSchema, { id: 'group' })); // .556
  writer.addResource(full, user('u1')); // .806
  writer.addResource(full, user('u2')); // 14.056
  writer.addResource(full, group('g1')); // 14.306
  writer.setSyncToken(full, '{"completed_actions_count":3}');
  writer.endSync(full); // 14.556
  const partial = writer.startSync({ type: 'partial', parentSyncId: full }); // 14.806
  writer.addResource(partial, user('u3')); // 15.056
  writer.endSync(partial); // 15.306
  const running = writer.startSync({ type: 'partial_upserts', parentSyncId: full, linkedSyncId: partial }); // 15.556
  writer.addResource(running, user('u4'));
  await writer.finish();
  return { path, ids: { full, partial, running } };
}

describe('sync runs written by C1zWriter', () => {
  it('stores one row per sync with KSUID ids, SDK-format times, types and parents', async () => {
    const { path, ids } = await writeThreeSyncs('three.c1z', 'seed-1');
    const db = await openInflated(path);
    try {
      const rows = all(
        db,
        `SELECT sync_id, started_at, ended_at, sync_token, sync_type, parent_sync_id, linked_sync_id FROM v1_sync_runs ORDER BY id`,
      );
      expect(rows).toEqual([
        {
          sync_id: ids.full,
          started_at: '2026-03-03 09:45:13.056',
          ended_at: '2026-03-03 09:45:14.556',
          sync_token: '{"completed_actions_count":3}',
          sync_type: 'full',
          parent_sync_id: '',
          linked_sync_id: '',
        },
        {
          sync_id: ids.partial,
          started_at: '2026-03-03 09:45:14.806',
          ended_at: '2026-03-03 09:45:15.306',
          sync_token: '',
          sync_type: 'partial',
          parent_sync_id: ids.full,
          linked_sync_id: '',
        },
        {
          sync_id: ids.running,
          started_at: '2026-03-03 09:45:15.556',
          ended_at: null,
          sync_token: '',
          sync_type: 'partial_upserts',
          parent_sync_id: ids.full,
          linked_sync_id: ids.partial,
        },
      ]);
      // Rows carry the same clock in the same layout.
      expect(all(db, `SELECT discovered_at FROM v1_resources WHERE external_id = 'user:u2'`)).toEqual([{ discovered_at: '2026-03-03 09:45:14.056' }]);
    } finally {
      db.close();
    }
  });

  it('mints the ids from the injected clock and seed, in time order', async () => {
    const { ids } = await writeThreeSyncs('ids.c1z', 'seed-1');
    const expected = new KsuidSource('seed-1');
    // The source is asked once per sync start, at the reading that start took.
    expect([ids.full, ids.partial, ids.running]).toEqual([
      expected.next(T0),
      expected.next(new Date(T0.getTime() + 1750)),
      expected.next(new Date(T0.getTime() + 2500)),
    ]);
    for (const id of Object.values(ids)) expect(id).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(ksuidTime(ids.full).toISOString()).toBe('2026-03-03T09:45:13.000Z');
    expect(ksuidTime(ids.running).toISOString()).toBe('2026-03-03T09:45:15.000Z');
  });

  it('writes byte-identical files for the same seed and clock, and other ids for another seed', async () => {
    const a = await writeThreeSyncs('a.c1z', 7);
    const b = await writeThreeSyncs('b.c1z', 7);
    const c = await writeThreeSyncs('c.c1z', 8);
    expect(b.ids).toEqual(a.ids);
    expect(readFileSync(b.path).equals(readFileSync(a.path))).toBe(true);
    expect(c.ids.full).not.toBe(a.ids.full);
    expect(c.ids.partial).not.toBe(a.ids.partial);
    // Same second, so only the payload (the seeded part) differs.
    expect(ksuidTime(c.ids.full)).toEqual(ksuidTime(a.ids.full));
    expect(readFileSync(c.path).equals(readFileSync(a.path))).toBe(false);
  });

  it('caches the stats of ended syncs as the SDK JSON, and none for the running one', async () => {
    const { path, ids } = await writeThreeSyncs('stats.c1z', 1);
    const db = await openInflated(path);
    try {
      const stats = new Map(
        all<{ sync_id: string; stats: string | null }>(db, `SELECT sync_id, stats FROM v1_sync_runs`).map((r) => [r.sync_id, r.stats]),
      );
      expect(JSON.parse(stats.get(ids.full)!)).toEqual({
        resource_types: 2,
        resources: 3,
        entitlements: 0,
        grants: 0,
        resources_by_resource_type: { group: 1, user: 2 },
        grants_by_resource_type: { group: 0, user: 0 },
        entitlements_by_resource_type: { group: 0, user: 0 },
      });
      // The partial sync declared no resource types, yet its one user is counted.
      expect(JSON.parse(stats.get(ids.partial)!)).toMatchObject({ resource_types: 0, resources: 1, resources_by_resource_type: { user: 1 } });
      expect(stats.get(ids.running)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('reads back through openSyncFile with the same types, parents and RFC 3339 times', async () => {
    const { path, ids } = await writeThreeSyncs('read.c1z', 1);
    const file = await openSyncFile(path);
    try {
      expect(file.syncs()).toEqual([
        {
          id: ids.full,
          startedAt: '2026-03-03T09:45:13.056Z',
          endedAt: '2026-03-03T09:45:14.556Z',
          syncToken: '{"completed_actions_count":3}',
          syncType: 'full',
          parentSyncId: '',
          linkedSyncId: '',
        },
        {
          id: ids.partial,
          startedAt: '2026-03-03T09:45:14.806Z',
          endedAt: '2026-03-03T09:45:15.306Z',
          syncToken: '',
          syncType: 'partial',
          parentSyncId: ids.full,
          linkedSyncId: '',
        },
        {
          id: ids.running,
          startedAt: '2026-03-03T09:45:15.556Z',
          endedAt: undefined,
          syncToken: '',
          syncType: 'partial_upserts',
          parentSyncId: ids.full,
          linkedSyncId: ids.partial,
        },
      ]);
      expect(file.stats(ids.running).resources).toBe(1);
    } finally {
      file.close();
    }
  });

  it('refuses to end a sync twice or one it never started', async () => {
    const writer = new C1zWriter(join(dir, 'twice.c1z'), { clock: steppingClock(T0) });
    const id = writer.startSync();
    writer.endSync(id);
    expect(() => writer.endSync(id)).toThrow(/is not running/);
    expect(() => writer.endSync('nope')).toThrow(/is not running/);
    writer.abort();
  });
});
