/** `/groups`, `/groups/$count`, `/groups/{id}`. */
import type { HttpHandler } from 'msw';
import { storeSource } from '../../../core/paging/list-source.js';
import type { EntraEnv } from '../../env.js';
import { listCollection, singleObject } from '../collection.js';
import { groupById } from '../directory.js';
import { graphErrors } from '../errors.js';
import { graphRoutes, type GraphRequest } from '../graph-route.js';
import { renderGroup } from '../render.js';
import { groupSchema } from '../schemas.js';
import { countOf } from './counting.js';

export function groupEndpoints(env: EntraEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const source = storeSource((p) => tenant.groups(p));
  const count = (g: GraphRequest) =>
    countOf(
      g,
      groupSchema,
      source,
      (x) => renderGroup(x) as Record<string, unknown>,
      () => tenant.counts().groups,
    );
  return [
    ...graphRoutes(env, { name: 'graph.groups.count', method: 'GET', path: '/groups/$count' }, count),
    ...graphRoutes(env, { name: 'graph.groups.list', method: 'GET', path: '/groups' }, (g) =>
      listCollection(g, {
        scope: 'groups',
        schema: groupSchema,
        fragment: 'groups',
        source,
        render: (x) => ({ obj: renderGroup(x) as Record<string, unknown>, defaults: groupSchema.defaults }),
        total: () => tenant.counts().groups,
      }),
    ),
    ...graphRoutes(env, { name: 'graph.groups.get', method: 'GET', path: '/groups/:id' }, (g) => {
      if (g.params.id === '$count') return count(g);
      const group = groupById(tenant, g.params.id!);
      if (!group) throw graphErrors.notFound(g.params.id!);
      return singleObject(g, groupSchema, 'groups', { obj: renderGroup(group) as Record<string, unknown>, defaults: groupSchema.defaults });
    }),
  ];
}
