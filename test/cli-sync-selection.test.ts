/**
 * Which sync each command shows, end to end: files with several syncs written by the project's writer, every
 * inspection command run on each, the shown sync recognised by its counts. The rules are the ones at the top
 * of c1z/sync-selection.ts: listings prefer the latest finished full sync, stats the latest finished
 * sync of any type, and both fall back to the latest unfinished sync with a note.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, runCli, type CliResult } from './support/cli.js';
import { writeSyncFile, type SyncPlan, type WrittenSync } from './support/sync-files.js';

type Listing = 'resources' | 'entitlements' | 'grants' | 'resource-types';
const LISTINGS: Listing[] = ['resources', 'entitlements', 'grants', 'resource-types'];
const JSON_KEY: Record<Listing, string> = {
  resources: 'resources',
  entitlements: 'entitlements',
  grants: 'grants',
  'resource-types': 'resourceTypes',
};
const COUNT: Record<Listing, keyof WrittenSync['counts']> = {
  resources: 'resources',
  entitlements: 'entitlements',
  grants: 'grants',
  'resource-types': 'resourceTypes',
};

interface Case {
  name: string;
  plans: SyncPlan[];
  /** Index of the sync the listings show, or 'all' for every row in the file. */
  rows: number | 'all';
  /** Index of the sync `stats` shows, or 'none' when it must fail. */
  stats: number | 'none';
  /** Index of the sync passed with --sync-id. */
  syncId?: number;
  rowsNote?: RegExp;
  statsNote?: RegExp;
}

const CASES: Case[] = [
  { name: 'one finished full sync', plans: [{ size: 1 }], rows: 0, stats: 0 },
  { name: 'two finished full syncs: the newer', plans: [{ size: 1 }, { size: 2 }], rows: 1, stats: 1 },
  {
    name: 'a full sync and a newer finished partial: listings the full, stats the partial',
    plans: [{ size: 1 }, { size: 2, type: 'partial' }],
    rows: 0,
    stats: 1,
  },
  {
    name: 'a full sync and a newer unfinished one: both the finished full',
    plans: [{ size: 1 }, { size: 2, state: 'unfinished' }],
    rows: 0,
    stats: 0,
  },
  {
    name: 'only unfinished syncs: the latest of them, said so',
    plans: [
      { size: 1, state: 'unfinished' },
      { size: 2, state: 'unfinished' },
    ],
    rows: 1,
    stats: 1,
    rowsNote: /^note: no finished full sync in .*; showing the unfinished sync /,
    statsNote: /^note: no finished sync in .*; showing the unfinished sync .*how far it got/,
  },
  {
    name: 'only a finished partial sync: that one, said so for listings',
    plans: [{ size: 2, type: 'partial' }],
    rows: 0,
    stats: 0,
    rowsNote: /^note: no full sync in .*; showing the partial sync /,
  },
  { name: '--sync-id of an older full sync', plans: [{ size: 1 }, { size: 2 }], syncId: 0, rows: 0, stats: 0 },
  {
    name: '--sync-id of an unfinished sync',
    plans: [{ size: 1 }, { size: 2, state: 'unfinished' }],
    syncId: 1,
    rows: 1,
    stats: 1,
    statsNote: /^note: sync \S+ is unfinished; counts show how far it got$/,
  },
  {
    name: 'rows but no sync runs: listings show every row, stats has nothing to show',
    plans: [
      { size: 1, state: 'no-run' },
      { size: 2, state: 'no-run' },
    ],
    rows: 'all',
    stats: 'none',
  },
];

let dir: string;
const files = new Map<string, { path: string; syncs: WrittenSync[] }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-sync-selection-'));
  for (const [i, c] of CASES.entries()) {
    const path = join(dir, `case-${i}.c1z`);
    files.set(c.name, { path, syncs: await writeSyncFile(path, c.plans) });
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The counts a listing is expected to show: one sync's, or every sync's added up. */
function expectedCount(syncs: WrittenSync[], shown: number | 'all', key: keyof WrittenSync['counts']): number {
  return shown === 'all' ? syncs.reduce((n, s) => n + s.counts[key], 0) : syncs[shown]!.counts[key];
}

function noteLines(result: CliResult): string[] {
  return lines(result.stderr);
}

describe.each(CASES)('$name', (c) => {
  const file = () => files.get(c.name)!;
  const args = (command: string, format: 'json' | 'console') => {
    const { path, syncs } = file();
    return [command, '-f', path, '-o', format, ...(c.syncId === undefined ? [] : ['--sync-id', syncs[c.syncId]!.id])];
  };

  it.each(LISTINGS)('%s (json and console) shows the expected sync', async (command) => {
    const { syncs } = file();
    const expected = expectedCount(syncs, c.rows, COUNT[command]);
    // The counts must single the sync out, or this test would pass for the wrong one.
    const others = (c.rows === 'all' ? syncs : syncs.filter((_, i) => i !== c.rows)).map((s) => s.counts[COUNT[command]]);
    if (c.rows !== 'all') expect(others).not.toContain(expected);

    const json = await runCli(args(command, 'json'));
    expect(json.code, json.stderr).toBe(0);
    const items = JSON.parse(json.stdout)[JSON_KEY[command]] as unknown[];
    expect(items).toHaveLength(expected);

    const consoleRun = await runCli(args(command, 'console'));
    expect(consoleRun.code, consoleRun.stderr).toBe(0);
    expect(lines(consoleRun.stdout).length - 2).toBe(expected); // header and rule

    for (const run of [json, consoleRun]) {
      if (c.rowsNote) {
        expect(noteLines(run)).toHaveLength(1);
        expect(noteLines(run)[0]).toMatch(c.rowsNote);
        expect(noteLines(run)[0]).toContain(syncs[c.rows as number]!.id);
      } else {
        expect(run.stderr).toBe('');
      }
    }
  });

  it('resource-types lists the marker types of the shown sync only', async () => {
    const { syncs } = file();
    const json = await runCli(args('resource-types', 'json'));
    const markers = (JSON.parse(json.stdout).resourceTypes as Array<{ resourceType: { id: string } }>)
      .map((t) => t.resourceType.id)
      .filter((id) => id.startsWith('sync-'))
      .sort();
    const shown = c.rows === 'all' ? syncs : [syncs[c.rows]!];
    expect(markers).toEqual(shown.flatMap((s) => s.markers).sort());
  });

  it('stats shows the expected sync', async () => {
    const { path, syncs } = file();
    const json = await runCli(args('stats', 'json'));
    const consoleRun = await runCli(args('stats', 'console'));
    if (c.stats === 'none') {
      for (const run of [json, consoleRun]) {
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toEqual([`sync-harness: ${path}: no sync found in this file (it holds no sync runs; was the sync ever started?)`]);
      }
      return;
    }
    const sync = syncs[c.stats]!;
    expect(json.code, json.stderr).toBe(0);
    const shown = JSON.parse(json.stdout);
    expect(shown.id).toBe(sync.id);
    expect(shown.syncType).toBe(sync.type);
    expect(shown.stats).toMatchObject({
      resourceTypes: String(sync.counts.resourceTypes),
      resources: String(sync.counts.resources),
      entitlements: String(sync.counts.entitlements),
      grants: String(sync.counts.grants),
    });
    // An unfinished sync has no end time; protojson leaves the field out rather than printing null.
    expect('endedAt' in shown).toBe(sync.finished);

    expect(consoleRun.code, consoleRun.stderr).toBe(0);
    expect(consoleRun.stdout).toMatch(new RegExp(`^Sync ID +${sync.id}$`, 'm'));
    expect(consoleRun.stdout).toMatch(new RegExp(`^Resources +${sync.counts.resources}$`, 'm'));
    expect(consoleRun.stdout).toMatch(new RegExp(`^Grants +${sync.counts.grants}$`, 'm'));
    expect(consoleRun.stdout).toMatch(new RegExp(`^Ended At +${sync.finished ? '\\d{4}-' : 'unfinished$'}`, 'm'));

    for (const run of [json, consoleRun]) {
      if (c.statsNote) {
        expect(noteLines(run)).toHaveLength(1);
        expect(noteLines(run)[0]).toMatch(c.statsNote);
        expect(noteLines(run)[0]).toContain(sync.id);
      } else {
        expect(run.stderr).toBe('');
      }
    }
  });
});

describe('an unknown --sync-id', () => {
  const name = CASES[1]!.name; // two finished full syncs

  it.each(['stats', ...LISTINGS])('%s: exit 2, one line naming the file and the ids it holds', async (command) => {
    const { path, syncs } = files.get(name)!;
    const result = await runCli([command, '-f', path, '--sync-id', '2NoSuchSyncxxxxxxxxxxxxxxxx']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [line, ...rest] = lines(result.stderr);
    expect(rest).toEqual([]);
    expect(line).toMatch(new RegExp(`^sync-harness: ${escapeRegExp(path)}: unknown --sync-id 2NoSuchSync`));
    for (const sync of syncs) expect(line).toContain(sync.id);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
