/**
 * `GET /api/v1/users` and `GET /api/v1/users/{idOrLogin}` (REFERENCE §1). The plain listing omits
 * DEPROVISIONED users; `search` and `filter` results include them when the expression matches (so
 * baton-okta's `search=status pr` gets everyone). `q` is a startsWith match on firstName, lastName or
 * email that omits DEPROVISIONED users too and does not page (default limit 10). `sortBy`, `sortOrder`,
 * `fields` and `expand` are accepted and change nothing [U].
 */
import type { HttpHandler } from 'msw';
import { filterSource, mapSource, storeSource } from '../../core/paging/list-source.js';
import type { OktaEnv } from '../env.js';
import { userByIdOrLogin } from '../lookup.js';
import { oktaJson, oktaRoute } from '../okta-route.js';
import { pageLimit } from '../paging/limits.js';
import { listing } from '../paging/listing.js';
import { queryPredicate, QUERY_RULES } from '../query/rules.js';
import { renderOptionsOf, renderUser } from '../render/user.js';

const Q_DEFAULT_LIMIT = 10;

export function userEndpoints(env: OktaEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  return [
    oktaRoute(env, { name: 'okta.users.list', method: 'GET', path: '/api/v1/users' }, (o) => {
      const options = renderOptionsOf(o.request);
      const rendered = mapSource(
        storeSource((p) => tenant.users(p)),
        (u) => renderUser(u, env.render, options),
      );
      const q = o.url.searchParams.get('q');
      const query = queryPredicate(o, QUERY_RULES.users);
      if (query) return listing(o, { source: filterSource(rendered, query.keep), limit: pageLimit(o.url, 'okta.users.list') });
      const listed = filterSource(rendered, (u) => u.status !== 'DEPROVISIONED');
      if (q !== null && q !== '') {
        const prefix = q.toLowerCase();
        const hits = filterSource(listed, (u) =>
          ['firstName', 'lastName', 'email'].some((k) =>
            String((u.profile as Record<string, unknown>)[k] ?? '')
              .toLowerCase()
              .startsWith(prefix),
          ),
        );
        const items = hits.page(0, pageLimit(o.url, 'okta.users.list', Q_DEFAULT_LIMIT)).items;
        return { response: oktaJson(items), items: items.length };
      }
      return listing(o, { source: listed, limit: pageLimit(o.url, 'okta.users.list') });
    }),
    oktaRoute(env, { name: 'okta.users.get', method: 'GET', path: '/api/v1/users/:idOrLogin' }, (o) => {
      return oktaJson(renderUser(userByIdOrLogin(env, o.params.idOrLogin!), env.render, renderOptionsOf(o.request)));
    }),
  ];
}
