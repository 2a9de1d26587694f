/**
 * `GET /api/v1/groups`, `GET /api/v1/groups/{id}` and `GET /api/v1/groups/{id}/users` (REFERENCE §2).
 * `expand=stats` embeds `usersCount` (direct user members, see memberships.ts); `q` is a startsWith match on
 * the name that does not page ("you can't page a query", default limit 300); `search` and `filter` as
 * query/rules.ts says. The Everyone group is not part of the tenant and is not listed.
 */
import type { HttpHandler } from 'msw';
import { filterSource, mapSource, storeSource } from '../../core/paging/list-source.js';
import type { TenantGroup } from '../../tenant/model.js';
import type { OktaEnv } from '../env.js';
import { groupById } from '../lookup.js';
import { userMembers, usersCount } from '../memberships.js';
import { oktaJson, oktaRoute } from '../okta-route.js';
import { pageLimit } from '../paging/limits.js';
import { listing } from '../paging/listing.js';
import { queryPredicate, QUERY_RULES } from '../query/rules.js';
import { renderGroup } from '../render/group.js';
import { renderOptionsOf, renderUser } from '../render/user.js';
import { appCountsByGroup } from './app-assignments.js';

const Q_DEFAULT_LIMIT = 300;

export function groupEndpoints(env: OktaEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const render = (g: TenantGroup, stats: boolean) =>
    renderGroup(g, env.render, stats ? { usersCount: usersCount(tenant, g.seq), appsCount: appCountsByGroup(tenant).get(g.seq) ?? 0 } : undefined);
  const wantsStats = (url: URL) => (url.searchParams.get('expand') ?? '').split(',').includes('stats');
  return [
    oktaRoute(env, { name: 'okta.groups.list', method: 'GET', path: '/api/v1/groups' }, (o) => {
      const stats = wantsStats(o.url);
      // Filter on the unexpanded object, and expand only what is served.
      let groups = mapSource(
        storeSource((p) => tenant.groups(p)),
        (g) => ({ g, plain: renderGroup(g, env.render) }),
      );
      const query = queryPredicate(o, QUERY_RULES.groups);
      if (query) groups = filterSource(groups, (x) => query.keep(x.plain));
      const q = o.url.searchParams.get('q');
      if (!query && q !== null && q !== '') {
        const prefix = q.toLowerCase();
        const items = filterSource(groups, (x) => x.g.displayName.toLowerCase().startsWith(prefix)).page(
          0,
          pageLimit(o.url, 'okta.groups.list', Q_DEFAULT_LIMIT),
        ).items;
        return { response: oktaJson(items.map((x) => (stats ? render(x.g, true) : x.plain))), items: items.length };
      }
      return listing(o, { source: mapSource(groups, (x) => (stats ? render(x.g, true) : x.plain)), limit: pageLimit(o.url, 'okta.groups.list') });
    }),
    oktaRoute(env, { name: 'okta.groups.get', method: 'GET', path: '/api/v1/groups/:groupId' }, (o) => {
      return oktaJson(render(groupById(env, o.params.groupId!), wantsStats(o.url)));
    }),
    oktaRoute(env, { name: 'okta.members.list', method: 'GET', path: '/api/v1/groups/:groupId/users' }, (o) => {
      const group = groupById(env, o.params.groupId!);
      const options = renderOptionsOf(o.request);
      return listing(o, {
        source: mapSource(userMembers(tenant, group.seq), (u) => renderUser(u, env.render, options)),
        limit: pageLimit(o.url, 'okta.members.list'),
      });
    }),
  ];
}
