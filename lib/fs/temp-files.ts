/**
 * Temporary files and folders that must not outlive the process. A decompressed 1M-grant sync is up to a
 * gigabyte of SQLite, so leaks are expensive: everything registered here is removed on normal exit, on an
 * uncaught error (the process still exits through 'exit') and on Ctrl-C / SIGTERM / SIGHUP. The same signal
 * handler first runs the registered interrupt actions (killing a connector's process tree), so nothing still
 * writes into a folder while it is being removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
const interrupts = new Set<() => void>();
let hooked = false;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeAll(): void {
  for (const path of live) rmSync(path, { recursive: true, force: true });
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // A command that handles this signal itself (serve flushes its journal and exits 0) owns the shutdown;
  // its exit still removes everything through 'exit'.
  if (process.listenerCount(signal) > 1) return;
  for (const action of interrupts) {
    try {
      action();
    } catch {
      // One failed action must not keep the others, or the temp files, from their cleanup.
    }
  }
  interrupts.clear();
  removeAll();
  // Re-raise with the default action so the exit status says which signal ended us: a shell sees 130 for
  // SIGINT, 143 for SIGTERM, 129 for SIGHUP, and a script running us stops as it would for any Ctrl-C.
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/**
 * Installs the one cleanup handler for exit and SIGINT/SIGTERM/SIGHUP. The CLI calls it at start-up, so a
 * signal that comes before any temp file exists still ends the process through it; the registry functions
 * call it too, for library users.
 */
export function installCleanupHandlers(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/** A new private folder under the system temp dir (`$TMPDIR`), removed when the process ends at the latest. */
export function makeTempDir(prefix = 'sync-harness-'): string {
  installCleanupHandlers();
  const dir = mkdtempSync(join(process.env.SYNC_HARNESS_TMPDIR ?? tmpdir(), prefix));
  live.add(dir);
  return dir;
}

/** Remove a folder made by {@link makeTempDir} (or a path given to {@link trackTempPath}) now rather than at exit. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}

/**
 * A temporary made elsewhere (a `.tmp` beside an output, a staging folder beside a run folder), removed at
 * exit or on a signal unless released first; release once it has been renamed into place.
 */
export function trackTempPath(path: string): () => void {
  installCleanupHandlers();
  live.add(path);
  return () => void live.delete(path);
}

/**
 * A synchronous action for Ctrl-C, SIGTERM and SIGHUP, run before the temp paths go (e.g. killing a
 * connector's process tree, which may be writing into them). Returns the function that unregisters it.
 */
export function onInterrupt(action: () => void): () => void {
  installCleanupHandlers();
  interrupts.add(action);
  return () => void interrupts.delete(action);
}

/** Folders still alive; for tests that check nothing leaks. */
export function liveTempDirs(): string[] {
  return [...live];
}
