/**
 * `/directoryRoles` (activated roles only), one role, and its members. Neither pages: all come in one
 * response and `$top` is refused (reference A2, G4).
 */
import type { HttpHandler } from 'msw';
import { entityOf, type DirectoryEntity } from '../../../core/entity.js';
import { arraySource, drain, storeSource } from '../../../core/paging/list-source.js';
import type { TenantStore } from '../../../tenant/model.js';
import type { EntraEnv } from '../../env.js';
import { listCollection, singleObject } from '../collection.js';
import { renderMember } from '../directory.js';
import { graphErrors } from '../errors.js';
import { graphRoutes, type GraphRequest } from '../graph-route.js';
import { renderDirectoryRole } from '../render.js';
import { directoryObjectSchema, directoryRoleSchema } from '../schemas.js';

export function directoryRoleEndpoints(env: EntraEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const activated = () => tenant.roles().filter((r) => r.activated);
  const role = (g: GraphRequest) => {
    const found = activated().find((r) => r.objectId === g.params.id!.toLowerCase());
    if (!found) throw graphErrors.notFound(g.params.id!);
    return found;
  };
  return [
    ...graphRoutes(env, { name: 'graph.directoryRoles.list', method: 'GET', path: '/directoryRoles' }, (g) =>
      listCollection(g, {
        scope: 'directoryRoles',
        schema: directoryRoleSchema,
        fragment: 'directoryRoles',
        source: arraySource(activated()),
        render: (r) => ({ obj: renderDirectoryRole(r) as Record<string, unknown>, defaults: directoryRoleSchema.defaults }),
        paged: false,
      }),
    ),
    ...graphRoutes(env, { name: 'graph.directoryRoles.get', method: 'GET', path: '/directoryRoles/:id' }, (g) =>
      singleObject(g, directoryRoleSchema, 'directoryRoles', {
        obj: renderDirectoryRole(role(g)) as Record<string, unknown>,
        defaults: directoryRoleSchema.defaults,
      }),
    ),
    ...graphRoutes(env, { name: 'graph.directoryRoles.members.list', method: 'GET', path: '/directoryRoles/:id/members' }, (g) =>
      listCollection(g, {
        scope: `directoryRoles/${role(g).objectId}/members`,
        schema: directoryObjectSchema,
        fragment: 'directoryObjects',
        source: arraySource(roleMembers(tenant, role(g).seq)),
        render: (e) => renderMember(e, g.grants),
        paged: false,
      }),
    ),
  ];
}

function roleMembers(tenant: TenantStore, roleSeq: number): DirectoryEntity[] {
  const assignments = drain(storeSource((p) => tenant.roleAssignments(p, { roleSeq })));
  const seen = new Set<string>();
  const out: DirectoryEntity[] = [];
  for (const a of assignments) {
    const key = `${a.principalType}:${a.principalSeq}`;
    const e = entityOf(tenant, a.principalType, a.principalSeq);
    if (!e || seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
