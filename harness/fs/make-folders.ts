/**
 * `mkdir -p` without Node's recursive mkdir, which on Node 20 retries forever (100% CPU) when a level
 * cannot be made although its parent exists: `mkdirSync('/proc/x', { recursive: true })` never returns.
 * Here each missing level is made once, and the first failure is thrown as it is.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeFolders(dir: string, mode?: number): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const stat = existing(at);
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR', path: at });
      break;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, mode === undefined ? undefined : { mode });
    } catch (error) {
      // Made meanwhile by someone else: fine, as with mkdir -p.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
    }
  }
}

/** What is at `path`, or undefined when nothing is (ENOTDIR: a file stands on the way, found a level up). */
function existing(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}
