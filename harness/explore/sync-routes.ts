/** The sync view's routes, under a base path, over one {@link SyncExplorer}. */
import { entitlementBody, grantBody, jsonBody, overviewBody, resourceBody, resourceListBody } from '../../reports/explore/sync-pages.js';
import { refText, syncPaths } from '../../reports/explore/sync-links.js';
import type { SyncExplorer } from './sync-explorer.js';
import { queryNumber, type Route } from './view.js';

export function syncRoutes(explorer: SyncExplorer, base: string, label = 'sync'): Route[] {
  const p = syncPaths(base);
  const root = p.home;
  const at = (path: string) => new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${path}$`);
  const types = () => explorer.overview.resourceTypes.map((t) => t.id);
  const home: [string, string] = [root, label];
  return [
    {
      pattern: at(base ? '/?' : '/'),
      answer: () => ({
        title: label === 'sync' ? explorer.overview.file : `${label}: ${explorer.overview.file}`,
        data: explorer.overview,
        body: () => overviewBody(explorer.overview, base),
      }),
    },
    {
      pattern: at('/resources'),
      answer: (_, q) => {
        const list = explorer.resources({ resourceType: q.get('type') || undefined, query: q.get('q') ?? '', offset: queryNumber(q, 'offset') });
        const title = list.query ? `resources matching "${list.query}"` : list.resourceType ? `${list.resourceType} resources` : 'resources';
        return { title, data: list, crumbs: [home], body: () => resourceListBody(list, base, types()) };
      },
    },
    {
      pattern: at('/resource/([^/]+)/([^/]+)'),
      answer: ([type, id]) => {
        const page = explorer.resource(type!, id!);
        const crumbs: Array<[string, string]> = [home, [`${p.resources}?type=${encodeURIComponent(type!)}`, type!]];
        return { title: refText(page.resource), data: page, crumbs, body: () => resourceBody(page, base) };
      },
    },
    {
      pattern: at('/entitlement/([^/]+)'),
      answer: ([id], q) => {
        const page = explorer.entitlement(id!, queryNumber(q, 'offset'));
        return {
          title: `entitlement ${page.entitlement.id}`,
          data: page,
          crumbs: [home, [p.resource(page.entitlement.resource), refText(page.entitlement.resource)]],
          body: () => entitlementBody(page, base),
        };
      },
    },
    {
      pattern: at('/grant/([^/]+)'),
      answer: ([id]) => {
        const page = explorer.grant(id!);
        return {
          title: `grant ${page.id}`,
          data: page,
          crumbs: [home, [p.resource(page.principal), refText(page.principal)]],
          body: () => grantBody(page, base),
        };
      },
    },
    {
      pattern: at('/resource-type/([^/]+)'),
      answer: ([id]) => {
        const raw = explorer.resourceType(id!);
        return { title: `resource type ${id}`, data: raw, crumbs: [home], body: () => jsonBody(raw) };
      },
    },
  ];
}
