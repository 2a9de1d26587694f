/** `GET /Groups` (filter, startIndex/count, attributes/excludedAttributes) and `GET /Groups/{id}`. */
import type { HttpHandler } from 'msw';
import type { TenantGroup } from '../../tenant/model.js';
import type { ScimEnv } from '../env.js';
import { listResources, type ListSpec, type Needs } from '../listing/list-resources.js';
import { project, readProjection, wants } from '../query/projection.js';
import { groupById } from '../resources/lookup.js';
import { renderGroup } from '../resources/render-group.js';
import { GROUP_SCHEMA } from '../schema/definitions.js';
import { scimRoute } from '../scim-route.js';
import { scimJson } from '../wire/content-type.js';
import { scimErrors } from '../wire/errors.js';

const SCAN_CHUNK = 1000;

export function groupEndpoints(env: ScimEnv): HttpHandler[] {
  const tenant = () => env.ctx.tenant;
  const render = (g: TenantGroup, needs: Needs) => groupResource(env, g, needs);
  const spec: ListSpec = {
    schema: GROUP_SCHEMA,
    total: () => tenant().counts().groups,
    slice: (offset, limit, needs) =>
      tenant()
        .groups({ after: offset, limit })
        .items.map((g) => render(g, needs)),
    *scan(needs) {
      let after = 0;
      for (;;) {
        const page = tenant().groups({ after, limit: SCAN_CHUNK });
        for (const g of page.items) yield render(g, needs);
        if (page.next === undefined) return;
        after = page.next;
      }
    },
    lookup: {
      attributes: ['id', 'externalId'],
      find: (value, needs) => {
        const g = tenant().findGroup(value);
        return g ? [render(g, needs)] : [];
      },
    },
  };
  return [
    scimRoute(env, { name: 'scim.groups.list', method: 'GET', path: '/Groups' }, (s) => listResources(s, spec)),
    scimRoute(env, { name: 'scim.groups.get', method: 'GET', path: '/Groups/:id' }, (s) => {
      const group = groupById(tenant(), s.params.id!);
      if (!group) throw scimErrors.notFound(s.params.id!);
      const projection = readProjection(s.url.searchParams, GROUP_SCHEMA);
      return scimJson(
        project(
          render(group, (name) => wants(projection, name)),
          projection,
        ),
      );
    }),
  ];
}

/** A group as served now: members when needed, lastModified moved by any PATCH. */
export function groupResource(env: ScimEnv, group: TenantGroup, needs: Needs): Record<string, unknown> {
  return renderGroup(env.root, env.ctx.tenant, group, { members: needs('members'), lastModified: env.modified.get(`group:${group.seq}`) });
}
