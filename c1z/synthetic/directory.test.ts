import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareSyncs } from '../../harness/diff/compare.js';
import type { DiffReport } from '../../reports/diff/report.js';
import { openSides } from '../../harness/diff/sides.js';
import { C1zWriter } from '../writer/c1z-writer.js';
import { writeDirectory, type DirectoryCounts, type DirectoryShape } from './directory.js';
import { fateOf } from './mutation.js';
import { steppingClock } from './stepping-clock.js';

const dir = mkdtempSync(join(tmpdir(), 'synthetic-directory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Small enough to write and diff in about a second; the rate is high enough that each table of a directory
// this size still gets objects added, removed and changed.
const SHAPE: DirectoryShape = { users: 1000, groups: 60, roles: 30, memberships: 5000, roleAssignments: 1000, seed: 11 };
const RATE = 0.15;

async function write(name: string, shape: DirectoryShape): Promise<{ path: string; counts: DirectoryCounts }> {
  const path = join(dir, `${name}.c1z`);
  const writer = new C1zWriter(path, { seed: 5, clock: steppingClock(new Date('2026-01-05T09:00:00Z'), 1000) });
  const syncId = writer.startSync();
  const counts = writeDirectory(writer, syncId, shape);
  writer.endSync(syncId);
  await writer.finish();
  return { path, counts };
}

async function diff(a: string, b: string): Promise<DiffReport> {
  const sides = await openSides({ files: [a, b] });
  try {
    return compareSyncs(sides, { dropThreshold: 100, rules: [] });
  } finally {
    sides.close();
  }
}

describe('writeDirectory with mutate', () => {
  it('decides each object by its id and seed alone, close to the rate', () => {
    const fate = fateOf({ rate: 0.3, seed: 1 });
    const ids = Array.from({ length: 30_000 }, (_, i) => `user:u-${i}`);
    const share = (f: string) => ids.filter((id) => fate(id) === f).length / ids.length;
    expect(share('removed')).toBeCloseTo(0.1, 1);
    expect(share('changed')).toBeCloseTo(0.1, 1);
    expect(ids.map(fate)).toEqual(ids.map(fateOf({ rate: 0.3, seed: 1 })));
    expect(ids.map(fate)).not.toEqual(ids.map(fateOf({ rate: 0.3, seed: 2 })));
  });

  it('writes a later sync whose diff against the unmutated one is the mutation: added, removed and changed in every table', async () => {
    const base = await write('base', SHAPE);
    const later = await write('later', { ...SHAPE, mutate: { rate: RATE, seed: 3 } });
    const report = await diff(base.path, later.path);
    for (const table of ['resources', 'entitlements', 'grants'] as const) {
      const t = report.totals[table];
      expect(t.base).toBe(base.counts[table]);
      expect(t.compare).toBe(later.counts[table]);
      expect(t.added, table).toBeGreaterThan(0);
      expect(t.removed, table).toBeGreaterThan(0);
      expect(t.changed, table).toBeGreaterThan(0);
      // About the rate: a third each way, plus grants that leave with their removed principal or group.
      const differing = (t.added! + t.removed! + t.changed!) / t.base;
      expect(differing, table).toBeGreaterThan(RATE / 2);
      expect(differing, table).toBeLessThan(RATE * 1.7);
    }
    // Changed resources differ in their name only; grants in their sources; nothing is left dangling.
    expect(Object.keys(report.changes!.resources.fields)).toEqual(['displayName']);
    expect(Object.keys(report.changes!.grants.fields)).toEqual(['sources']);
    expect(report.findings.filter((f) => f.id === 'principal-not-found')).toEqual([]);
    for (const type of ['user', 'group', 'role']) {
      const row = report.byResourceType.find((r) => r.resourceType === type)!;
      expect(row.resources.added! + row.resources.removed! + row.resources.changed!, type).toBeGreaterThan(0);
    }
  });

  it('leaves the directory as it was without mutate or at rate 0', async () => {
    const a = await write('plain', SHAPE);
    const b = await write('rate-0', { ...SHAPE, mutate: { rate: 0, seed: 3 } });
    const report = await diff(a.path, b.path);
    expect(report.differ).toBe(false);
    expect(report.totals.grants.unchanged).toBe(a.counts.grants);
  });
});
