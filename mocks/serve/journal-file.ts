/**
 * `serve --journal FILE`: every journal entry as a JSON line, as requests arrive. The file is opened before
 * the ready line, so a path that cannot be written (a folder, a missing or read-only place, /proc) is one
 * error up front, never an unhandled stream error after clients were told to come.
 */
import { createWriteStream, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../../lib/errors.js';
import { makeDirs } from '../../lib/fs/make-dirs.js';
import type { SimContext } from '../core/context.js';

export interface JournalFile {
  /** Flushes and closes. */
  end(): Promise<void>;
}

export function openJournalFile(path: string, ctx: SimContext, onError: (message: string) => void): JournalFile {
  const fd = openWritable(path);
  const out = createWriteStream(path, { fd });
  let failed = false;
  // A write failing later (a full disk) stops the journal and is said once; serving goes on.
  out.on('error', (error: Error) => {
    if (failed) return;
    failed = true;
    onError(`--journal ${path}: writing failed (${error.message}); the journal stops here, serving goes on`);
  });
  // Requests answered between listening and now are written too.
  for (const entry of ctx.journal.all()) out.write(`${JSON.stringify(entry)}\n`);
  ctx.journal.onRecord((entry) => {
    if (!failed) out.write(`${JSON.stringify(entry)}\n`);
  });
  return {
    end: () =>
      new Promise<void>((resolve) => {
        if (failed || out.destroyed) return resolve();
        out.end(() => resolve());
      }),
  };
}

function openWritable(path: string): number {
  const where = `--journal ${path}`;
  if (isFolder(path)) throw new UserError(`${where}: is a folder (give a file name, e.g. ${join(path, 'journal.jsonl')})`);
  try {
    makeDirs(dirname(path), { label: '--journal' });
  } catch (error) {
    // makeDirs words its refusal for a folder flag; this flag names a file, so it is worded from the errno.
    throw new UserError(`${where}: cannot make the folder ${dirname(path)} (${reason((error as Error).cause ?? error)})`, { cause: error });
  }
  try {
    return openSync(path, 'w');
  } catch (error) {
    throw new UserError(`${where}: cannot write it (${reason(error)}; give a writable file path)`, { cause: error });
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EROFS: 'read-only file system',
    ENOENT: 'no such folder, and it cannot be made there',
    ENOTDIR: 'a file stands where a folder should be',
    EISDIR: 'is a folder',
  };
  return (e.code && known[e.code]) ?? e.message;
}
