/**
 * `GET /api/v1/apps`, `GET /api/v1/apps/{id}`, `/apps/{id}/users` and `/apps/{id}/groups` (REFERENCE §4).
 * `filter` takes `id`, `status`, `name` (eq); `q` is a startsWith match on name or label (no paging [U]).
 */
import type { HttpHandler } from 'msw';
import { arraySource, filterSource, mapSource, storeSource } from '../../core/paging/list-source.js';
import type { OktaEnv } from '../env.js';
import { appById } from '../lookup.js';
import { oktaJson, oktaRoute } from '../okta-route.js';
import { pageLimit } from '../paging/limits.js';
import { listing } from '../paging/listing.js';
import { queryPredicate, QUERY_RULES } from '../query/rules.js';
import { renderApp, renderAppGroup, renderAppUser } from '../render/app.js';
import { appAssignments } from './app-assignments.js';

export function appEndpoints(env: OktaEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  return [
    oktaRoute(env, { name: 'okta.apps.list', method: 'GET', path: '/api/v1/apps' }, (o) => {
      let apps = mapSource(
        storeSource((p) => tenant.apps(p)),
        (a) => renderApp(a, env.render),
      );
      const query = queryPredicate(o, QUERY_RULES.apps);
      if (query) apps = filterSource(apps, query.keep);
      const q = o.url.searchParams.get('q');
      if (q !== null && q !== '') {
        const prefix = q.toLowerCase();
        apps = filterSource(apps, (a) => [a.name, a.label].some((v) => String(v).toLowerCase().startsWith(prefix)));
      }
      return listing(o, { source: apps, limit: pageLimit(o.url, 'okta.apps.list') });
    }),
    oktaRoute(env, { name: 'okta.apps.get', method: 'GET', path: '/api/v1/apps/:appId' }, (o) =>
      oktaJson(renderApp(appById(env, o.params.appId!), env.render)),
    ),
    oktaRoute(env, { name: 'okta.appUsers.list', method: 'GET', path: '/api/v1/apps/:appId/users' }, (o) => {
      const app = appById(env, o.params.appId!);
      const users = arraySource(appAssignments(tenant, app.seq).users);
      return listing(o, { source: mapSource(users, (a) => renderAppUser(app.seq, a, env.render)), limit: pageLimit(o.url, 'okta.appUsers.list') });
    }),
    oktaRoute(env, { name: 'okta.appGroups.list', method: 'GET', path: '/api/v1/apps/:appId/groups' }, (o) => {
      const app = appById(env, o.params.appId!);
      const groups = appAssignments(tenant, app.seq).groups.map((seq, priority) => ({ seq, priority }));
      return listing(o, {
        source: mapSource(arraySource(groups), (g) => renderAppGroup(app.seq, g.seq, g.priority, env.render)),
        limit: pageLimit(o.url, 'okta.appGroups.list'),
      });
    }),
  ];
}
