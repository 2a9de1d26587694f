/**
 * A c1z whose zstd is fine and whose SQLite opens, but with a damaged page in the middle of a table: the
 * damage is met only when a read gets there. Every command says so in one line with exit 2, and no listing
 * prints a row first: a listing cut at the damage must never be mistaken for a complete one (a script that
 * counts the lines of `grants` would count a part). Listings check the pages of what they read first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDamagedLeaf } from '../support/damaged-files.js';
import { lines, runCli } from '../support/cli.js';
import { writeSyncFile } from '../support/sync-files.js';

let dir: string;
let good: string;
let grants: number;
const at = (name: string) => join(dir, name);
const DAMAGE =
  /^sync-harness: \S+: damaged sync store \((database disk image is malformed|page check: .+)\) \(the file is corrupt; ask for it again\)$/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corrupt-sqlite-'));
  good = at('good.c1z');
  grants = (await writeSyncFile(good, [{ size: 40 }]))[0]!.counts.grants;
  writeDamagedLeaf(good, at('grants.c1z'), 'v1_grants');
  writeDamagedLeaf(good, at('resources.c1z'), 'v1_resources');
  writeDamagedLeaf(good, at('entitlements.c1z'), 'v1_entitlements', 0.6);
  // Console tables hold their first 500 rows to size the columns: the damage must come after those.
  await writeSyncFile(at('large.c1z'), [{ size: 200 }]);
  writeDamagedLeaf(at('large.c1z'), at('large-grants.c1z'), 'v1_grants', 0.8);
  writeDamagedLeaf(at('large.c1z'), at('large-resources.c1z'), 'v1_resources', 0.8);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectDamage(result: { code: number; stdout: string; stderr: string }, file: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const all = lines(result.stderr);
  expect(all, result.stderr).toHaveLength(1);
  expect(all[0]!.startsWith(`sync-harness: ${at(file)}: `)).toBe(true);
  expect(all[0]).toMatch(DAMAGE);
}

describe('a listing fails before its first row', () => {
  it.each([
    ['1. grants -o json (17 MB of rows were printed before the error)', ['grants', '-o', 'json'], 'grants.c1z'],
    ['2. grants as a table, damaged after its first 500 rows', ['grants'], 'large-grants.c1z'],
    ['3. resources as a table, damaged after its first 500 rows', ['resources'], 'large-resources.c1z'],
    ['4. resources -o json', ['resources', '-o', 'json'], 'resources.c1z'],
    ['5. entitlements', ['entitlements', '-o', 'json'], 'entitlements.c1z'],
    ['6. grants -o json reads resources too', ['grants', '-o', 'json'], 'resources.c1z'],
  ])('%s', async (_name, args, file) => {
    expectDamage(await runCli([...args, '-f', at(file)]), file);
  });

  it('the same listing on the undamaged file prints every row (the check passes healthy stores)', async () => {
    const result = await runCli(['grants', '-o', 'json', '-f', good]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).grants).toHaveLength(grants);
  });

  it('a listing that does not read the damaged table is complete and succeeds', async () => {
    const result = await runCli(['resource-types', '-o', 'json', '-f', at('grants.c1z')]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).resourceTypes.length).toBeGreaterThan(0);
  });
});

describe('other readers', () => {
  it('7. diff: one line naming the damaged side, not an internal error', async () => {
    expectDamage(await runCli(['diff', good, at('grants.c1z')]), 'grants.c1z');
    expectDamage(await runCli(['diff', at('resources.c1z'), good, '-o', 'json']), 'resources.c1z');
  });

  // These two already failed before printing (they read everything first); kept so they stay that way.
  it('doctor -f', async () => {
    expectDamage(await runCli(['doctor', '-f', at('grants.c1z')]), 'grants.c1z');
  });

  it('stats --recount counts through the damage and fails before printing', async () => {
    expectDamage(await runCli(['stats', '--recount', '-f', at('grants.c1z')]), 'grants.c1z');
  });
});
