/**
 * An external connector's whole process tree dies, including a child that left with `setsid` (its own
 * session and process group, so killing the connector's group misses it) and keeps the connector's stdout
 * open: at the timeout, and when the connector exits and leaves it behind. Either way the run returns
 * instead of waiting for ever on the pipe the escaped child holds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../harness/scenario/load.js';
import { runScenario } from '../../harness/testing.js';
import { escapedSleeper, running } from '../support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'process-tree-'));
const started: number[] = [];
afterAll(() => {
  for (const pid of started) if (running(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function run(name: string, script: string, timeout: string) {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `version: 1\nname: ${name}\nprovider: scim\ntenant: { users: 2, groups: 1 }\nconnector:\n  command: ["sh", "-c", ${JSON.stringify(script)}]\n  timeout: ${timeout}\n`,
  );
  const t0 = performance.now();
  const result = await runScenario(await loadScenario(file), { runsDir: join(dir, 'runs') });
  return { result, seconds: (performance.now() - t0) / 1000 };
}

function escaped(pidFile: string): number {
  const pid = Number(readFileSync(pidFile, 'utf8'));
  started.push(pid);
  return pid;
}

/** Waits for the sleeper, then says whether it really left: it leads its own session (field 6 of stat). */
const waitFor = (pidFile: string) =>
  `while [ ! -s ${pidFile} ]; do sleep 0.01; done; p=$(cat ${pidFile}); [ "$(cut -d' ' -f6 /proc/$p/stat)" = "$p" ] && echo escaped`;

describe("an external connector's process tree", () => {
  it('a setsid child of a connector that hangs dies at the timeout, and the run returns', async () => {
    const pidFile = join(dir, 'hang.pid');
    const { result, seconds } = await run('hang', `${escapedSleeper(pidFile)} ${waitFor(pidFile)}; echo started; sleep 30`, '1s');
    const child = escaped(pidFile);
    expect(result.error).toMatch(/^sh: killed after its timeout of 1s/);
    expect(readFileSync(join(result.runDir, 'connector.log'), 'utf8')).toContain('"msg":"escaped"');
    expect(running(child)).toBe(false);
    expect(seconds).toBeLessThan(8);
  }, 20_000);

  it('a setsid child a connector leaves behind when it exits dies too, and its open stdout does not hold the run', async () => {
    const pidFile = join(dir, 'left.pid');
    const { result, seconds } = await run('left-behind', `${escapedSleeper(pidFile)} ${waitFor(pidFile)}; echo done; exit 0`, '30s');
    const child = escaped(pidFile);
    expect(result.error).toMatch(/exited 0 but wrote no sync file/);
    expect(readFileSync(join(result.runDir, 'connector.log'), 'utf8')).toContain('"msg":"done"');
    expect(running(child)).toBe(false);
    // Well under the connector's own 30 s timeout: the grace for its output, not the sleeper's 30 s.
    expect(seconds).toBeLessThan(8);
  }, 20_000);

  it('the credentials folder it was given is gone afterwards', async () => {
    const seen = join(dir, 'credentials-path');
    const { result } = await run('credentials', `echo {credentialsFile} > ${seen}; exit 1`, '5s');
    expect(result.outcome).toBe('failed');
    expect(existsSync(readFileSync(seen, 'utf8').trim())).toBe(false);
  });
});
