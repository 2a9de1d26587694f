/**
 * One process's line of /proc/<pid>/stat (Linux): its parent, group and start time. The start time tells a
 * live process from an unrelated one that was given the same pid later.
 */
import { readFileSync } from 'node:fs';

export interface ProcStat {
  ppid: number;
  pgid: number;
  /** Start time in clock ticks since boot. */
  start: string;
  zombie: boolean;
}

function parseProcStat(text: string): ProcStat {
  // The command name (field 2) may hold spaces and parentheses, so split after its last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), pgid: Number(fields[2]), start: fields[19]!, zombie: fields[0] === 'Z' };
}

/** undefined when the process is gone, or where there is no /proc. */
export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}
