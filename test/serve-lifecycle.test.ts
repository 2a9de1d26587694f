/**
 * `serve` as people start and stop it: under `npx` (npm exec is its parent) it ends when that parent is
 * killed instead of listening on; its ready line's caCert is absolute whatever the working directory; and a
 * second serve keeps the first one's journal as journal.1.jsonl rather than overwriting it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { isAbsolute, join } from 'node:path';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { builtCli, readyLine, runCli, type Spawned } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'serve-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A command run in `cwd`, its output collected (`stderr()` reads it so far). */
function start(command: string, args: string[], cwd = dir): Spawned & { stderr: () => string } {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, stderr: () => stderr };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

describe('serve under a parent that dies', () => {
  // npm exec starts serve through `sh -c` and waits: killing npm exec orphans the shell, not serve.
  it.each([
    ['its parent', false],
    ['the npm exec above its `sh -c` wrapper', true],
  ])(
    'stops listening and writes its journal when %s is killed',
    async (_name, wrapped) => {
      const parent = `const c = require('node:child_process').spawn(${wrapped ? "'sh', ['-c', '\"$@\"; exit $?', 'sh', process.execPath, ...process.argv.slice(1)]" : 'process.execPath, process.argv.slice(1)'}, { stdio: 'inherit' }); console.error('child pid ' + c.pid); setInterval(() => {}, 1e6);`;
      const journal = join(dir, `orphan-${wrapped}`, 'journal.jsonl');
      const spawned = start(process.execPath, ['-e', parent, builtCli(), 'serve', '--provider', 'scim', '--users', '3', '--journal', journal]);
      let servePid = 0;
      try {
        const ready = JSON.parse(await readyLine(spawned)) as { baseUrl: string };
        expect(await until(() => /child pid \d+/.test(spawned.stderr()), 5000)).toBe(true);
        const childPid = Number(/child pid (\d+)/.exec(spawned.stderr())![1]);
        servePid = wrapped ? Number(execFileSync('pgrep', ['-P', String(childPid)], { encoding: 'utf8' }).trim()) : childPid;
        expect(servePid).toBeGreaterThan(0);
        expect((await fetch(`${ready.baseUrl}/scim/v2/nothing-here`)).status).toBeGreaterThanOrEqual(400);
        spawned.child.kill('SIGKILL');
        expect(await until(() => !alive(servePid), 5000)).toBe(true);
        const result = await spawned.done;
        expect(result.stderr).toMatch(/stopped on its parent process exiting; journal written to /);
        expect(readFileSync(journal, 'utf8')).toContain('nothing-here');
        await expect(fetch(ready.baseUrl)).rejects.toThrow();
      } finally {
        if (servePid && alive(servePid)) process.kill(servePid, 'SIGKILL');
      }
    },
    30_000,
  );
});

describe('serve started twice in one folder', () => {
  it('prints an absolute caCert and keeps the previous journal as journal.1.jsonl', async () => {
    const serve = (args: string[]) =>
      start(process.execPath, [builtCli(), 'serve', '--provider', 'entra', '--users', '3', '--journal', 'runs/serve/journal.jsonl', ...args]);
    const first = serve([]);
    const { baseUrl } = JSON.parse(await readyLine(first)) as { baseUrl: string };
    await fetch(`${baseUrl}/v1.0/first-serve`);
    first.child.kill('SIGTERM');
    expect((await first.done).code).toBe(0);
    const firstJournal = readFileSync(join(dir, 'runs/serve/journal.jsonl'), 'utf8');
    expect(firstJournal).toContain('first-serve');

    const second = serve(['--tls']);
    const ready = JSON.parse(await readyLine(second)) as { caCert: string };
    expect(isAbsolute(ready.caCert)).toBe(true);
    expect(ready.caCert).toBe(join(dir, 'runs', 'serve', 'ca.pem'));
    expect(existsSync(ready.caCert)).toBe(true);
    second.child.kill('SIGTERM');
    const result = await second.done;
    expect(result.stderr).toContain(`the previous one kept as ${join('runs', 'serve', 'journal.1.jsonl')}`);
    expect(readFileSync(join(dir, 'runs/serve/journal.1.jsonl'), 'utf8')).toBe(firstJournal);
  }, 30_000);
});

it('a serve refused for bad input leaves the journal where it was', async () => {
  const journal = join(dir, 'refused', 'journal.jsonl');
  mkdirSync(join(dir, 'refused'), { recursive: true });
  writeFileSync(journal, 'kept\n');
  const result = await runCli(['serve', '--provider', 'nope', '--journal', journal]);
  expect(result.code).toBe(2);
  expect(readFileSync(journal, 'utf8')).toBe('kept\n');
  expect(existsSync(join(dir, 'refused', 'journal.1.jsonl'))).toBe(false);
});
