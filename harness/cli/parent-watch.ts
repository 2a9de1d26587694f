/**
 * A long-running command (serve) ends with the process that started it. `npx sync-harness serve` runs
 * under `npm exec`; killing that leaves serve behind, still listening, unless serve notices. A dead parent
 * shows as a changed `process.ppid` (the orphan is adopted by init or a subreaper): one cheap system call
 * per poll, and it works whatever stdin is, where watching stdin would end a serve started with `&` at once.
 */
const POLL_MS = 500;

/** Resolves when the parent this process had at the call is gone; `stop()` ends the watch. */
export function parentGone(pollMs = POLL_MS): { gone: Promise<void>; stop: () => void } {
  const parent = process.ppid;
  let timer: NodeJS.Timeout | undefined;
  const gone = new Promise<void>((resolve) => {
    // Already adopted at start (started by init, or a parent that exited at once): nothing to watch for.
    if (parent <= 1) return;
    timer = setInterval(() => {
      if (process.ppid !== parent) resolve();
    }, pollMs);
    timer.unref();
  }).finally(() => clearInterval(timer));
  return { gone, stop: () => clearInterval(timer) };
}
