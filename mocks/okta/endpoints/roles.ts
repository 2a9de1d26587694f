/**
 * Admin role assignments (REFERENCE §3): `GET /api/v1/users/{id}/roles` lists the user's own assignments
 * (`assignmentType: USER`) and those it holds through a group it is a member of (`GROUP`), and
 * `GET /api/v1/groups/{id}/roles` the group's own. Neither pages: one answer with only `rel="self"` [U].
 */
import type { HttpHandler } from 'msw';
import { drain, storeSource } from '../../core/paging/list-source.js';
import type { RoleAssignment } from '../../tenant/model.js';
import type { OktaEnv } from '../env.js';
import { groupById, userByIdOrLogin } from '../lookup.js';
import { oktaRoute } from '../okta-route.js';
import { unpaged } from '../paging/listing.js';
import { renderRoleAssignment } from '../render/role.js';

export function roleEndpoints(env: OktaEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const held = (principalType: 'user' | 'group', principalSeq: number) => drain(storeSource((p) => tenant.roleAssignments(p, { principalType, principalSeq })));
  const render = (list: RoleAssignment[]) =>
    list.flatMap((a) => {
      const role = tenant.role(a.roleSeq);
      return role ? [renderRoleAssignment(a, role, env.render)] : [];
    });
  return [
    oktaRoute(env, { name: 'okta.userRoles.list', method: 'GET', path: '/api/v1/users/:userId/roles' }, (o) => {
      const user = userByIdOrLogin(env, o.params.userId!);
      const viaGroups = tenant.memberOf('user', user.seq).flatMap((m) => held('group', m.groupSeq));
      return unpaged(o, render([...held('user', user.seq), ...viaGroups]));
    }),
    oktaRoute(env, { name: 'okta.groupRoles.list', method: 'GET', path: '/api/v1/groups/:groupId/roles' }, (o) => {
      return unpaged(o, render(held('group', groupById(env, o.params.groupId!).seq)));
    }),
  ];
}
