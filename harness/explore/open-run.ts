/**
 * `explore runs/<name>/`: the run folder read, the run explorer over its journal and report, and its pages
 * beside the run's sync view. Composed here, not in run-explorer.ts, because the routes read the explorer.
 */
import { UserError } from '../../lib/errors.js';
import { buildRunReport } from '../../reports/model.js';
import { readRunFolder } from '../../reports/run-folder.js';
import { openSync, type OpenedSync } from './open-sync.js';
import { RunExplorer } from './run-explorer.js';
import { runRoutes } from './run-routes.js';
import { syncRoutes } from './sync-routes.js';
import type { Explorer } from './view.js';

export async function openRunExplorer(dir: string): Promise<Explorer> {
  const run = readRunFolder(dir);
  const explorer = new RunExplorer(run.journal, buildRunReport(run));
  let sync: OpenedSync | undefined;
  let syncProblem: string | undefined;
  // A failed run is what people explore most, and its sync file may be empty or cut short: say so on the page.
  try {
    if (run.syncFiles[0]) sync = await openSync(run.syncFiles[0]);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    syncProblem = error.message;
  }
  return {
    kind: 'run',
    subject: dir,
    routes: [...runRoutes(explorer, sync !== undefined, syncProblem), ...(sync ? syncRoutes(sync.explorer, '/sync', 'sync') : [])],
    close: () => sync?.close(),
  };
}
