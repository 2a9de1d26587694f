/**
 * External connectors that go wrong: a crash is reported with its exit code and the tail of its stderr, a
 * hang is killed at its timeout together with everything it started (the whole process group), a
 * program that exits 0 without writing its sync file has not succeeded, and neither has one whose file is not
 * a sync file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../harness/scenario/load.js';
import { runScenario } from '../harness/testing.js';

const dir = mkdtempSync(join(tmpdir(), 'external-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, connector: string, expectBlock = 'expect: { outcome: failed, error: "code" }') {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `version: 1\nname: ${name}\nprovider: scim\ntenant: { users: 5, groups: 1 }\nconnector:\n${connector}\n${expectBlock}\n`);
  return runScenario(await loadScenario(file), { runsDir: join(dir, 'runs') });
}

/** Running, as opposed to gone or a zombie waiting for a parent that may never reap it in a container. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('an external connector that fails', () => {
  it('a crash: the exit code and the tail of stderr, with the credentials it was given masked', async () => {
    const result = await run(
      'crash',
      '  command: ["sh", "-c", "echo reading users; echo token {credentials.token} >&2; echo panic: nil map >&2; exit 3"]',
    );
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(/^sh: exited with code 3; stderr ends:\ntoken \[redacted\]\npanic: nil map$/);
    expect(result.connectors[0]!.exitCode).toBe(3);
    expect(readFileSync(join(result.runDir, 'connector.log'), 'utf8')).toContain('"msg":"reading users"');
  });

  it('a hang: killed at its timeout with every process it started', async () => {
    const pidFile = join(dir, 'background.pid');
    const result = await run('hang', `  command: ["sh", "-c", "sleep 60 & echo $! > ${pidFile}; wait"]\n  timeout: 1s`);
    expect(result.error).toBe('sh: killed after its timeout of 1s');
    const background = Number(readFileSync(pidFile, 'utf8'));
    expect(running(background)).toBe(false);
  });

  it('exit 0 without a sync file is a failure that says so', async () => {
    const result = await run('silent', '  command: ["true"]', 'expect: { outcome: failed, error: "wrote no sync file" }');
    expect(result.met).toBe(true);
    expect(result.connectors[0]).toMatchObject({ outcome: 'failed', exitCode: 0 });
  });

  it('a file that is not a sync file fails the connector with the reason, in its terms (no advice for another command)', async () => {
    const result = await run('garbage', '  command: ["sh", "-c", "printf not-a-sync > {output}"]');
    expect(result.outcome).toBe('failed');
    expect(result.error).toBe(
      'sh: its output is not a sync file: not a c1z sync file (starts with 6e 6f 74 2d 61; expected "C1ZF\\0", "C1Z3\\0" or a SQLite header)',
    );
    const crashed = await run('garbage-crash', '  command: ["sh", "-c", "printf C1ZF > {output}; exit 4"]');
    expect(crashed.error).toMatch(/^sh: its output is not a sync file: .*; sh: exited with code 4/);
  });

  it('a program that is not there cannot start, and says which command and folder', async () => {
    const result = await run('missing', '  command: ["./no-such-connector"]', 'expect: { outcome: failed, error: "could not start" }');
    expect(result.met).toBe(true);
    expect(result.error).toMatch(/^\.\/no-such-connector: could not start \(spawn \.\/no-such-connector ENOENT; check the command and cwd /);
  });
});
