/**
 * Group membership writes (Okta's "Assign a user to a group" and "Unassign a user from a group"):
 * `PUT` and `DELETE /api/v1/groups/{groupId}/users/{userId}`, 204 No Content either way, `okta.groups.manage`
 * for OAuth callers. With the simulator's `writeBack` off both are 403 E0000006. Only OKTA_GROUPs take
 * writes: an APP_GROUP's members come from its directory ([U] Okta's answer; 400 E0000001 here). Adding a
 * member twice or removing a non-member changes nothing and is still 204 [U].
 */
import type { HttpHandler } from 'msw';
import type { OktaEnv } from '../env.js';
import { groupById, userByIdOrLogin } from '../lookup.js';
import { oktaRoute } from '../okta-route.js';
import { groupType } from '../render/group.js';
import { oktaErrors } from '../wire/errors.js';

export function memberWriteEndpoints(env: OktaEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const target = (params: Record<string, string>) => {
    if (!env.writeBack) throw oktaErrors.forbidden();
    const group = groupById(env, params.groupId!);
    const user = userByIdOrLogin(env, params.userId!);
    if (groupType(group, env.render) === 'APP_GROUP')
      throw oktaErrors.validation('group: Only members of OKTA_GROUP groups can be changed; APP_GROUP members come from their app.');
    return { groupSeq: group.seq, memberType: 'user' as const, memberSeq: user.seq };
  };
  return [
    oktaRoute(env, { name: 'okta.members.add', method: 'PUT', path: '/api/v1/groups/:groupId/users/:userId' }, (o) => {
      tenant.addMember(target(o.params));
      return new Response(null, { status: 204 });
    }),
    oktaRoute(env, { name: 'okta.members.remove', method: 'DELETE', path: '/api/v1/groups/:groupId/users/:userId' }, (o) => {
      tenant.removeMember(target(o.params));
      return new Response(null, { status: 204 });
    }),
  ];
}
