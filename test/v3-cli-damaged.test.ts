/**
 * Damaged copies of the SDK's Pebble sample through the CLI: `stats`, `resources` and `diff` each end with
 * exit 2 and one line naming the file and what is wrong, print nothing on stdout, and leave no temporary
 * folder behind; neither does a successful command, nor Ctrl-C while `diff` writes a v3 file's rows into
 * its database.
 */
import { fromBinary } from '@bufbuild/protobuf';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IndexedFrameIndexSchema } from '../c1z/proto/index.js';
import { liveTempDirs } from '../lib/fs/temp-files.js';
import { lines, runCli, spawnCli } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

/** The sample's Pebble files as its frame index places them. */
function frames(bytes: Buffer): Array<{ name: string; offset: number; size: number }> {
  const tail = bytes.subarray(bytes.length - 28);
  const indexOffset = Number(tail.readBigUInt64BE(0));
  const index = fromBinary(IndexedFrameIndexSchema, bytes.subarray(indexOffset, indexOffset + tail.readUInt32BE(8)));
  return index.entries.map((e) => ({ name: e.name, offset: Number(e.frameOffset), size: Number(e.compressedSize) }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describeWithSamples('damaged v3 files through the CLI', () => {
  const pebble = samplePath(SAMPLE.pebble);
  let fixtures: string;
  const copies: Record<string, { path: string; problem: RegExp }> = {};
  let tmp: string;

  beforeAll(() => {
    fixtures = mkdtempSync(join(tmpdir(), 'v3-cli-damaged-'));
    const bytes = readFileSync(pebble);
    const sst = frames(bytes)
      .filter((f) => f.name.endsWith('.sst'))
      .sort((a, b) => b.size - a.size)[0]!;
    const write = (name: string, content: Buffer, problem: RegExp) => {
      const path = join(fixtures, name);
      writeFileSync(path, content);
      copies[name] = { path, problem };
    };
    const flipped = Buffer.from(bytes);
    const at = sst.offset + Math.floor(sst.size / 2);
    flipped[at] = flipped[at]! ^ 0x40;
    write('flipped.c1z', flipped, new RegExp(`damaged v3 payload: .*${escapeRegExp(sst.name)}`));
    write(
      'truncated.c1z',
      bytes.subarray(0, Math.floor(bytes.length * 0.7)),
      /truncated v3 payload: the frame index footer \("C1ZIDX1"\) is missing/,
    );
    write(
      'frame-removed.c1z',
      Buffer.concat([bytes.subarray(0, sst.offset), bytes.subarray(sst.offset + sst.size)]),
      /damaged v3 payload: the frame index footer points at bytes/,
    );
  });

  afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'v3-cli-damaged-tmp-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  for (const name of ['flipped.c1z', 'truncated.c1z', 'frame-removed.c1z']) {
    describe(name, () => {
      it.each([
        ['stats', (path: string) => ['stats', '-f', path]],
        ['stats -o json', (path: string) => ['stats', '-f', path, '-o', 'json']],
        ['resources', (path: string) => ['resources', '-f', path, '-o', 'json']],
        ['diff, as the compared file', (path: string) => ['diff', pebble, path]],
        ['diff, as the base file', (path: string) => ['diff', path, pebble, '-o', 'json']],
      ])('%s: exit 2, one line, no temporary folder left', async (_command, args) => {
        const { path, problem } = copies[name]!;
        const result = await runCli(args(path), { env: { SYNC_HARNESS_TMPDIR: tmp } });
        expect(result.code, result.stderr).toBe(2);
        expect(result.stdout).toBe('');
        expect(lines(result.stderr)).toHaveLength(1);
        expect(result.stderr).toMatch(new RegExp(`^sync-harness: ${escapeRegExp(path)}: `));
        expect(result.stderr).toMatch(problem);
        expect(result.stderr).toContain('ask for it again');
        expect(readdirSync(tmp)).toEqual([]);
        expect(liveTempDirs()).toEqual([]);
      });
    });
  }

  it.each([
    ['grants', ['grants', '-f', 'PEBBLE', '-e', 'role:role-0000001:assignment', '-o', 'json']],
    ['stats', ['stats', '-f', 'PEBBLE']],
    ['diff', ['diff', 'PEBBLE', 'PEBBLE', '-o', 'json']],
  ])('a successful %s leaves no temporary folder either', async (_command, args) => {
    const result = await runCli(
      args.map((a) => (a === 'PEBBLE' ? pebble : a)),
      { env: { SYNC_HARNESS_TMPDIR: tmp } },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
    expect(liveTempDirs()).toEqual([]);
  });

  it('Ctrl-C while diff writes the rows of a v3 file into its database: ended by SIGINT, folder empty', async () => {
    const { child, done } = spawnCli(['diff', pebble, pebble, '-o', 'json'], { SYNC_HARNESS_TMPDIR: tmp });
    const deadline = Date.now() + 20_000;
    const writingRows = () => readdirSync(tmp).some((dir) => readdirSync(join(tmp, dir)).includes('rows.db'));
    while (!writingRows()) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('diff never started writing a rows database');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Still writing: a signal after the command ended would prove nothing.
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    const result = await done;
    expect(result.signal === 'SIGINT' || result.code === 130, `code ${result.code}, signal ${result.signal}: ${result.stderr}`).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  }, 30_000);
});
