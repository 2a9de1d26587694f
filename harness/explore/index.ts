/**
 * `explore`: a sync file, two sync files (their diff) or a run folder, served read-only on 127.0.0.1 as
 * linked pages (and the same data as JSON for scripts). `openExplorer` reads what was given into routes;
 * `serveExplorer` serves them behind the token and the Host and Origin checks.
 */
import { statSync } from 'node:fs';
import { UserError } from '../../lib/errors.js';
import { checkInputFile } from '../../lib/fs/input-file.js';
import { openSync } from './open-sync.js';
import { syncRoutes } from './sync-routes.js';
import type { Explorer } from './view.js';
import type { DiffOptions } from './diff-explorer.js';

export { newToken } from './access-guard.js';
export { serveExplorer, type Serving } from './server.js';
export type { Explorer, Route, View } from './view.js';

const USAGE = 'give a .c1z file, two .c1z files (to explore their diff) or a run folder (runs/<name>/)';

export async function openExplorer(paths: string[], diff: DiffOptions = {}): Promise<Explorer> {
  if (paths.length === 0 || paths.length > 2)
    throw new UserError(`explore: ${paths.length === 0 ? 'nothing to explore' : 'more than two paths'}: ${USAGE}`);
  if (paths.length === 2) {
    const { openDiffExplorer } = await import('./open-diff.js');
    return openDiffExplorer(paths[0]!, paths[1]!, diff);
  }
  const path = paths[0]!;
  checkInputFile(path, { flag: 'explore', what: 'sync file or run folder', folderToo: true });
  if (statSync(path).isDirectory()) {
    const { openRunExplorer } = await import('./open-run.js');
    return openRunExplorer(path);
  }
  const opened = await openSync(path);
  return { kind: 'sync', subject: path, routes: syncRoutes(opened.explorer, ''), close: () => opened.close() };
}
