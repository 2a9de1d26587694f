/**
 * A group's members (direct, by type cast, transitive) and owners: mixed `directoryObjects` collections
 * whose items carry `@odata.type`, shown in full or as limited information per the app's permissions.
 */
import type { HttpHandler } from 'msw';
import { entityOf, type DirectoryEntity } from '../../../core/entity.js';
import { arraySource, drain, filterSource, mapSource, storeSource, type ListSource } from '../../../core/paging/list-source.js';
import type { Membership, TenantGroup, TenantStore } from '../../../tenant/model.js';
import type { EntraEnv } from '../../env.js';
import { listCollection, type Rendered } from '../collection.js';
import { groupById, renderMember } from '../directory.js';
import { graphErrors } from '../errors.js';
import { graphRoutes, type GraphRequest } from '../graph-route.js';
import { directoryObjectSchema, groupSchema, userSchema, type ResourceSchema } from '../schemas.js';
import { countOf } from './counting.js';

export function groupMemberEndpoints(env: EntraEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const group = (g: GraphRequest) => {
    const found = groupById(tenant, g.params.id!);
    if (!found) throw graphErrors.notFound(g.params.id!);
    return found;
  };
  const list = (g: GraphRequest, scope: string, fragment: string, schema: ResourceSchema, source: ListSource<DirectoryEntity>) =>
    listCollection(g, { scope, schema, fragment, source, render: (e): Rendered => renderMember(e, g.grants) });
  const cast = (type: 'user' | 'group') => (g: GraphRequest) => {
    const gr = group(g);
    const source = filterSource(directMembers(tenant, gr), (e) => e.type === type);
    return list(g, `groups/${gr.objectId}/members/${type}`, `${type}s`, type === 'user' ? userSchema : groupSchema, source);
  };
  return [
    ...graphRoutes(env, { name: 'graph.groups.members.count', method: 'GET', path: '/groups/:id/members/$count' }, (g) =>
      countOf(g, directoryObjectSchema, directMembers(tenant, group(g)), (e) => renderMember(e, g.grants).obj),
    ),
    ...graphRoutes(env, { name: 'graph.groups.members.users.list', method: 'GET', path: '/groups/:id/members/microsoft.graph.user' }, cast('user')),
    ...graphRoutes(
      env,
      { name: 'graph.groups.members.groups.list', method: 'GET', path: '/groups/:id/members/microsoft.graph.group' },
      cast('group'),
    ),
    ...graphRoutes(env, { name: 'graph.groups.members.list', method: 'GET', path: '/groups/:id/members' }, (g) => {
      const gr = group(g);
      return list(g, `groups/${gr.objectId}/members`, 'directoryObjects', directoryObjectSchema, directMembers(tenant, gr));
    }),
    ...graphRoutes(env, { name: 'graph.groups.transitiveMembers.list', method: 'GET', path: '/groups/:id/transitiveMembers' }, (g) => {
      const gr = group(g);
      return list(
        g,
        `groups/${gr.objectId}/transitiveMembers`,
        'directoryObjects',
        directoryObjectSchema,
        arraySource(transitiveMembers(tenant, gr)),
      );
    }),
    ...graphRoutes(env, { name: 'graph.groups.owners.list', method: 'GET', path: '/groups/:id/owners' }, (g) => {
      const gr = group(g);
      const owners = tenant.owners(gr.seq).map((user): DirectoryEntity => ({ type: 'user', user }));
      return list(g, `groups/${gr.objectId}/owners`, 'directoryObjects', directoryObjectSchema, arraySource(owners));
    }),
  ];
}

function directMembers(tenant: TenantStore, group: TenantGroup): ListSource<DirectoryEntity> {
  const memberships = storeSource((p) => tenant.members(group.seq, p));
  // A membership whose principal is gone maps to undefined and is left out.
  return mapSource(memberships, (m: Membership) => entityOf(tenant, m.memberType, m.memberSeq));
}

/** Everyone reachable through nested groups, each once, breadth first; nested groups are listed too. */
function transitiveMembers(tenant: TenantStore, root: TenantGroup): DirectoryEntity[] {
  const seen = new Set<string>([`group:${root.seq}`]);
  const out: DirectoryEntity[] = [];
  const queue: TenantGroup[] = [root];
  while (queue.length) {
    const g = queue.shift()!;
    for (const e of drain(directMembers(tenant, g))) {
      const key = e.type === 'user' ? `user:${e.user.seq}` : `group:${e.group.seq}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
      if (e.type === 'group') queue.push(e.group);
    }
  }
  return out;
}
