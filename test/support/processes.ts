/** What /proc says about a process, for tests that check a process tree is gone (Linux). */
import { readFileSync } from 'node:fs';

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Running, as opposed to gone or a zombie waiting for a parent that may never reap it in a container. */
export function running(pid: number): boolean {
  const fields = statFields(pid);
  return fields !== undefined && fields[0] !== 'Z';
}

/** A shell snippet that starts `sleep` in a new session and writes its pid to `pidFile` once it runs. */
export function escapedSleeper(pidFile: string, seconds = 30): string {
  return `setsid sh -c 'echo $$ > ${pidFile}.tmp; mv ${pidFile}.tmp ${pidFile}; exec sleep ${seconds}' &`;
}
