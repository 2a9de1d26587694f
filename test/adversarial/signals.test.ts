/**
 * `run` as a real process, stopped by a signal at a chosen point: while building the tenant, while an
 * external connector runs (one that started a `setsid` sleeper), and with the run folder written but not yet
 * swapped in. Each time it ends with the signal's status and leaves no process, nothing in its private TMPDIR,
 * no staging folder, and the previous run folder as it was. `demo --out`, `report --out` and `bundle`
 * stopped with their output complete but not yet renamed into place leave no `.tmp`, no staged bundle and
 * the previous output as it was. The pause points are the test-only SYNC_HARNESS_TEST_PAUSE_AT hook, so the
 * signal lands exactly there rather than wherever timing puts it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RUN_MARKER } from '../../harness/run/run-folder.js';
import { runCli, spawnCli, type Spawned } from '../support/cli.js';
import { escapedSleeper, running } from '../support/processes.js';

const POLL_MS = 10;
const WAIT_MS = 15_000;
const NAME = 'interrupted';

let dir: string;
let tmp: string;
let runsDir: string;
const pids: number[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'signals-'));
  tmp = join(dir, 'tmp');
  runsDir = join(dir, 'runs');
  mkdirSync(tmp);
  // The previous run: marked, so the runner would replace it if it got that far.
  mkdirSync(join(runsDir, NAME), { recursive: true });
  writeFileSync(join(runsDir, NAME, RUN_MARKER), `{"createdBy":"sync-harness","scenario":"${NAME}"}\n`);
  writeFileSync(join(runsDir, NAME, 'result.json'), '{"previous":true}\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
afterAll(() => {
  for (const pid of pids) if (running(pid)) process.kill(pid, 'SIGKILL');
});

function scenario(script: string): string {
  const file = join(dir, `${NAME}.yaml`);
  writeFileSync(
    file,
    `version: 1\nname: ${NAME}\nprovider: scim\ntenant: { users: 2, groups: 1 }\nconnector:\n  command: ["sh", "-c", ${JSON.stringify(script)}]\n  timeout: 60s\n`,
  );
  return file;
}

function start(script: string, pauseAt?: string): Spawned {
  const env: NodeJS.ProcessEnv = { TMPDIR: tmp, SYNC_HARNESS_TMPDIR: undefined, SYNC_HARNESS_TEST_PAUSE_AT: pauseAt };
  return spawnCli(['run', scenario(script), '--runs-dir', runsDir], env);
}

async function until(what: string, check: () => boolean, spawned: Spawned): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (spawned.child.exitCode !== null) throw new Error(`run exited (${spawned.child.exitCode}) before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function stderrOf(spawned: Spawned): () => string {
  let text = '';
  spawned.child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

async function interrupt(spawned: Spawned, signal: NodeJS.Signals): Promise<void> {
  expect(spawned.child.exitCode).toBeNull();
  spawned.child.kill(signal);
  const result = await spawned.done;
  const code = 128 + constants.signals[signal];
  expect(result.signal === signal || result.code === code, `code ${result.code}, signal ${result.signal}: ${result.stderr}`).toBe(true);
}

function expectNothingLeft(): void {
  expect(readdirSync(tmp)).toEqual([]);
  expect(readdirSync(runsDir)).toEqual([NAME]);
  expect(readdirSync(join(runsDir, NAME)).sort()).toEqual([RUN_MARKER, 'result.json']);
  expect(readFileSync(join(runsDir, NAME, 'result.json'), 'utf8')).toBe('{"previous":true}\n');
}

describe('run interrupted', () => {
  it.each(['tenant', 'write'])(
    'at %s: the staging folder goes, the previous run stays',
    async (point) => {
      const spawned = start('echo synced', point);
      const stderr = stderrOf(spawned);
      await until(`it paused at ${point}`, () => stderr().includes(`sync-harness test pause: ${point}`), spawned);
      expect(readdirSync(runsDir).filter((n) => n.startsWith(`.${NAME}-`))).toHaveLength(1);
      await interrupt(spawned, 'SIGINT');
      expectNothingLeft();
    },
    30_000,
  );

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'by %s during the connector: its tree, credentials and staging go',
    async (signal) => {
      const sleeper = join(dir, 'sleeper.pid');
      const connector = join(dir, 'connector.pid');
      const credentials = join(dir, 'credentials.path');
      const spawned = start(`echo $$ > ${connector}; echo {credentialsFile} > ${credentials}; ${escapedSleeper(sleeper)} sleep 30`);
      await until('the connector started its sleeper', () => existsSync(sleeper) && existsSync(connector), spawned);
      const pid = Number(readFileSync(sleeper, 'utf8'));
      const own = Number(readFileSync(connector, 'utf8'));
      pids.push(pid, own);
      expect(readFileSync(credentials, 'utf8').startsWith(tmp)).toBe(true);
      await interrupt(spawned, signal);
      expect(running(pid)).toBe(false);
      expect(running(own)).toBe(false);
      expectNothingLeft();
    },
    30_000,
  );
});

describe('an output interrupted before it is renamed into place', () => {
  let runDir: string;
  let out: string;
  const fixtures = mkdtempSync(join(tmpdir(), 'signals-fixtures-'));
  afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

  beforeAll(async () => {
    const file = join(fixtures, 'small.yaml');
    writeFileSync(file, 'version: 1\nname: small\nprovider: entra\ntenant: { seed: 3, users: 5, groups: 2 }\nconnector: builtin:entra\n');
    const made = await runCli(['run', file, '--runs-dir', join(fixtures, 'runs')]);
    expect(made.code, made.stderr).toBe(0);
    runDir = join(fixtures, 'runs', 'small');
  }, 60_000);

  beforeEach(() => {
    out = join(dir, 'out');
    mkdirSync(out);
  });

  it.each([
    ['demo --out', (target: string) => ['demo', '--out', target, '--users', '5', '--groups', '2'], 'demo.c1z'],
    ['report --out', (target: string) => ['report', runDir, '--out', target], 'report.md'],
    ['bundle', (target: string) => ['bundle', runDir, '--out', target], 'run.bundle.tar.gz'],
  ] as const)(
    '%s: no .tmp, nothing staged, the previous output kept',
    async (_name, args, name) => {
      const target = join(out, name);
      writeFileSync(target, 'previous');
      const spawned = spawnCli(args(target), { TMPDIR: tmp, SYNC_HARNESS_TMPDIR: undefined, SYNC_HARNESS_TEST_PAUSE_AT: 'output' });
      const stderr = stderrOf(spawned);
      await until('its output was complete', () => stderr().includes('sync-harness test pause: output'), spawned);
      expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
      await interrupt(spawned, 'SIGINT');
      expect(readdirSync(out)).toEqual([name]);
      expect(readFileSync(target, 'utf8')).toBe('previous');
      expect(readdirSync(tmp)).toEqual([]);
    },
    30_000,
  );
});
