/**
 * `explore BASE.c1z COMPARE.c1z`: the two sides opened, the diff explorer over them, and its pages beside each
 * side's own sync view. Composed here, not in diff-explorer.ts, because the routes read the explorer.
 */
import { openSides } from '../diff/sides.js';
import { DiffExplorer, type DiffOptions } from './diff-explorer.js';
import { diffRoutes } from './diff-routes.js';
import { syncRoutes } from './sync-routes.js';
import type { Explorer } from './view.js';

export async function openDiffExplorer(basePath: string, comparePath: string, options: DiffOptions = {}): Promise<Explorer> {
  const sides = await openSides({ files: [basePath, comparePath] });
  let explorer: DiffExplorer;
  try {
    explorer = new DiffExplorer(sides, options);
  } catch (error) {
    sides.close();
    throw error;
  }
  return {
    kind: 'diff',
    subject: `${basePath} → ${comparePath}`,
    routes: [...diffRoutes(explorer), ...syncRoutes(explorer.base, '/base', 'base'), ...syncRoutes(explorer.compare, '/compare', 'compare')],
    close: () => explorer.close(),
  };
}
