/** The diff view's routes: the report, the change lists, one object on both sides. */
import { changeListBody, diffOverviewBody, objectBody, type LinkedFinding } from '../../reports/explore/diff-pages.js';
import { syncPaths } from '../../reports/explore/sync-links.js';
import { TABLES, type Table } from '../../reports/diff/report.js';
import type { DiffExplorer } from './diff-explorer.js';
import type { ChangeKind } from '../../reports/explore/diff-model.js';
import { NotFound } from './not-found.js';
import { queryNumber, type Route } from './view.js';

const KINDS: ChangeKind[] = ['added', 'removed', 'changed'];

export function diffRoutes(explorer: DiffExplorer): Route[] {
  const home: [string, string] = ['/', 'diff'];
  return [
    {
      pattern: /^\/$/,
      answer: () => ({
        title: 'diff',
        data: explorer.report,
        body: () =>
          diffOverviewBody(
            explorer.report,
            explorer.report.findings.map((f) => ({ ...f, links: f.examples.map((e) => exampleLinks(explorer, e, f.side)) })),
          ),
      }),
    },
    {
      pattern: /^\/changes\/(resources|entitlements|grants)\/([^/]+)$/,
      answer: ([table, type], q) => {
        const kind = (q.get('kind') ?? 'added') as ChangeKind;
        if (!KINDS.includes(kind)) throw new NotFound(`kind ${kind}: expected added, removed or changed`);
        const list = explorer.changes(table as Table, type!, kind, queryNumber(q, 'offset'));
        return { title: `${kind} ${table} of type ${type}`, data: list, crumbs: [home], body: () => changeListBody(list) };
      },
    },
    {
      pattern: /^\/object\/(resources|entitlements|grants)\/([^/]+)$/,
      answer: ([table, id]) => {
        const object = explorer.versions.of(table as Table, id!);
        return { title: `${object.state} ${table!.replace(/s$/, '')} ${id}`, data: object, crumbs: [home], body: () => objectBody(object) };
      },
    },
  ];
}

/**
 * The objects a finding's example names, linked: `type:id` resources to the side's sync view (the removed
 * side first for an example of a pair, "old → new"), other ids to their two versions.
 */
function exampleLinks(explorer: DiffExplorer, example: string, side: 'base' | 'compare' | undefined): LinkedFinding['links'][number] {
  const parts = example.split(' → ');
  return parts.map((part, i) => {
    const preferred = side ?? (parts.length === 2 ? (i === 0 ? 'base' : 'compare') : undefined);
    const order = preferred === 'compare' ? (['compare', 'base'] as const) : (['base', 'compare'] as const);
    const at = part.indexOf(':');
    if (at > 0) {
      const ref = { resourceTypeId: part.slice(0, at), resourceId: part.slice(at + 1) };
      for (const which of order) {
        if (explorer[which].names.displayName(ref.resourceTypeId, ref.resourceId) !== undefined)
          return { text: part, href: syncPaths(`/${which}`).resource(ref) };
      }
    }
    for (const table of TABLES) {
      try {
        explorer.versions.of(table, part);
        return { text: part, href: `/object/${table}/${encodeURIComponent(part)}` };
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
      }
    }
    return { text: part };
  });
}
