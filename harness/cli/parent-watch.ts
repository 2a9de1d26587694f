/**
 * A long-running command (serve) ends with the process that started it. `npx sync-harness serve` runs as
 * npm exec -> `sh -c` -> node; killing npm exec leaves the shell and serve behind, still listening, unless
 * serve notices. A dead parent shows as a changed `process.ppid` (the orphan is adopted by init or a
 * subreaper); a dead grandparent, as the parent's own parent changing in /proc (Linux; elsewhere only the
 * parent is watched). A small read per poll, and it works whatever stdin is, where watching stdin would end
 * a serve started with `&` at once.
 */
import { readFileSync } from 'node:fs';

const POLL_MS = 500;

/** Resolves when the parent or grandparent this process had at the call is gone; `stop()` ends the watch. */
export function parentGone(pollMs = POLL_MS): { gone: Promise<void>; stop: () => void } {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  let timer: NodeJS.Timeout | undefined;
  const gone = new Promise<void>((resolve) => {
    // Already adopted at start (started by init, or a parent that exited at once): nothing to watch for.
    if (parent <= 1) return;
    timer = setInterval(() => {
      if (process.ppid !== parent) resolve();
      else if (grandparent !== undefined && grandparent > 1 && parentOf(parent) !== grandparent) resolve();
    }, pollMs);
    timer.unref();
  }).finally(() => clearInterval(timer));
  return { gone, stop: () => clearInterval(timer) };
}

/** The parent of `pid` from /proc/<pid>/stat ("pid (comm) state ppid ..."); undefined where unreadable. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}
