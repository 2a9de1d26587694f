/**
 * `/servicePrincipals`, one service principal, who is assigned to its app roles (`appRoleAssignedTo`) and
 * its owners (always none: the tenant model records no app owners).
 */
import type { HttpHandler } from 'msw';
import { entityOf, type DirectoryEntity } from '../../../core/entity.js';
import { arraySource, drain, filterSource, mapSource, storeSource } from '../../../core/paging/list-source.js';
import type { AppRoleAssignment, TenantApp } from '../../../tenant/model.js';
import type { EntraEnv } from '../../env.js';
import { listCollection, singleObject } from '../collection.js';
import { displayName, objectId, renderMember } from '../directory.js';
import { graphErrors } from '../errors.js';
import { graphRoutes, type GraphRequest } from '../graph-route.js';
import { renderAppRoleAssignment, renderServicePrincipal } from '../render.js';
import { appRoleAssignmentSchema, directoryObjectSchema, servicePrincipalSchema } from '../schemas.js';

export function servicePrincipalEndpoints(env: EntraEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const apps = storeSource((p) => tenant.apps(p));
  const render = (app: TenantApp) => ({
    obj: renderServicePrincipal(app, tenant.appRoles(app.seq), tenant.shape.tenantId) as Record<string, unknown>,
    defaults: servicePrincipalSchema.defaults,
  });
  const app = (g: GraphRequest) => {
    const found = drain(apps).find((a) => a.objectId === g.params.id!.toLowerCase());
    if (!found) throw graphErrors.notFound(g.params.id!);
    return found;
  };
  return [
    ...graphRoutes(env, { name: 'graph.servicePrincipals.list', method: 'GET', path: '/servicePrincipals' }, (g) =>
      listCollection(g, {
        scope: 'servicePrincipals',
        schema: servicePrincipalSchema,
        fragment: 'servicePrincipals',
        source: apps,
        render,
        total: () => tenant.counts().apps,
      }),
    ),
    ...graphRoutes(env, { name: 'graph.servicePrincipals.get', method: 'GET', path: '/servicePrincipals/:id' }, (g) =>
      singleObject(g, servicePrincipalSchema, 'servicePrincipals', render(app(g))),
    ),
    ...graphRoutes(env, { name: 'graph.servicePrincipals.owners.list', method: 'GET', path: '/servicePrincipals/:id/owners' }, (g) => {
      const sp = app(g);
      return listCollection(g, {
        scope: `servicePrincipals/${sp.objectId}/owners`,
        schema: directoryObjectSchema,
        fragment: 'directoryObjects',
        source: arraySource<DirectoryEntity>([]),
        render: (e) => renderMember(e, g.grants),
      });
    }),
    ...graphRoutes(
      env,
      { name: 'graph.servicePrincipals.appRoleAssignedTo.list', method: 'GET', path: '/servicePrincipals/:id/appRoleAssignedTo' },
      (g) => {
        const sp = app(g);
        const roles = new Map(tenant.appRoles(sp.seq).map((r) => [r.seq, r]));
        const resolved = mapSource(
          storeSource((p) => tenant.appRoleAssignments(sp.seq, p)),
          (a: AppRoleAssignment) => ({ a, role: roles.get(a.appRoleSeq), who: entityOf(tenant, a.principalType, a.principalSeq) }),
        );
        return listCollection(g, {
          scope: `servicePrincipals/${sp.objectId}/appRoleAssignedTo`,
          schema: appRoleAssignmentSchema,
          fragment: `servicePrincipals('${sp.objectId}')/appRoleAssignedTo`,
          source: filterSource(resolved, (x) => x.role !== undefined && x.who !== undefined),
          render: ({ role, who }) => {
            const created = who!.type === 'user' ? who!.user.createdAt : who!.group.createdAt;
            const assigned = renderAppRoleAssignment(
              role!,
              sp,
              { type: who!.type === 'user' ? 'User' : 'Group', id: objectId(who!), displayName: displayName(who!) },
              created,
            );
            return { obj: assigned as Record<string, unknown>, defaults: appRoleAssignmentSchema.defaults };
          },
        });
      },
    ),
  ];
}
