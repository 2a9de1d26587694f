/**
 * A file a command rewrites on every start (serve's journal) keeps its previous version beside it as
 * `<name>.1<ext>`, replacing an older one there: the run before is still there to compare, and the folder
 * never grows. One generation is enough to look back one run without becoming a log store.
 */
import { existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Moves `path` to its `.1` name when there is a file there; returns where it went, or undefined. */
export function keepPrevious(path: string): string | undefined {
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  const ext = extname(path);
  const previous = join(dirname(path), `${basename(path, ext)}.1${ext}`);
  renameSync(path, previous);
  return previous;
}
