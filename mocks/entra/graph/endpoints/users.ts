/** `/users`, `/users/$count`, `/users/{id | userPrincipalName}`. */
import type { HttpHandler } from 'msw';
import { storeSource } from '../../../core/paging/list-source.js';
import type { EntraEnv } from '../../env.js';
import { listCollection, singleObject } from '../collection.js';
import { userById } from '../directory.js';
import { graphErrors } from '../errors.js';
import { graphRoutes, type GraphRequest } from '../graph-route.js';
import { renderUser } from '../render.js';
import { userSchema } from '../schemas.js';
import { countOf } from './counting.js';

export function userEndpoints(env: EntraEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const source = storeSource((p) => tenant.users(p));
  const count = (g: GraphRequest) =>
    countOf(
      g,
      userSchema,
      source,
      (u) => renderUser(u) as Record<string, unknown>,
      () => tenant.counts().users,
    );
  return [
    ...graphRoutes(env, { name: 'graph.users.count', method: 'GET', path: '/users/$count' }, count),
    ...graphRoutes(env, { name: 'graph.users.list', method: 'GET', path: '/users' }, (g) =>
      listCollection(g, {
        scope: 'users',
        schema: userSchema,
        fragment: 'users',
        source,
        render: (u) => ({ obj: renderUser(u) as Record<string, unknown>, defaults: userSchema.defaults }),
        total: () => tenant.counts().users,
      }),
    ),
    ...graphRoutes(env, { name: 'graph.users.get', method: 'GET', path: '/users/:id' }, (g) => {
      // `/users/%24count` reaches here with the segment decoded.
      if (g.params.id === '$count') return count(g);
      const user = userById(tenant, g.params.id!);
      if (!user) throw graphErrors.notFound(g.params.id!);
      return singleObject(g, userSchema, 'users', { obj: renderUser(user) as Record<string, unknown>, defaults: userSchema.defaults });
    }),
  ];
}
