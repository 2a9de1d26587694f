/**
 * A run is built in a staging folder beside its run folder (`runs/.<scenario>-XXXXXX`) and swapped in when
 * complete. Our own cleanup removes it on Ctrl-C or an error, but a SIGKILL, an OOM kill or a power cut
 * leaves it behind, and a CI machine re-running a killed job would collect them. So each staging folder names
 * its owner (pid and that process's start time), and the next run in the same runs folder removes the ones
 * whose owner is gone. A folder without an owner file, or with one we cannot read, is never touched.
 */
import { mkdtemp } from 'node:fs/promises';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProcStat } from './proc-stat.js';

export const STAGING_OWNER = '.sync-harness-staging';

export interface Owner {
  pid: number;
  /** /proc start time; absent where there is no /proc, and then a live pid is taken as the owner. */
  start?: string;
}

export async function makeStagingFolder(runsDir: string, scenario: string): Promise<string> {
  const dir = await mkdtemp(join(runsDir, `.${scenario}-`));
  const start = readProcStat(process.pid)?.start;
  const owner: Owner = { pid: process.pid, ...(start ? { start } : {}) };
  writeFileSync(join(dir, STAGING_OWNER), `${JSON.stringify(owner)}\n`);
  return dir;
}

/**
 * Called just before the swap: the folder stops being staging, so neither the run folder nor the previous one
 * moved aside (should the swap itself be killed) can ever be taken for a stale staging folder.
 */
export function finishStaging(dir: string): void {
  rmSync(join(dir, STAGING_OWNER), { force: true });
}

/** Removes the staging folders in `runsDir` whose owner process has ended; returns what it removed. */
export function sweepStaleStaging(runsDir: string, alive: (owner: Owner) => boolean = ownerAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith('.')) continue;
    const dir = join(runsDir, name);
    const owner = readOwner(dir);
    if (!owner || alive(owner)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

function readOwner(dir: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dir, STAGING_OWNER), 'utf8')) as Partial<Owner>;
    if (!Number.isSafeInteger(owner.pid) || (owner.pid as number) <= 0) return undefined;
    return { pid: owner.pid as number, ...(typeof owner.start === 'string' ? { start: owner.start } : {}) };
  } catch {
    return undefined;
  }
}

function ownerAlive(owner: Owner): boolean {
  const stat = readProcStat(owner.pid);
  if (stat) return !stat.zombie && (owner.start === undefined || stat.start === owner.start);
  // With /proc (Linux) no entry means gone. Without it, ask the kernel whether the pid exists at all.
  if (readProcStat(process.pid)) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
