/**
 * What a flag that names a file to read must point at: a regular file. Standard input, a folder, a FIFO
 * (opening one blocks until a writer comes, forever in a script), a device (`/dev/zero` never ends, and
 * reads as a 0-byte file to stat) are refused by name before anything opens them.
 */
import { statSync, type Stats } from 'node:fs';
import { fileError, UserError } from '../errors.js';

/** Names of standard input; `/dev/stdin` is a link to whatever fd 0 is, a regular file included. */
const STDIN = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export interface InputFileOptions {
  /** The flag, for the empty-path message (`-f`, `--log`). */
  flag: string;
  /** What the file should be, for the hints (`sync file`, `log file`). */
  what: string;
  /** Accept a folder too (a run folder or a .c1z; a scenario file or a folder of them). */
  folderToo?: boolean;
}

/** The path's stat, or a {@link UserError} saying in one line why it cannot be read. */
export function checkInputFile(path: string, { flag, what, folderToo = false }: InputFileOptions): Stats {
  if (path === '') throw new UserError(`${flag} "": empty path (give the ${what}'s path)`);
  if (STDIN.has(path)) throw fileError(path, 'standard input is not supported', `save it to a file and pass that file's path`);
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    throw statError(path, error, what);
  }
  if (stat.isDirectory() && !folderToo) throw fileError(path, `is a folder, not a ${what}`, `pass the ${what} itself`);
  if (!stat.isDirectory() && !stat.isFile())
    throw fileError(path, `is ${special(stat)}, not a regular file`, `pass the ${what} itself; to read a stream, save it to a file first`);
  return stat;
}

function special(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file or folder';
}

function statError(path: string, error: unknown, what: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fileError(path, 'no such file', `check the path of the ${what}`, error);
  if (code === 'ENOTDIR') return fileError(path, 'no such file (a part of the path is a file, not a folder)', 'check the path', error);
  if (code === 'EACCES' || code === 'EPERM') return fileError(path, 'permission denied', undefined, error);
  if (code === 'ENAMETOOLONG') return fileError(path, 'path too long', 'check the path', error);
  if (code === 'ELOOP') return fileError(path, 'too many symbolic links (a link loop?)', 'check the path', error);
  return fileError(path, `cannot read it (${code ?? (error as Error).message})`, undefined, error);
}
