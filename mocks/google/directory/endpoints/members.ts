/**
 * `GET groups/{groupKey}/members`: direct members (or, with `includeDerivedMembership=true`, everyone
 * reached through nested groups), optionally only those whose role is in `roles` (`OWNER,MANAGER,MEMBER`).
 * See memberships.ts for how the tenant's members and owners become Workspace roles.
 */
import type { HttpHandler } from 'msw';
import { filterSource, mapSource } from '../../../core/paging/list-source.js';
import type { GoogleEnv } from '../../env.js';
import { directoryRoute } from '../directory-route.js';
import { directoryErrors } from '../errors.js';
import { listing } from '../listing.js';
import { groupByKey } from '../lookup.js';
import { derivedMembers, directMembers } from '../memberships.js';
import { booleanParam, maxResults } from '../params.js';
import { renderMember, type MemberRole } from '../render.js';
import { GOOGLE_PAGE_LIMITS } from '../../paging-dialect.js';

const ROLES: readonly MemberRole[] = ['OWNER', 'MANAGER', 'MEMBER'];

export function memberEndpoints(env: GoogleEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  return [
    directoryRoute(
      env,
      {
        name: 'google.members.list',
        method: 'GET',
        path: '/groups/:groupKey/members',
        rpc: 'ccc.hosted.frontend.directory.v1.DirectoryMembers.List',
      },
      (d) => {
        const group = groupByKey(tenant, d.params.groupKey!);
        if (!group) throw directoryErrors.notFound('groupKey');
        const limit = maxResults(d.url, GOOGLE_PAGE_LIMITS['google.members.list']);
        const derived = booleanParam(d.url, 'includeDerivedMembership') === true;
        const roles = parseRoles(d.url.searchParams.get('roles'));
        let members = derived ? derivedMembers(tenant, group) : directMembers(tenant, group);
        if (roles) members = filterSource(members, (m) => roles.has(m.role));
        return listing(d, {
          kind: 'admin#directory#members',
          field: 'members',
          scope: `groups/${group.seq}/members?derived=${derived}&roles=${[...(roles ?? [])].join(',')}`,
          source: mapSource(members, (m) => renderMember(m.entity, m.role, env.render) as Record<string, unknown>),
          limit,
        });
      },
    ),
  ];
}

/** `roles=OWNER,MANAGER` (any case); undefined when absent. */
function parseRoles(raw: string | null): Set<MemberRole> | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const out = new Set<MemberRole>();
  for (const part of raw.split(',')) {
    const role = ROLES.find((r) => r === part.trim().toUpperCase());
    if (!role) throw directoryErrors.invalidInput('roles');
    out.add(role);
  }
  return out;
}
