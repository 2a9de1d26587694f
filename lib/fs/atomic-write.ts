/**
 * Write-then-rename, so a crash, a full disk or Ctrl-C never leaves a half-written output where the
 * user expects a finished one. The temporary sits beside the target so the rename stays on one filesystem.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { testPause } from '../test-pause.js';
import { trackTempPath } from './temp-files.js';

/** A small file written whole or not at all; `mode` applies from creation, so a key is never readable by others. */
export function writeFileAtomic(target: string, content: string | Uint8Array, mode = 0o644): void {
  const temp = tempBeside(target);
  try {
    writeFileSync(temp, content, { mode });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export async function writeAtomically<T>(target: string, write: (tempPath: string) => Promise<T>): Promise<T> {
  const temp = tempBeside(target);
  // Registered, so exit and Ctrl-C / SIGTERM / SIGHUP mid-write remove it too.
  const release = trackTempPath(temp);
  try {
    const result = await write(temp);
    await testPause('output');
    renameSync(temp, target);
    return result;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    release();
  }
}

function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}
