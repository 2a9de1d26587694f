/**
 * `mkdir -p` that always ends. Node's `mkdirSync(path, { recursive: true })` loops forever at 100% CPU
 * where mkdir says ENOENT for a child of a folder that exists (`/proc/1/x`: procfs refuses new entries
 * with ENOENT, so Node makes the parent again, gets EEXIST, retries the child...). Here each missing
 * folder is made once, from the nearest one that exists, and any refusal is one line naming the folder.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileError, UserError } from '../errors.js';

export interface MakeDirsOptions {
  /** What the folder is for, in the messages (`--runs-dir`, `the recording folder`). */
  label: string;
  mode?: number;
}

export function makeDirs(path: string, { label, mode }: MakeDirsOptions): void {
  if (path === '') throw new UserError(`${label} "": empty path (give a folder)`);
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    const stat = statOrUndefined(at, path, label);
    if (stat) {
      if (!stat.isDirectory()) {
        // The cause carries the errno a caller wording its own message would see from mkdir.
        const cause = Object.assign(new Error(`${at}: not a folder`), { code: 'ENOTDIR' });
        throw fileError(
          path,
          missing.length === 0 ? 'is a file, not a folder' : `${at} is a file, not a folder`,
          `${label} takes a folder: give one, or a path that does not exist yet`,
          cause,
        );
      }
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir, mode === undefined ? undefined : { mode });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statOrUndefined(dir, path, label)?.isDirectory()) continue; // made by someone else meanwhile
      throw fileError(path, `cannot create the folder ${dir} for ${label}: ${reason(code, error)}`, 'give a folder you can write to', error);
    }
  }
}

function statOrUndefined(at: string, path: string, label: string) {
  try {
    return statSync(at);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw fileError(path, `cannot use it for ${label}: ${reason(code, error)}`, 'give a folder you can write to', error);
  }
}

function reason(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'path too long';
    case 'ENOENT':
      return 'the file system does not allow new folders there';
    default:
      return code ?? (error as Error).message;
  }
}
