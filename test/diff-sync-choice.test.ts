/** Which syncs `diff` compares: `-f` (latest against previous full sync), explicit ids, usage errors. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lines, runCli } from './support/cli.js';
import { writeSyncFile, type WrittenSync } from './support/sync-files.js';

let dir: string;
let several: string;
let syncs: WrittenSync[];
let other: string;
let otherSyncs: WrittenSync[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diff-choice-test-'));
  several = join(dir, 'several.c1z');
  // Full 1, full 2, a partial and an unfinished full after them: -f must pick full 2 against full 1.
  syncs = await writeSyncFile(several, [{ size: 1 }, { size: 2 }, { size: 3, type: 'partial' }, { size: 4, state: 'unfinished' }]);
  other = join(dir, 'other.c1z');
  otherSyncs = await writeSyncFile(other, [{ size: 2 }]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(args: string[]): Promise<any> {
  const result = await runCli(['diff', ...args, '-o', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

it('-f: the latest finished full sync against the previous one', async () => {
  const body = await json(['-f', several]);
  expect([body.base.syncId, body.compare.syncId]).toEqual([syncs[0]!.id, syncs[1]!.id]);
  expect(body.totals.resources).toMatchObject({ base: syncs[0]!.counts.resources, compare: syncs[1]!.counts.resources });
  expect(body.totals.grants).toMatchObject({ base: syncs[0]!.counts.grants, compare: syncs[1]!.counts.grants });
});

it('-f with --sync-id and --base-sync-id picks both sides, in either order', async () => {
  const body = await json(['-f', several, '--base-sync-id', syncs[1]!.id, '--sync-id', syncs[2]!.id]);
  expect([body.base.syncId, body.compare.syncId]).toEqual([syncs[1]!.id, syncs[2]!.id]);
  const reversed = await json(['-f', several, '--base-sync-id', syncs[1]!.id, '--sync-id', syncs[0]!.id]);
  expect([reversed.base.syncId, reversed.compare.syncId]).toEqual([syncs[1]!.id, syncs[0]!.id]);
});

it('-f with only --sync-id: the full sync before it is the base', async () => {
  const body = await json(['-f', several, '--sync-id', syncs[3]!.id]);
  expect([body.base.syncId, body.compare.syncId]).toEqual([syncs[1]!.id, syncs[3]!.id]);
});

it("two files: each side's latest finished full sync; the same sync content compares equal", async () => {
  const body = await json([several, other]);
  expect([body.base.syncId, body.compare.syncId]).toEqual([syncs[1]!.id, otherSyncs[0]!.id]);
  expect(body.totals.resources).toMatchObject({ added: 0, removed: 0, changed: 0 });
  const explicit = await json([several, other, '--base-sync-id', syncs[0]!.id]);
  expect(explicit.base.syncId).toBe(syncs[0]!.id);
});

it.each([
  [['--base-sync-id', 'nope'], /several\.c1z: unknown --base-sync-id nope/],
  [['--sync-id', 'nope'], /other\.c1z: unknown --sync-id nope/],
])('an unknown %j is a one-line error, exit 2', async (flags, message) => {
  const result = await runCli(['diff', several, other, ...flags]);
  expect(result.code).toBe(2);
  expect(lines(result.stderr)).toEqual([expect.stringMatching(message)]);
});

it.each([
  [[], /no files: give two files/],
  [['ONE'], /only one file: give two files/],
  [['A', 'B', 'C'], /more than two files/],
  [['-f', 'X', 'Y'], /-f X and file arguments together/],
  [['A', 'B', '--drop-threshold', 'ten'], /bad --drop-threshold "ten"/],
])('usage %j is a one-line error, exit 2', async (args, message) => {
  const result = await runCli(['diff', ...args]);
  expect(result.code).toBe(2);
  expect(lines(result.stderr)).toEqual([expect.stringMatching(message)]);
});
