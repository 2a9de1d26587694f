/**
 * Paths as an adversary gives them, to every flag that takes a file or a folder: standard input, a device,
 * a FIFO, a file where a folder goes and a folder where a file goes, a missing folder, a folder the kernel
 * will not create things in, a newline inside the path. Each is one line on stderr naming the path and
 * the problem, exit 2, nothing on stdout, nothing written, never a hang or an internal error.
 * Numbered cases failed (or hung) before.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../harness/testing.js';
import { lines, runCli, spawnCli, type CliResult } from '../support/cli.js';
import { writeSyncFile } from '../support/sync-files.js';

let dir: string;
let good: string;
let runDir: string;
const at = (name: string) => join(dir, name);
const SCENARIO = 'scenarios/library/entra/control.yaml';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bad-paths-'));
  good = at('good.c1z');
  await writeSyncFile(good, [{ size: 2 }]);
  writeFileSync(at('a-file'), 'not a folder');
  mkdirSync(at('a-folder'));
  execFileSync('mkfifo', [at('fifo')]);
  runDir = (await runScenario(SCENARIO, { runsDir: at('runs') })).runDir;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One line, exit 2, stdout empty, no stack; the line starts `sync-harness: <start>` and matches `problem`. */
function expectRefused(result: CliResult | { code: number | null; stdout: string; stderr: string }, start: string, problem: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const all = lines(result.stderr);
  expect(all, result.stderr).toHaveLength(1);
  expect(all[0]!.startsWith(`sync-harness: ${start}`), all[0]).toBe(true);
  expect(all[0]).toMatch(problem);
  expect(all[0]).not.toMatch(/internal error/);
}

/** The built CLI as a process, killed if it has not ended in `ms`: the old code hung on these. */
async function spawnWithin(args: string[], ms = 30_000) {
  const spawned = spawnCli(args);
  const timer = setTimeout(() => spawned.child.kill('SIGKILL'), ms);
  try {
    const result = await spawned.done;
    expect(result.signal, `still running after ${ms} ms: ${args.join(' ')}`).toBeNull();
    return result;
  } finally {
    clearTimeout(timer);
  }
}

describe('run --runs-dir', () => {
  it('1. a file: one line, not "internal error: EEXIST"', async () => {
    expectRefused(await runCli(['run', '--runs-dir', at('a-file'), SCENARIO]), at('a-file'), /: is a file, not a folder \(--runs-dir takes a folder/);
  });

  it("2. /proc/1/x: one line at once, where Node's recursive mkdir spun at 100% CPU forever", async () => {
    const result = await spawnWithin(['run', '--runs-dir', '/proc/1/x', SCENARIO]);
    expectRefused(result, '/proc/1/x', /: cannot create the folder \/proc\/1\/x for --runs-dir: /);
  }, 40_000);

  it('3. under a file: the part of the path that is a file is named', async () => {
    expectRefused(
      await runCli(['run', '--runs-dir', join(at('a-file'), 'sub'), SCENARIO]),
      join(at('a-file'), 'sub'),
      /a part of the path is a file, not a folder|is a file, not a folder/,
    );
  });
});

describe('report --out and bundle --out', () => {
  it.each([
    [
      '4. report into a missing folder',
      () => ['report', runDir, '--out', at('missing/report.md')],
      () => at('missing/report.md'),
      /: the folder \S+missing does not exist \(create it first/,
    ],
    [
      '5. report onto a folder',
      () => ['report', runDir, '--out', at('a-folder')],
      () => at('a-folder'),
      /: is a folder \(give --out a file path, not a folder\)/,
    ],
    [
      '6. bundle into a missing folder',
      () => ['bundle', runDir, '--out', at('missing/b.tar.gz')],
      () => at('missing/b.tar.gz'),
      /: the folder \S+missing does not exist/,
    ],
    ['7. bundle onto a folder', () => ['bundle', runDir, '--out', at('a-folder')], () => at('a-folder'), /: is a folder/],
    [
      '8. report onto a FIFO (the rename would have replaced it with a regular file)',
      () => ['report', runDir, '--out', at('fifo')],
      () => at('fifo'),
      /: exists and is not a regular file/,
    ],
    [
      '8b. tenant generate onto a FIFO (it was replaced with a SQLite file)',
      () => ['tenant', 'generate', '--users', '5', '--out', at('fifo')],
      () => at('fifo'),
      /: exists and is not a regular file/,
    ],
    ['8c. demo onto a FIFO', () => ['demo', '--out', at('fifo')], () => at('fifo'), /: exists and is not a regular file/],
  ])('%s', async (_name, args, start, problem) => {
    expectRefused(await runCli(args()), start(), problem);
    expect(statSync(at('fifo')).isFIFO()).toBe(true);
    expect(readdirSync(at('a-folder'))).toEqual([]);
    expect(existsSync(at('missing'))).toBe(false);
  });
});

describe('files to read', () => {
  it.each([
    ['9. -f - says standard input is not supported', ['stats', '-f', '-'], '-', /: standard input is not supported \(save it to a file/],
    ['10. -f /dev/stdin, a link to whatever fd 0 is', ['grants', '-f', '/dev/stdin'], '/dev/stdin', /: standard input is not supported/],
    ['11. -f /dev/zero is a device, not "an empty file"', ['stats', '-f', '/dev/zero'], '/dev/zero', /: is a character device, not a regular file/],
    ['12. -f ""', ['resources', '-f', ''], '-f ""', /: empty path/],
    ['13. doctor --log on a device', ['doctor', '--log', '/dev/null'], '/dev/null', /: is a character device, not a regular file/],
    ['14. doctor --log -', ['doctor', '--log', '-'], '-', /: standard input is not supported/],
    ['diff with a folder as one side (kept as it was)', () => ['diff', good, at('a-folder')], undefined, /: is a folder, not a sync file/],
    ['16. run - (a scenario on standard input)', ['run', '-'], '-', /: standard input is not supported/],
  ] as const)('%s', async (_name, args, start, problem) => {
    const argv = typeof args === 'function' ? args() : [...args];
    expectRefused(await runCli(argv), start ?? at('a-folder'), problem);
  });

  it.each([
    ['17. stats -f FIFO', () => ['stats', '-f', at('fifo')]],
    ['18. doctor --log FIFO', () => ['doctor', '--log', at('fifo')]],
    ['19. doctor -f good --expect-ids FIFO', () => ['doctor', '-f', good, '--expect-ids', at('fifo')]],
    ['20. run FIFO', () => ['run', at('fifo')]],
  ])(
    '%s: refused at once, where opening it waited for a writer forever',
    async (_name, args) => {
      expectRefused(await spawnWithin(args(), 20_000), at('fifo'), /: is a named pipe \(FIFO\), not a regular file/);
    },
    30_000,
  );

  it('21. a path with a newline in it stays one line, the newline shown escaped', async () => {
    const path = join(dir, 'line\nsync-harness: forged second line.c1z');
    const result = await runCli(['stats', '-f', path]);
    expectRefused(result, join(dir, 'line\\nsync-harness: forged second line.c1z'), /: no such file/);
  });
});

describe('ids', () => {
  it.each([
    ['22. --sync-id "" (was silently the default sync)', ['grants', '--sync-id', ''], '--sync-id "": empty sync id'],
    ['23. diff --base-sync-id ""', ['diff', '--base-sync-id', ''], '--base-sync-id "": empty sync id'],
    ['24. -t "" (was silently every type)', ['resources', '-t', ''], '--resource-type "": empty resource type'],
    ['25. grants -e "" (was silently every entitlement)', ['grants', '-e', ''], '--entitlement "": empty entitlement id'],
  ])('%s', async (_name, args, start) => {
    expectRefused(await runCli([...args, '-f', good]), start, /\(give one, or leave --[\w-]+ out\)$/);
  });

  it('26. a 100 KB --sync-id is echoed cut to 80 characters', async () => {
    const id = 'k'.repeat(100_000);
    const result = await runCli(['stats', '-f', good, '--sync-id', id]);
    expectRefused(result, good, /: unknown --sync-id k{80}… \(100000 characters\) \(it holds/);
    expect(result.stderr.length).toBeLessThan(1000);
  });

  it('27. an id with control characters is echoed escaped, on one line', async () => {
    const result = await runCli(['grants', '-f', good, '--sync-id', 'x\n\x1b[2Jy']);
    expectRefused(result, good, /: unknown --sync-id x\\n\\u001b\[2Jy \(/);
  });

  it('28. a 100 KB value refused by commander is cut too', async () => {
    const result = await runCli(['stats', '-f', good, '-o', 'j'.repeat(100_000)]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr.length).toBeLessThan(1000);
    expect(result.stderr).toMatch(/argument 'j{80}… \(100000 characters\)' is invalid/);
  });
});
