/**
 * `stats` shows what the SDK caches in `v1_sync_runs.stats` for a finished sync (as `baton stats` does, and
 * without scanning a million grants), says so, and counts the rows instead with `--recount` or when the
 * cache is missing or unreadable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { writeEditedCopy } from './support/damaged-files.js';
import { writeSyncFile, type WrittenSync } from './support/sync-files.js';

describe('stats and the cached stats column', () => {
  let dir: string;
  let good: string;
  let sync: WrittenSync;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stats-cache-'));
    good = join(dir, 'good.c1z');
    sync = (await writeSyncFile(good, [{ size: 2 }]))[0]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const statsOf = async (file: string, ...flags: string[]) => {
    const result = await runCli(['stats', '-f', file, '-o', 'json', ...flags]);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout).stats as Record<string, unknown>;
  };

  it('reads the cache the writer left and says where the numbers come from', async () => {
    const cached = await statsOf(good);
    const counted = await statsOf(good, '--recount');
    expect(cached).toEqual(counted);
    expect(cached.grants).toBe(String(sync!.counts.grants));
    expect((await runCli(['stats', '-f', good])).stdout).toMatch(/Counted From +the stats cached in the file/);
    expect((await runCli(['stats', '-f', good, '--recount'])).stdout).toMatch(/Counted From +the rows of the sync/);
  });

  it('shows a stale cache as the SDK would, and --recount shows the rows', async () => {
    const stale = join(dir, 'stale.c1z');
    writeEditedCopy(good, stale, (db) =>
      db.prepare(`UPDATE v1_sync_runs SET stats = ? WHERE sync_id = ?`).run(JSON.stringify({ resource_types: 3, resources: 1, grants: 5 }), sync!.id),
    );
    const cached = await statsOf(stale);
    expect(cached).toMatchObject({ resources: '1', grants: '5', entitlements: '0' });
    // Every declared type still has a key, zero when the cache has no number for it.
    expect(Object.keys(cached.resourcesByResourceType as object)).toEqual(expect.arrayContaining(['user', 'group', 'role']));
    expect(await statsOf(stale, '--recount')).toMatchObject({ grants: String(sync!.counts.grants), resources: String(sync!.counts.resources) });
  });

  it.each([
    ['not JSON', '{"resources": '],
    ['a negative count', '{"resources": -1}'],
    ['a map that is not one', '{"resources_by_resource_type": [1, 2]}'],
  ])('counts the rows when the cache is %s', async (_name, column) => {
    const odd = join(dir, `odd-${column.length}.c1z`);
    writeEditedCopy(good, odd, (db) => db.prepare(`UPDATE v1_sync_runs SET stats = ? WHERE sync_id = ?`).run(column, sync!.id));
    expect(await statsOf(odd)).toMatchObject({ grants: String(sync!.counts.grants), resources: String(sync!.counts.resources) });
    expect((await runCli(['stats', '-f', odd])).stdout).toMatch(/Counted From +the rows of the sync/);
  });
});
