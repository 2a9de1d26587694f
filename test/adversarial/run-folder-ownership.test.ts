/**
 * `run` replaces only run folders it made. A scenario named like a folder the user keeps (`src`, with
 * `--runs-dir` at a source tree) is refused in one line with exit 2 and nothing touched; a run folder with
 * the marker is replaced whole, with no staging or previous copy left beside it; a staging folder a killed
 * run left is removed by the next run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RUN_MARKER } from '../../harness/run/run-folder.js';
import { STAGING_OWNER } from '../../harness/run/staging.js';
import { lines, runCli } from '../support/cli.js';

let dir: string;
let runsDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'run-folder-ownership-'));
  runsDir = join(dir, 'tree');
  mkdirSync(runsDir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function scenario(name: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `version: 1\nname: ${name}\nprovider: entra\ntenant: { seed: 3, users: 5, groups: 2 }\nconnector: builtin:entra\n`);
  return file;
}

describe('a folder run did not make', () => {
  it('is refused in one line, exit 2, and left exactly as it was', async () => {
    mkdirSync(join(runsDir, 'src'));
    writeFileSync(join(runsDir, 'src', 'main.ts'), 'export {};\n');
    const out = await runCli(['run', scenario('src'), '--runs-dir', runsDir]);
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([expect.stringContaining(`${join(runsDir, 'src')}: exists and is not a sync-harness run folder`)]);
    expect(out.stderr).toContain('give another --runs-dir');
    expect(readdirSync(runsDir)).toEqual(['src']);
    expect(readdirSync(join(runsDir, 'src'))).toEqual(['main.ts']);
    expect(readFileSync(join(runsDir, 'src', 'main.ts'), 'utf8')).toBe('export {};\n');
  });

  it('a file, a symbolic link or a folder with a foreign marker is refused too', async () => {
    writeFileSync(join(runsDir, 'notes'), 'mine');
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', RUN_MARKER), '{"createdBy":"sync-harness","scenario":"linked"}\n');
    symlinkSync(join(dir, 'elsewhere'), join(runsDir, 'linked'));
    mkdirSync(join(runsDir, 'forged'));
    writeFileSync(join(runsDir, 'forged', RUN_MARKER), 'not json');
    for (const [name, problem] of [
      ['notes', 'exists and is not a folder'],
      ['linked', 'is a symbolic link'],
      ['forged', 'is not a sync-harness run folder'],
    ]) {
      const out = await runCli(['run', scenario(name!), '--runs-dir', runsDir]);
      expect(out.code, out.stderr).toBe(2);
      expect(lines(out.stderr)).toEqual([expect.stringContaining(problem!)]);
    }
    expect(readdirSync(runsDir).sort()).toEqual(['forged', 'linked', 'notes']);
    expect(readFileSync(join(runsDir, 'notes'), 'utf8')).toBe('mine');
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([RUN_MARKER]);
  });
});

describe('a run folder run made', () => {
  it('carries the marker and is replaced by the next run, with nothing left beside it', async () => {
    const file = scenario('entra-small');
    expect((await runCli(['run', file, '--runs-dir', runsDir])).code).toBe(0);
    const runDir = join(runsDir, 'entra-small');
    expect(JSON.parse(readFileSync(join(runDir, RUN_MARKER), 'utf8'))).toEqual({ createdBy: 'sync-harness', scenario: 'entra-small' });
    writeFileSync(join(runDir, 'left-by-the-first-run'), '');
    const second = await runCli(['run', file, '--runs-dir', runsDir]);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(runsDir)).toEqual(['entra-small']);
    expect(readdirSync(runDir).sort()).toEqual([RUN_MARKER, 'connector.log', 'journal.jsonl', 'result.json', 'sync.c1z']);
  });

  it('removes a staging folder a killed run left behind, and only one whose owner has ended', async () => {
    // As a SIGKILLed run leaves it; beside it, a run still in progress (this process) and a folder of the user's.
    const owned = (name: string, pid: number) => {
      mkdirSync(join(runsDir, name));
      writeFileSync(join(runsDir, name, STAGING_OWNER), JSON.stringify({ pid }));
    };
    owned('.entra-small-killed', spawnSync(process.execPath, ['-e', '']).pid!);
    owned('.entra-small-running', process.pid);
    mkdirSync(join(runsDir, '.kept'));
    const out = await runCli(['run', scenario('entra-small'), '--runs-dir', runsDir]);
    expect(out.code, out.stderr).toBe(0);
    expect(readdirSync(runsDir).sort()).toEqual(['.entra-small-running', '.kept', 'entra-small']);
  });
});
