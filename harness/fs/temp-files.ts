/**
 * Temporary files and folders that must not outlive the process. A decompressed 1M-grant sync is up to a
 * gigabyte of SQLite, so leaks are expensive: everything made here is removed on normal exit, on an uncaught
 * error (the process still exits through 'exit') and on Ctrl-C / SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const path of live) rmSync(path, { recursive: true, force: true });
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  // Re-raise with the default action so the exit status says which signal ended us (130 for SIGINT).
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function hookProcess(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAll);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

/** A new private folder under the system temp dir (`$TMPDIR`), removed when the process ends at the latest. */
export function makeTempDir(prefix = 'sync-harness-'): string {
  hookProcess();
  const dir = mkdtempSync(join(process.env.SYNC_HARNESS_TMPDIR ?? tmpdir(), prefix));
  live.add(dir);
  return dir;
}

/** Remove a folder made by {@link makeTempDir} now rather than at exit. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}

/** Folders still alive; for tests that check nothing leaks. */
export function liveTempDirs(): string[] {
  return [...live];
}
