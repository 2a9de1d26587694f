/**
 * The diff's SQL on worker threads gives the report it gives on the main thread: the joins cut into rowid
 * slices, the per-type counts, the state findings, with two files and with two syncs of one file (where the
 * counts cannot take the one-sync shortcut and the base sync holds only part of the rowids).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDirectory, type DirectoryShape } from '../../c1z/synthetic/directory.js';
import { steppingClock } from '../../c1z/synthetic/stepping-clock.js';
import { C1zWriter } from '../../c1z/writer/c1z-writer.js';
import { compareSyncs } from './compare.js';
import type { DiffReport } from '../../reports/diff/report.js';
import { openSides, type SideOptions } from './sides.js';
import { startTasks } from './sql-threads.js';

const dir = mkdtempSync(join(tmpdir(), 'diff-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHAPE: DirectoryShape = { users: 600, groups: 40, roles: 20, memberships: 3000, roleAssignments: 600, seed: 13 };
const LATER: DirectoryShape = { ...SHAPE, mutate: { rate: 0.08, seed: 4 } };

async function write(name: string, shapes: DirectoryShape[]): Promise<string> {
  const path = join(dir, `${name}.c1z`);
  const writer = new C1zWriter(path, { seed: 5, clock: steppingClock(new Date('2026-01-05T09:00:00Z'), 1000) });
  for (const shape of shapes) {
    const syncId = writer.startSync();
    writeDirectory(writer, syncId, shape);
    writer.endSync(syncId);
  }
  await writer.finish();
  return path;
}

async function diff(options: SideOptions, threads: number): Promise<DiffReport> {
  const sides = await openSides(options);
  try {
    return compareSyncs(sides, { dropThreshold: 1, rules: [], threads });
  } finally {
    sides.close();
  }
}

describe('diff on worker threads', () => {
  let base: string;
  let later: string;
  let both: string;
  let usersOnly: string;
  beforeAll(async () => {
    [base, later, both, usersOnly] = await Promise.all([
      write('base', [SHAPE]),
      write('later', [LATER]),
      write('both', [SHAPE, LATER]),
      write('users-only', [{ ...SHAPE, groups: 0, roles: 0, memberships: 0, roleAssignments: 0 }]),
    ]);
  });

  it('two files: the same report on one, two and three threads, and a real diff', async () => {
    const inline = await diff({ files: [base, later] }, 1);
    expect(await diff({ files: [base, later] }, 2)).toEqual(inline);
    expect(await diff({ files: [base, later] }, 3)).toEqual(inline);
    for (const table of ['resources', 'entitlements', 'grants'] as const) {
      const t = inline.totals[table];
      expect(t.added! * t.removed! * t.changed!, table).toBeGreaterThan(0);
      expect(t.base - t.removed! + t.added!, table).toBe(t.compare);
      expect(t.added! + t.changed! + t.unchanged!, table).toBe(t.compare);
    }
  });

  it('every base grant removed: each row of every slice is counted once', async () => {
    const inline = await diff({ files: [base, usersOnly] }, 1);
    expect(inline.totals.grants).toMatchObject({ compare: 0, removed: inline.totals.grants.base, unchanged: 0 });
    for (const threads of [2, 3, 4]) expect(await diff({ files: [base, usersOnly] }, threads)).toEqual(inline);
  });

  it('two syncs of one file: the same report on one and two threads as for the two files', async () => {
    const inline = await diff({ file: both, files: [] }, 1);
    expect(await diff({ file: both, files: [] }, 2)).toEqual(inline);
    const twoFiles = await diff({ files: [base, later] }, 1);
    expect(inline.totals).toEqual(twoFiles.totals);
    expect(inline.byResourceType).toEqual(twoFiles.byResourceType);
    expect(inline.changes).toEqual(twoFiles.changes);
  });

  it("each task's rows in any order, and a failing task's error for that task alone", () => {
    const path = join(dir, 'tiny.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    try {
      const tasks = [
        { sql: 'SELECT sum(n) FROM main.t' },
        { sql: 'SELECT nope FROM cmp.t' },
        { sql: 'SELECT count(*) FROM cmp.t WHERE n > ?', params: [1] },
      ];
      const pending = startTasks(db, { main: path, cmp: path }, tasks, 2);
      expect(pending.get(2)).toEqual([[2]]);
      expect(() => pending.get(1)).toThrow(/no such column: nope/);
      expect(pending.get(0)).toEqual([[6]]);
    } finally {
      db.close();
    }
  });
});
