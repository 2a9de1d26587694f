/**
 * Every process an external connector started, however it escaped: its process group, its descendants by
 * parent pid, and anything carrying the tree's token in its environment. The last catches a child that called
 * `setsid` (a new session and group) and whose parent then exited (it is re-parented to init, out of reach of
 * a walk down from the connector). Linux /proc only; elsewhere the group is what can be killed.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readProcStat, type ProcStat } from './proc-stat.js';

/** Set in the connector's environment (and so inherited by everything it starts) to find its tree again. */
export const TREE_ENV = 'SYNC_HARNESS_PROCESS_TREE';

/** Rounds of find-and-kill: a process forking as fast as it can is out of children to start long before. */
const KILL_ROUNDS = 10;
const WAIT_STEP_MS = 5;

type Proc = ProcStat;

export class ProcessTree {
  readonly token = randomBytes(12).toString('hex');
  /** Pids seen in the tree, with their start times, so a member re-parented away is still known. */
  private readonly known = new Map<number, string>();
  private root: number | undefined;

  /** The variables the root process must be started with. */
  env(): Record<string, string> {
    return { [TREE_ENV]: this.token };
  }

  /** The root process, once started (its pid is also its process group: it is started detached). */
  started(pid: number | undefined): void {
    this.root = pid;
  }

  /**
   * Live members now (and remembers them); empty without /proc. Reading every process's environment for the
   * token costs several times the rest, so the periodic sample leaves it out and a kill puts it in.
   */
  members(options: { byToken?: boolean } = { byToken: true }): number[] {
    const table = readProcesses();
    if (!table || this.root === undefined) return [];
    const found = new Set<number>();
    for (const [pid, proc] of table) {
      if (proc.zombie) continue;
      if (pid === this.root || proc.pgid === this.root || this.known.get(pid) === proc.start) found.add(pid);
    }
    // Down from every member found, until nothing new turns up.
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, proc] of table) {
        if (proc.zombie || found.has(pid) || !found.has(proc.ppid)) continue;
        found.add(pid);
        grew = true;
      }
    }
    if (options.byToken) for (const [pid, proc] of table) if (!proc.zombie && !found.has(pid) && this.carriesToken(pid)) found.add(pid);
    for (const pid of found) this.known.set(pid, table.get(pid)!.start);
    return [...found];
  }

  /** SIGKILLs the whole tree, looking again after each round for what was started meanwhile. */
  kill(): void {
    if (this.root === undefined) return;
    signal(-this.root);
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const members = this.members();
      if (members.length === 0) return;
      for (const pid of members) signal(pid);
    }
  }

  /** {@link kill}, then waits (synchronously, for a signal handler) up to `ms` for the members to be gone. */
  killAndWait(ms: number): void {
    this.kill();
    const waitOn = new Int32Array(new SharedArrayBuffer(4));
    for (const deadline = Date.now() + ms; Date.now() < deadline && this.members().length > 0; ) Atomics.wait(waitOn, 0, 0, WAIT_STEP_MS);
  }

  private carriesToken(pid: number): boolean {
    try {
      return readFileSync(join('/proc', String(pid), 'environ'), 'latin1')
        .split('\0')
        .includes(`${TREE_ENV}=${this.token}`);
    } catch {
      // Another user's process, or one that ended between listing and reading.
      return false;
    }
  }
}

/** Resident memory of these processes in bytes (Linux /proc; 0 where it is not there). */
export function residentBytes(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(join('/proc', String(pid), 'status'), 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone, or not ours to kill.
  }
}

/** Every process's parent, group and start time from /proc/<pid>/stat; undefined where /proc is not there. */
function readProcesses(): Map<number, Proc> | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const table = new Map<number, Proc>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    // Undefined when it ended between listing and reading.
    const stat = readProcStat(Number(name));
    if (stat) table.set(Number(name), stat);
  }
  return table;
}
