/**
 * Write-then-rename, so a crash, a full disk or Ctrl-C never leaves a half-written output where the
 * user expects a finished one. The temporary sits beside the target so the rename stays on one filesystem.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export async function writeAtomically<T>(target: string, write: (tempPath: string) => Promise<T>): Promise<T> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const cleanup = () => rmSync(temp, { force: true });
  process.once('exit', cleanup);
  try {
    const result = await write(temp);
    renameSync(temp, target);
    return result;
  } catch (error) {
    cleanup();
    throw error;
  } finally {
    process.removeListener('exit', cleanup);
  }
}
