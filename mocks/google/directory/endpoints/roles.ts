/**
 * `GET customer/{customer}/roles` and `GET customer/{customer}/roleassignments` (reference B2). Roles are
 * the tenant's, shown as Workspace system or custom roles (system-roles.ts). Assignments are the tenant's
 * to users and groups, plus the synthetic Super Admin assignment of the DWD subject when the tenant lacks
 * one (admin-subjects.ts), listed first. `roleId` and `userKey` filter; `includeIndirectRoleAssignments`
 * adds assignments held through the groups a user is a direct member of.
 */
import type { HttpHandler } from 'msw';
import { entityOf } from '../../../core/entity.js';
import { arraySource, concatSource, drain, mapSource, storeSource, type ListSource } from '../../../core/paging/list-source.js';
import type { RoleAssignment, TenantRole } from '../../../tenant/model.js';
import type { GoogleEnv } from '../../env.js';
import { directoryRoute } from '../directory-route.js';
import { directoryErrors } from '../errors.js';
import { listing } from '../listing.js';
import { entityByKey } from '../lookup.js';
import { booleanParam, checkCustomer, maxResults } from '../params.js';
import { renderRole, renderRoleAssignment } from '../render.js';
import { GOOGLE_PAGE_LIMITS } from '../../paging-dialect.js';

const RPC = 'ccc.hosted.frontend.directory.v1';

export function roleEndpoints(env: GoogleEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  return [
    directoryRoute(env, { name: 'google.roles.list', method: 'GET', path: '/customer/:customer/roles', rpc: `${RPC}.DirectoryRoles.List` }, (d) => {
      checkCustomer(env.account, d.params.customer!);
      const limit = maxResults(d.url, GOOGLE_PAGE_LIMITS['google.roles.list']);
      return listing(d, {
        kind: 'admin#directory#roles',
        field: 'items',
        scope: 'roles',
        source: mapSource(arraySource(tenant.roles()), (r) => renderRole(r, env.render) as Record<string, unknown>),
        limit,
      });
    }),
    directoryRoute(
      env,
      {
        name: 'google.roleAssignments.list',
        method: 'GET',
        path: '/customer/:customer/roleassignments',
        rpc: `${RPC}.DirectoryRoleAssignments.List`,
      },
      (d) => {
        checkCustomer(env.account, d.params.customer!);
        const limit = maxResults(d.url, GOOGLE_PAGE_LIMITS['google.roleAssignments.list']);
        const roles = new Map(tenant.roles().map((r) => [r.seq, r]));
        const roleId = d.url.searchParams.get('roleId');
        let role: TenantRole | undefined;
        if (roleId !== null) {
          if (!/^\d+$/.test(roleId)) throw directoryErrors.invalidInput('roleId');
          role = [...roles.values()].find((r) => r.googleId === roleId);
          if (!role) throw directoryErrors.notFound('roleId');
        }
        const userKey = d.url.searchParams.get('userKey');
        const who = userKey === null ? undefined : entityByKey(tenant, userKey);
        if (userKey !== null && !who) throw directoryErrors.notFound('userKey');
        const indirect = booleanParam(d.url, 'includeIndirectRoleAssignments') === true;

        // Principals whose assignments are listed: everyone, or the one named (and its groups when indirect).
        const principals = who
          ? [
              who,
              ...(indirect && who.type === 'user'
                ? tenant.memberOf('user', who.user.seq).flatMap((m) => entityOf(tenant, 'group', m.groupSeq) ?? [])
                : []),
            ]
          : undefined;
        const roleSeq = role?.seq;
        const fromStore = (filter: { principalType?: 'user' | 'group'; principalSeq?: number }): ListSource<RoleAssignment> =>
          storeSource((p) => tenant.roleAssignments(p, { ...(roleSeq === undefined ? {} : { roleSeq }), ...filter }));
        // One principal's assignments are few: collected in memory (concatenating sources does not nest).
        const stored = principals
          ? arraySource(
              principals.flatMap((e) =>
                drain(
                  fromStore(
                    e.type === 'user' ? { principalType: 'user', principalSeq: e.user.seq } : { principalType: 'group', principalSeq: e.group.seq },
                  ),
                ),
              ),
            )
          : fromStore({});
        const synthetic = env.admins.synthetic;
        const syntheticMatches =
          synthetic !== undefined &&
          (roleSeq === undefined || synthetic.roleSeq === roleSeq) &&
          (!principals || principals.some((e) => e.type === 'user' && e.user.seq === synthetic.principalSeq));
        const all = syntheticMatches ? concatSource(arraySource([synthetic]), stored) : stored;
        return listing(d, {
          kind: 'admin#directory#roleAssignments',
          field: 'items',
          scope: `roleassignments?roleId=${roleId ?? ''}&userKey=${who ? `${who.type}:${who.type === 'user' ? who.user.seq : who.group.seq}` : ''}&indirect=${indirect}`,
          source: mapSource(all, (a) => {
            const r = roles.get(a.roleSeq);
            const assignee = entityOf(tenant, a.principalType, a.principalSeq);
            return r && assignee ? (renderRoleAssignment(a, r, assignee, env.render) as Record<string, unknown>) : undefined;
          }),
          limit,
        });
      },
    ),
  ];
}
