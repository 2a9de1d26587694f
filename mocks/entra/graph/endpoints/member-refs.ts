/**
 * Group membership writes: `POST /groups/{id}/members/$ref` with `{"@odata.id": ".../directoryObjects/{id}"}`
 * and `DELETE /groups/{id}/members/{memberId}/$ref`, both 204. Guarded by a write permission and by the
 * simulator's `writeBack` option (off: every write is refused as if the app could not write).
 */
import type { HttpHandler } from 'msw';
import { membershipOf } from '../../../core/entity.js';
import type { EntraEnv } from '../../env.js';
import { directoryObject, groupById } from '../directory.js';
import { graphErrors } from '../errors.js';
import { graphRoutes, type GraphRequest } from '../graph-route.js';

export function memberRefEndpoints(env: EntraEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const group = (g: GraphRequest) => {
    const found = groupById(tenant, g.params.id!);
    if (!found) throw graphErrors.notFound(g.params.id!);
    return found;
  };
  return [
    ...graphRoutes(env, { name: 'graph.groups.members.add', method: 'POST', path: '/groups/:id/members/$ref' }, async (g) => {
      const target = group(g);
      const ref = await readReference(g.request);
      const member = directoryObject(tenant, ref);
      if (!member) throw graphErrors.notFound(ref);
      if (target.kind === 'distribution') throw graphErrors.badRequest('Cannot Update a mail-enabled security groups and or distribution list.');
      // Graph refuses a group in itself before the store would (it throws RangeError for that).
      if (member.type === 'group' && member.group.seq === target.seq)
        throw graphErrors.badRequest('An object cannot be added as a member of itself.');
      if (!tenant.addMember(membershipOf(target.seq, member))) {
        throw graphErrors.badRequest("One or more added object references already exist for the following modified properties: 'members'.");
      }
      return new Response(null, { status: 204 });
    }),
    ...graphRoutes(env, { name: 'graph.groups.members.remove', method: 'DELETE', path: '/groups/:id/members/:memberId/$ref' }, (g) => {
      const target = group(g);
      const member = directoryObject(tenant, g.params.memberId!);
      if (!member || !tenant.removeMember(membershipOf(target.seq, member))) throw graphErrors.notFound(g.params.memberId!);
      return new Response(null, { status: 204 });
    }),
  ];
}

/** The object id at the end of `@odata.id` (`.../directoryObjects/{id}`, `.../users/{id}`...). */
async function readReference(request: Request): Promise<string> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw graphErrors.badRequest('Invalid request body: expected a JSON object with "@odata.id".');
  }
  const ref = (body as Record<string, unknown> | null)?.['@odata.id'];
  const match = typeof ref === 'string' ? ref.match(/\/(?:directoryObjects|users|groups)\/([^/?#]+)\/?$/i) : null;
  if (!match) throw graphErrors.badRequest(`Invalid object identifier '${typeof ref === 'string' ? ref : ''}'.`);
  return decodeURIComponent(match[1]!);
}
