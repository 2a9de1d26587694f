import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readProcStat } from './proc-stat.js';
import { finishStaging, makeStagingFolder, STAGING_OWNER, sweepStaleStaging } from './staging.js';

let runs: string;
beforeEach(() => {
  runs = mkdtempSync(join(tmpdir(), 'staging-'));
});
afterEach(() => rmSync(runs, { recursive: true, force: true }));

/** A pid that existed and has ended (spawnSync reaps it before returning). */
const endedPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

function folderOwnedBy(name: string, owner: unknown): string {
  const dir = join(runs, name);
  mkdirSync(dir);
  writeFileSync(join(dir, STAGING_OWNER), typeof owner === 'string' ? owner : JSON.stringify(owner));
  writeFileSync(join(dir, 'journal.jsonl'), '{}\n');
  return dir;
}

describe('staging folders', () => {
  it('name their owner, and a live owner keeps its folder', async () => {
    const dir = await makeStagingFolder(runs, 'control');
    expect(dir.startsWith(join(runs, '.control-'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, STAGING_OWNER), 'utf8'))).toEqual({ pid: process.pid, start: readProcStat(process.pid)!.start });
    expect(sweepStaleStaging(runs)).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });

  it('are removed once their owner has ended, or its pid now belongs to another process', () => {
    const ended = folderOwnedBy('.control-ended1', { pid: endedPid(), start: '1' });
    const reused = folderOwnedBy('.control-reused', { pid: process.pid, start: 'not-our-start' });
    expect(sweepStaleStaging(runs).sort()).toEqual([ended, reused].sort());
    expect(existsSync(ended) || existsSync(reused)).toBe(false);
  });

  it('leave alone what is not a staging folder of ours: no owner, an unreadable owner, a visible folder', () => {
    const keep = [
      join(runs, '.mine'),
      folderOwnedBy('.garbled', 'not json'),
      folderOwnedBy('.no-pid', { start: '1' }),
      folderOwnedBy('.bad-pid', { pid: -1 }),
      folderOwnedBy('visible', { pid: endedPid() }),
    ];
    mkdirSync(keep[0]!);
    writeFileSync(join(runs, '.a-file'), 'x');
    expect(sweepStaleStaging(runs)).toEqual([]);
    for (const dir of keep) expect(existsSync(dir), dir).toBe(true);
    expect(sweepStaleStaging(join(runs, 'no-such-folder'))).toEqual([]);
  });

  it('stop being staging just before the swap, so a folder moved aside by a killed swap is never swept', async () => {
    const dir = await makeStagingFolder(runs, 'control');
    finishStaging(dir);
    expect(existsSync(join(dir, STAGING_OWNER))).toBe(false);
    expect(sweepStaleStaging(runs, () => false)).toEqual([]);
  });
});
