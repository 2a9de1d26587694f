/** `GET /Users` (filter, startIndex/count, attributes) and `GET /Users/{id}`. */
import type { HttpHandler } from 'msw';
import type { TenantUser } from '../../tenant/model.js';
import type { ScimEnv } from '../env.js';
import { listResources, type ListSpec, type Needs } from '../listing/list-resources.js';
import { project, readProjection, wants } from '../query/projection.js';
import { userById } from '../resources/lookup.js';
import { renderUser } from '../resources/render-user.js';
import { USER_SCHEMA } from '../schema/definitions.js';
import { scimRoute } from '../scim-route.js';
import { scimJson } from '../wire/content-type.js';
import { scimErrors } from '../wire/errors.js';

const SCAN_CHUNK = 1000;

export function userEndpoints(env: ScimEnv): HttpHandler[] {
  // Read at call time: the admin API's reset swaps the context's tenant.
  const tenant = () => env.ctx.tenant;
  const render = (u: TenantUser, needs: Needs) => renderUser(env.root, tenant(), u, { groups: needs('groups') });
  const spec: ListSpec = {
    schema: USER_SCHEMA,
    total: () => tenant().counts().users,
    // Users are numbered 1..n, so the index-th user is the one after seq index-1.
    slice: (offset, limit, needs) =>
      tenant()
        .users({ after: offset, limit })
        .items.map((u) => render(u, needs)),
    *scan(needs) {
      let after = 0;
      for (;;) {
        const page = tenant().users({ after, limit: SCAN_CHUNK });
        for (const u of page.items) yield render(u, needs);
        if (page.next === undefined) return;
        after = page.next;
      }
    },
    lookup: {
      attributes: ['id', 'externalId', 'userName'],
      find: (value, needs) => {
        const u = tenant().findUser(value);
        return u ? [render(u, needs)] : [];
      },
    },
  };
  return [
    scimRoute(env, { name: 'scim.users.list', method: 'GET', path: '/Users' }, (s) => listResources(s, spec)),
    scimRoute(env, { name: 'scim.users.get', method: 'GET', path: '/Users/:id' }, (s) => {
      const user = userById(tenant(), s.params.id!);
      if (!user) throw scimErrors.notFound(s.params.id!);
      const projection = readProjection(s.url.searchParams, USER_SCHEMA);
      return scimJson(
        project(
          render(user, (name) => wants(projection, name)),
          projection,
        ),
      );
    }),
  ];
}
