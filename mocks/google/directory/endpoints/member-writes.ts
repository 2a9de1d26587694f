/**
 * Membership writes: `POST groups/{groupKey}/members` with `{"email"}` (or `{"id"}`) answers the new
 * member (200), and `DELETE groups/{groupKey}/members/{memberKey}` answers 204 with no body. Both need a
 * token with `admin.directory.group.member` or `admin.directory.group` and the simulator's `writeBack`.
 *
 * Only plain membership is simulated: a `role` other than MEMBER is refused (400), because the tenant
 * cannot store owners or managers written through any provider; members outside the tenant (arbitrary
 * external addresses Google would accept) are 404, since the tenant can only hold its own users and groups.
 */
import type { HttpHandler } from 'msw';
import { membershipOf } from '../../../core/entity.js';
import type { GoogleEnv } from '../../env.js';
import { directoryJson, directoryRoute, type DirectoryRequest } from '../directory-route.js';
import { DirectoryFailure, directoryErrors } from '../errors.js';
import { entityByKey, groupByKey } from '../lookup.js';
import { wouldCycle } from '../memberships.js';
import { renderMember } from '../render.js';

const RPC = 'ccc.hosted.frontend.directory.v1.DirectoryMembers';

export function memberWriteEndpoints(env: GoogleEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const group = (d: DirectoryRequest) => {
    const found = groupByKey(tenant, d.params.groupKey!);
    if (!found) throw directoryErrors.notFound('groupKey');
    return found;
  };
  return [
    directoryRoute(env, { name: 'google.members.insert', method: 'POST', path: '/groups/:groupKey/members', rpc: `${RPC}.Insert` }, async (d) => {
      const target = group(d);
      const body = await readMember(d.request);
      const member = entityByKey(tenant, body.key);
      if (!member) throw directoryErrors.notFound('memberKey');
      if (member.type === 'group' && wouldCycle(tenant, target, member.group)) throw directoryErrors.invalidInput('memberKey');
      if (!tenant.addMember(membershipOf(target.seq, member))) throw directoryErrors.duplicateMember();
      const owner = member.type === 'user' && tenant.owners(target.seq).some((u) => u.seq === member.user.seq);
      return directoryJson(d, renderMember(member, owner ? 'OWNER' : 'MEMBER', env.render));
    }),
    directoryRoute(
      env,
      { name: 'google.members.delete', method: 'DELETE', path: '/groups/:groupKey/members/:memberKey', rpc: `${RPC}.Delete` },
      (d) => {
        const target = group(d);
        const member = entityByKey(tenant, d.params.memberKey!);
        if (!member || !tenant.removeMember(membershipOf(target.seq, member))) throw directoryErrors.notFound('memberKey');
        return new Response(null, { status: 204 });
      },
    ),
  ];
}

async function readMember(request: Request): Promise<{ key: string }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw directoryErrors.badRequest();
  }
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const key = typeof fields.email === 'string' && fields.email ? fields.email : typeof fields.id === 'string' && fields.id ? fields.id : undefined;
  if (!key) throw new DirectoryFailure(400, 'required', 'Missing required field: memberKey');
  if (fields.role !== undefined && String(fields.role).toUpperCase() !== 'MEMBER') throw directoryErrors.invalidInput('role');
  return { key };
}
