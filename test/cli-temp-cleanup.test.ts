/**
 * The inflated database (up to a gigabyte per file) never outlives the command: not after success, not
 * after an error, not after Ctrl-C. SYNC_HARNESS_TMPDIR points each test at its own fresh folder, which
 * must be empty afterwards; a watcher on it proves the command did use it.
 */
import { createWriteStream, mkdtempSync, readdirSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CompressStream } from 'zstd-napi';
import { V1_MAGIC, SQLITE_MAGIC } from '../c1z/format.js';
import { liveTempDirs } from '../lib/fs/temp-files.js';
import { lines, runCli, spawnCli } from './support/cli.js';
import { writeCut } from './support/c1z-bytes.js';
import { writeCorruptProtobuf, writeSqliteWithoutTables } from './support/damaged-files.js';
import { writeSyncFile } from './support/sync-files.js';

const POLL_MS = 5;
const TIMEOUT_MS = 10_000;

let fixtures: string;
const fixture = (name: string) => join(fixtures, name);

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'cli-temp-cleanup-fixtures-'));
  await writeSyncFile(fixture('good.c1z'), [{ size: 2 }]);
  writeCorruptProtobuf(fixture('good.c1z'), fixture('corrupt-protobuf.c1z'), 'user:u-0000001');
  writeSqliteWithoutTables(fixture('sqlite-without-tables.c1z'));
  writeCut(fixture('good.c1z'), fixture('truncated.c1z'), 0.5);
});

afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

let tmp: string;
let watcher: FSWatcher;
let created: string[];

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cli-temp-cleanup-'));
  created = [];
  watcher = watch(tmp, (_event, name) => void (name && created.push(name)));
});

afterEach(() => {
  watcher.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Resolves when `check` holds, polling; fails after {@link TIMEOUT_MS}. */
async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const ownFolder = (name: string) => /^sync-harness-[^/]+$/.test(name);

describe('in-process: the folder is empty after the command', () => {
  it.each([
    ['a successful listing', ['grants', '-o', 'json', '-f', 'good.c1z'], 0],
    ['successful stats', ['stats', '-f', 'good.c1z'], 0],
    ['a corrupt protobuf blob (mid-listing)', ['resources', '-o', 'json', '-f', 'corrupt-protobuf.c1z'], 2],
    ['SQLite without the c1z tables', ['stats', '-f', 'sqlite-without-tables.c1z'], 2],
    ['truncated zstd', ['stats', '-f', 'truncated.c1z'], 2],
    ['an unknown --sync-id', ['entitlements', '-f', 'good.c1z', '--sync-id', 'nope'], 2],
  ])('%s', async (_name, args, code) => {
    const result = await runCli(
      args.map((arg) => (arg.endsWith('.c1z') ? fixture(arg) : arg)),
      { env: { SYNC_HARNESS_TMPDIR: tmp } },
    );
    expect(result.code, result.stderr).toBe(code);
    await until('the watcher saw the command make its folder', () => created.some(ownFolder));
    expect(readdirSync(tmp)).toEqual([]);
    expect(liveTempDirs()).toEqual([]);
  });
});

describe('as a process', () => {
  let slow: string;

  beforeAll(async () => {
    // A file that takes a while to inflate and costs nothing to make: a SQLite header and ~600 MB of zeros,
    // about 20 KB compressed.
    slow = fixture('slow-to-inflate.c1z');
    const zeros = Buffer.alloc(1 << 20);
    async function* payload() {
      yield SQLITE_MAGIC;
      for (let i = 0; i < 600; i++) yield zeros;
    }
    writeFileSync(slow, V1_MAGIC);
    await pipeline(Readable.from(payload()), new CompressStream({ compressionLevel: 1 }), createWriteStream(slow, { flags: 'a' }));
  });

  it('after an error exit the folder is empty', async () => {
    const { done } = spawnCli(['resources', '-o', 'json', '-f', fixture('corrupt-protobuf.c1z')], { SYNC_HARNESS_TMPDIR: tmp });
    const result = await done;
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/v1_resources row "user:u-0000001" .*corrupt/)]);
    await until('the watcher saw the command make its folder', () => created.some(ownFolder));
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while inflating: ended by that signal, folder empty', async (signal, shellCode) => {
    const { child, done } = spawnCli(['stats', '-f', slow], { SYNC_HARNESS_TMPDIR: tmp });
    await until('the CLI made its temporary folder', () => readdirSync(tmp).some(ownFolder));
    // Still inflating: a signal that arrives after the command ended would prove nothing.
    expect(child.exitCode).toBeNull();
    child.kill(signal);
    const result = await done;
    expect(result.signal === signal || result.code === shellCode, `code ${result.code}, signal ${result.signal}: ${result.stderr}`).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
