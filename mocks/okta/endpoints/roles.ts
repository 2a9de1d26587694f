/**
 * Admin role assignments (REFERENCE §3): `GET /api/v1/users/{id}/roles` lists the user's own assignments
 * (`assignmentType: USER`) and those it holds through a group it is a member of (`GROUP`), and
 * `GET /api/v1/groups/{id}/roles` the group's own. Neither pages: one answer with only `rel="self"` [U].
 * `GET /api/v1/iam/assignees/users` lists the users holding a role directly (through a group too is [U]),
 * in an object `{value: [{id, orn, _links}], _links: {next}}` as baton-okta reads it, paged by `after` with the
 * same `Link` headers as well (whether Okta sends them is [U]; baton-okta reads the header, other clients the body).
 */
import type { HttpHandler } from 'msw';
import { arraySource, drain, mapSource, storeSource } from '../../core/paging/list-source.js';
import type { RoleAssignment } from '../../tenant/model.js';
import type { OktaEnv } from '../env.js';
import { groupById, userByIdOrLogin } from '../lookup.js';
import { oktaRoute } from '../okta-route.js';
import { pageLimit } from '../paging/limits.js';
import { listing, unpaged } from '../paging/listing.js';
import { oktaId } from '../ids.js';
import { renderRoleAssignment } from '../render/role.js';

export function roleEndpoints(env: OktaEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const held = (principalType: 'user' | 'group', principalSeq: number) =>
    drain(storeSource((p) => tenant.roleAssignments(p, { principalType, principalSeq })));
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
    oktaRoute(env, { name: 'okta.roleAssignees.list', method: 'GET', path: '/api/v1/iam/assignees/users' }, (o) => {
      const holders = [...new Set(drain(storeSource((p) => tenant.roleAssignments(p, { principalType: 'user' }))).map((a) => a.principalSeq))].sort(
        (a, b) => a - b,
      );
      const org = oktaId(env.ctx.seed, 'client', 0x7fff);
      const source = mapSource(arraySource(holders), (seq) => {
        const id = oktaId(env.ctx.seed, 'user', seq);
        return {
          id,
          orn: `orn:okta:directory:${org}:users:${id}`,
          _links: { self: { href: `${env.orgUrl}/api/v1/users/${id}` }, roles: { href: `${env.orgUrl}/api/v1/users/${id}/roles` } },
        };
      });
      return listing(o, {
        source,
        limit: pageLimit(o.url, 'okta.roleAssignees.list'),
        envelope: (value, links) => ({ value, _links: links.next ? { next: { href: links.next } } : {} }),
      });
    }),
  ];
}
