/**
 * The same content reads the same from a v3 file and a v1 file: a v1 file is made of the Pebble sample's
 * rows (the database `diff` writes for a v3 file, compressed as the SDK compresses a v1 store), and every
 * inspection command gives byte-identical JSON on the two, and `diff` finds nothing between them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSyncFile } from '../c1z/open.js';
import { compressV1 } from '../c1z/writer/compress.js';
import { runCli } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

describeWithSamples('a v3 file and a v1 file of the same rows', () => {
  const pebble = samplePath(SAMPLE.pebble);
  let dir: string;
  let v1: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'v3-same-as-v1-'));
    v1 = join(dir, 'same-rows.c1z');
    const file = await openSyncFile(pebble, { need: 'database' });
    try {
      expect(file.format).toBe('v3');
      await compressV1(file.databasePath!, v1);
    } finally {
      file.close();
    }
    // Inflating the Pebble sample and compressing 100k rows takes seconds alone, and far more on a busy machine.
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function output(args: string[], path: string): Promise<string> {
    const result = await runCli([...args.map((a) => (a === 'FILE' ? path : a))]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    return result.stdout;
  }

  it.each([
    ['stats', ['stats', '-f', 'FILE', '-o', 'json']],
    ['stats --recount', ['stats', '-f', 'FILE', '-o', 'json', '--recount']],
    ['syncs', ['syncs', '-f', 'FILE', '-o', 'json']],
    ['resource-types', ['resource-types', '-f', 'FILE', '-o', 'json']],
    ['resources -t group', ['resources', '-f', 'FILE', '-o', 'json', '-t', 'group']],
    ['entitlements', ['entitlements', '-f', 'FILE', '-o', 'json']],
    ['grants -r group:group-0000003', ['grants', '-f', 'FILE', '-o', 'json', '-r', 'group:group-0000003']],
    ['grants -e role:role-0000007:assignment', ['grants', '-f', 'FILE', '-o', 'json', '-e', 'role:role-0000007:assignment']],
  ])('%s: the same JSON', async (_name, args) => {
    const fromV3 = await output(args, pebble);
    expect(fromV3.length).toBeGreaterThan(100);
    expect(await output(args, v1)).toBe(fromV3);
  });

  it('every resource and grant: the same JSON, line for line', async () => {
    for (const command of ['resources', 'grants']) {
      const fromV3 = await output([command, '-f', 'FILE', '-o', 'json'], pebble);
      expect(fromV3.split('\n').length).toBeGreaterThan(35_000);
      expect(await output([command, '-f', 'FILE', '-o', 'json'], v1)).toBe(fromV3);
    }
  });

  it('diff: every object unchanged, the pair compared on what v3 keeps', async () => {
    const body = JSON.parse(await output(['diff', v1, pebble, '-o', 'json'], v1));
    expect(body.comparison).toBe('objects');
    expect(body.note).toMatch(/only what v3 files keep is compared/);
    expect(body.totals).toEqual({
      resources: { base: 35217, compare: 35217, added: 0, removed: 0, changed: 0, unchanged: 35217 },
      entitlements: { base: 334, compare: 334, added: 0, removed: 0, changed: 0, unchanged: 334 },
      grants: { base: 66601, compare: 66601, added: 0, removed: 0, changed: 0, unchanged: 66601 },
    });
    expect(body.differ).toBe(false);
  });
});
