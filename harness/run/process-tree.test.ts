import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapedSleeper, running } from '../../test/support/processes.js';
import { ProcessTree, TREE_ENV } from './process-tree.js';

const dir = mkdtempSync(join(tmpdir(), 'process-tree-test-'));
const stray: number[] = [];
afterAll(() => {
  for (const pid of stray) if (running(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !check(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() > deadline) throw new Error('timed out');
  }
}

describe.runIf(existsSync('/proc/self/stat'))('ProcessTree', () => {
  it('finds and kills a setsid child whose parent already exited, by the token it inherited', async () => {
    const pidFile = join(dir, 'sleeper.pid');
    const tree = new ProcessTree();
    const root = spawn('sh', ['-c', `${escapedSleeper(pidFile)} while [ ! -s ${pidFile} ]; do sleep 0.01; done`], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, ...tree.env() },
    });
    tree.started(root.pid);
    await new Promise((resolve) => root.once('exit', resolve));
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    stray.push(sleeper);
    expect(running(sleeper)).toBe(true);
    expect(tree.members()).toEqual([sleeper]);
    tree.killAndWait(2000);
    await until(() => !running(sleeper));
    expect(tree.members()).toEqual([]);
  });

  it('leaves alone a process with another tree token', async () => {
    const other = spawn('sleep', ['30'], { detached: true, stdio: 'ignore', env: { ...process.env, [TREE_ENV]: 'another-run' } });
    stray.push(other.pid!);
    const tree = new ProcessTree();
    tree.started(999_999_999);
    await until(() => running(other.pid!));
    expect(tree.members()).not.toContain(other.pid);
    tree.kill();
    expect(running(other.pid!)).toBe(true);
  });
});
