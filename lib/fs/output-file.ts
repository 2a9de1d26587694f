/**
 * Where a flag that names a file to write (`--out`) may point: a new or regular file in a folder that
 * exists. Checked before the work, so a long report or bundle is not built only to fail at the rename;
 * and never a device or a FIFO, which the write-then-rename would replace with a regular file.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileError, UserError } from '../errors.js';

export function checkOutputFile(path: string, flag: string): void {
  if (path === '') throw new UserError(`${flag} "": empty path (give the file to write)`);
  if (path === '-') throw new UserError(`${flag} -: standard output is not a file here (leave ${flag} out to write to standard output)`);
  const folder = dirname(resolve(path));
  const stat = statOrUndefined(folder, path);
  if (!stat) throw fileError(path, `the folder ${folder} does not exist`, `create it first, or give ${flag} a path in a folder that exists`);
  if (!stat.isDirectory()) throw fileError(path, `${folder} is not a folder`, `give ${flag} a path in a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw fileError(path, `cannot write in ${folder} (permission denied)`, `give ${flag} a path in a folder you can write to`);
  }
  const target = statOrUndefined(resolve(path), path);
  if (target?.isDirectory()) throw fileError(path, 'is a folder', `give ${flag} a file path, not a folder`);
  if (target && !target.isFile())
    throw fileError(path, 'exists and is not a regular file (a device, FIFO or socket)', `give ${flag} a new file's path`);
}

function statOrUndefined(at: string, path: string) {
  try {
    return statSync(at);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') return undefined;
    throw fileError(path, `cannot use it (${code ?? (error as Error).message})`, undefined, error);
  }
}
