import { describe, expect, it } from 'vitest';
import { selectForRows, selectForStats } from './sync-selection.js';
import type { SyncRun } from './types.js';

function sync(id: string, type: string, startedAt: string, endedAt?: string): SyncRun {
  return { id, syncType: type, startedAt, endedAt, syncToken: '', parentSyncId: '', linkedSyncId: '' };
}

const fullOld = sync('A-full-old', 'full', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z');
const fullNew = sync('B-full-new', 'full', '2026-01-02T00:00:00Z', '2026-01-02T01:00:00Z');
const partialNewest = sync('C-partial', 'partial', '2026-01-03T00:00:00Z', '2026-01-03T00:10:00Z');
const unfinished = sync('D-unfinished', 'full', '2026-01-04T00:00:00Z');
const unfinishedOlder = sync('0-unfinished', 'full', '2026-01-01T00:00:00Z');

describe('sync selection', () => {
  const rows = (syncs: SyncRun[], id?: string) => {
    const s = selectForRows('f.c1z', syncs, id);
    return s.kind === 'all-syncs' ? 'all' : `${s.sync.id} (${s.reason})`;
  };
  const stats = (syncs: SyncRun[], id?: string) => {
    const s = selectForStats('f.c1z', syncs, id);
    return `${s.sync.id}${s.unfinished ? ' unfinished' : ''}`;
  };

  it.each([
    ['one finished full sync', [fullNew], 'B-full-new (latest-finished-full)', 'B-full-new'],
    ['two full syncs: the newer', [fullOld, fullNew], 'B-full-new (latest-finished-full)', 'B-full-new'],
    ['a newer partial: rows keep the full, stats take any type', [fullNew, partialNewest], 'B-full-new (latest-finished-full)', 'C-partial'],
    ['a newer unfinished sync is not the default', [fullNew, unfinished], 'B-full-new (latest-finished-full)', 'B-full-new'],
    ['only unfinished: the latest of them', [unfinishedOlder, unfinished], 'D-unfinished (latest-unfinished)', 'D-unfinished unfinished'],
    ['only a partial', [partialNewest], 'C-partial (latest-finished)', 'C-partial'],
    ['unfinished and a finished partial', [partialNewest, unfinished], 'D-unfinished (latest-unfinished)', 'C-partial'],
  ])('%s', (_name, syncs, expectedRows, expectedStats) => {
    expect(rows(syncs)).toBe(expectedRows);
    expect(stats(syncs)).toBe(expectedStats);
  });

  it('ties on end time go to the larger sync id, as the SDK orders', () => {
    const a = sync('A', 'full', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00.5Z');
    const b = sync('B', 'full', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00.500Z');
    expect(rows([b, a])).toBe('B (latest-finished-full)');
  });

  it('compares fractions of a second by value, not by text', () => {
    const early = sync('Z-early', 'full', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00.057Z');
    const late = sync('A-late', 'full', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00.057185Z');
    expect(rows([early, late])).toBe('A-late (latest-finished-full)');
  });

  it('an explicit --sync-id wins, finished or not', () => {
    expect(rows([fullNew, unfinished], 'D-unfinished')).toBe('D-unfinished (explicit)');
    expect(stats([fullNew, unfinished], 'D-unfinished')).toBe('D-unfinished unfinished');
    expect(stats([fullOld, fullNew], 'A-full-old')).toBe('A-full-old');
  });

  it('an unknown --sync-id is an error that lists what the file holds', () => {
    expect(() => rows([fullNew], 'nope')).toThrow(
      /f\.c1z: unknown --sync-id nope \(it holds B-full-new; list them with: sync-harness syncs -f f\.c1z\)/,
    );
    expect(() => stats([], 'nope')).toThrow(/it holds none/);
  });

  it('no syncs: rows fall back to the whole file, stats say there is no sync', () => {
    expect(rows([])).toBe('all');
    expect(() => stats([])).toThrow(/no sync found/);
  });
});
