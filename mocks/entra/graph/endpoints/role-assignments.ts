/**
 * `/roleManagement/directory/roleAssignments`: every assignment (activated role or not), `$filter` on
 * roleDefinitionId / principalId / directoryScopeId, `$expand=principal`.
 */
import type { HttpHandler } from 'msw';
import { entityOf } from '../../../core/entity.js';
import { filterSource, mapSource, storeSource } from '../../../core/paging/list-source.js';
import type { RoleAssignment } from '../../../tenant/model.js';
import type { EntraEnv } from '../../env.js';
import { listCollection, type Rendered } from '../collection.js';
import { objectId, renderMember } from '../directory.js';
import { graphRoutes } from '../graph-route.js';
import { renderRoleAssignment } from '../render.js';
import { roleAssignmentSchema } from '../schemas.js';

export function roleAssignmentEndpoints(env: EntraEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  return graphRoutes(env, { name: 'graph.roleAssignments.list', method: 'GET', path: '/roleManagement/directory/roleAssignments' }, (g) => {
    const roles = new Map(tenant.roles().map((r) => [r.seq, r]));
    const resolved = mapSource(
      storeSource((p) => tenant.roleAssignments(p)),
      (a: RoleAssignment) => ({ a, role: roles.get(a.roleSeq), who: entityOf(tenant, a.principalType, a.principalSeq) }),
    );
    const source = filterSource(resolved, (x) => x.role !== undefined && x.who !== undefined);
    return listCollection(g, {
      scope: 'roleManagement/directory/roleAssignments',
      schema: roleAssignmentSchema,
      fragment: 'roleManagement/directory/roleAssignments',
      source,
      expandable: ['principal'],
      render: ({ role, who }, options): Rendered => {
        const obj: Record<string, unknown> = { ...renderRoleAssignment(role!, objectId(who!)) };
        if (options.expand.includes('principal')) obj.principal = renderMember(who!, g.grants).obj;
        return { obj, defaults: roleAssignmentSchema.defaults };
      },
      total: () => tenant.counts().roleAssignments,
    });
  });
}
