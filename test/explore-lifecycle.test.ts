/**
 * `sync-harness explore` as a real process: one line on stdout, a URL on 127.0.0.1 with a random port and
 * a token that the pages require; Ctrl-C stops it with exit 0 and removes the decompressed database.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { rawGet } from './support/explorer.js';
import { readyLine, spawnCli } from './support/cli.js';
import { writeSyncFile } from './support/sync-files.js';

const dir = mkdtempSync(join(tmpdir(), 'explore-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('prints one URL with a token, answers only with it, and on Ctrl-C exits 0 leaving no temp files', async () => {
  const file = join(dir, 'sync.c1z');
  await writeSyncFile(file, [{ size: 2 }]);
  const tmp = mkdtempSync(join(dir, 'tmp-'));
  const spawned = spawnCli(['explore', file], { SYNC_HARNESS_TMPDIR: tmp });
  const url = new URL(await readyLine(spawned));
  expect(url.hostname).toBe('127.0.0.1');
  expect(Number(url.port)).toBeGreaterThan(0);
  expect(url.searchParams.get('token')).toMatch(/^[\w-]{43}$/);
  expect(readdirSync(tmp)).toHaveLength(1);
  const host = url.host;
  expect((await rawGet(`${url.origin}/`, { host, accept: 'application/json' })).status).toBe(403);
  const answer = await rawGet(url.href, { host, accept: 'application/json' });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toMatchObject({ totals: { resources: 25 } });
  spawned.child.kill('SIGINT');
  const { code, signal, stdout, stderr } = await spawned.done;
  expect({ code, signal, stdout: stdout.split('\n').filter(Boolean).length }).toEqual({ code: 0, signal: null, stdout: 1 });
  expect(stderr).toMatch(/stopped on SIGINT\n$/);
  expect(readdirSync(tmp)).toEqual([]);
}, 30_000);

it('listens on the --port given, and --no-token lets a loopback client in without one', async () => {
  const file = join(dir, 'sync.c1z');
  const probe = spawnCli(['explore', file, '--no-token', '--port', '0']);
  const url = new URL(await readyLine(probe));
  expect(url.search).toBe('');
  expect((await rawGet(`${url.origin}/`, { host: url.host, accept: 'application/json' })).status).toBe(200);
  probe.child.kill('SIGTERM');
  expect((await probe.done).code).toBe(0);
  const busy = spawnCli(['explore', file, '--port', url.port]);
  expect(new URL(await readyLine(busy)).port).toBe(url.port);
  const taken = spawnCli(['explore', file, '--no-token', '--port', url.port]);
  const refused = await taken.done;
  expect({ code: refused.code, stderr: refused.stderr }).toEqual({
    code: 2,
    stderr: `sync-harness: explore: --port ${url.port}: already in use (leave --port out to pick a free one)\n`,
  });
  busy.child.kill('SIGINT');
  expect((await busy.done).code).toBe(0);
}, 30_000);
