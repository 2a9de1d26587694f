/**
 * `GET groups` and `GET groups/{groupKey}` (reference B2). Listing takes `customer` or `domain`, or
 * `userKey` (a user's or group's email or id) for the groups it is a direct member of; `userKey` with
 * `customer` is refused. `orderBy=email` sorts, `query` filters on email and name.
 */
import type { HttpHandler } from 'msw';
import { arraySource, filterSource, mapSource, storeSource, type ListSource } from '../../../core/paging/list-source.js';
import type { TenantGroup } from '../../../tenant/model.js';
import type { GoogleEnv } from '../../env.js';
import { directoryRoute, directoryJson, type DirectoryRequest } from '../directory-route.js';
import { directoryErrors } from '../errors.js';
import { listing } from '../listing.js';
import { entityByKey, groupByKey } from '../lookup.js';
import { directMemberCount } from '../memberships.js';
import type { SortOrder } from '../ordering.js';
import { checkDirectoryScope, checkDomain, enumParam, maxResults } from '../params.js';
import { renderGroup } from '../render.js';
import { GROUP_QUERY, parseQuery } from '../search-query.js';
import { GOOGLE_PAGE_LIMITS } from '../../paging-dialect.js';

const RPC = 'ccc.hosted.frontend.directory.v1.DirectoryGroups';

export function groupEndpoints(env: GoogleEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const render = (g: TenantGroup) => renderGroup(g, directMemberCount(tenant, g), env.render) as Record<string, unknown>;
  return [
    directoryRoute(env, { name: 'google.groups.list', method: 'GET', path: '/groups', rpc: `${RPC}.List` }, (d) => {
      const limit = maxResults(d.url, GOOGLE_PAGE_LIMITS['google.groups.list']);
      const orderBy = enumParam(d.url, 'orderBy', ['email'] as const);
      const sortOrder = enumParam<SortOrder>(d.url, 'sortOrder', ['ASCENDING', 'DESCENDING']) ?? 'ASCENDING';
      const query = d.url.searchParams.get('query') ?? '';
      const keep = query ? parseQuery(query, GROUP_QUERY) : undefined;
      const { groups, scope } = selectGroups(env, d, orderBy ? sortOrder : undefined);
      const rendered = mapSource(groups, render);
      return listing(d, {
        kind: 'admin#directory#groups',
        field: 'groups',
        scope: `${scope}&orderBy=${orderBy ?? ''}&sortOrder=${sortOrder}&query=${query}`,
        source: keep ? filterSource(rendered, keep) : rendered,
        limit,
      });
    }),
    directoryRoute(env, { name: 'google.groups.get', method: 'GET', path: '/groups/:groupKey', rpc: `${RPC}.Get` }, (d) => {
      const group = groupByKey(tenant, d.params.groupKey!);
      if (!group) throw directoryErrors.notFound('groupKey');
      return directoryJson(d, render(group));
    }),
  ];
}

/** The groups a listing covers (everyone's, or one member's), in the order asked for. */
function selectGroups(env: GoogleEnv, d: DirectoryRequest, sorted: SortOrder | undefined): { groups: ListSource<TenantGroup>; scope: string } {
  const tenant = env.ctx.tenant;
  const userKey = d.url.searchParams.get('userKey');
  if (userKey === null) {
    checkDirectoryScope(d.url, env.account);
    const groups = sorted ? mapSource(arraySource(env.orders.groups(sorted)), (seq) => tenant.group(seq)) : storeSource((p) => tenant.groups(p));
    return { groups, scope: `groups?domain=${d.url.searchParams.get('domain') ?? ''}` };
  }
  if (d.url.searchParams.has('customer')) throw directoryErrors.badRequest();
  const domain = d.url.searchParams.get('domain');
  if (domain !== null) checkDomain(env.account, domain);
  const member = entityByKey(tenant, userKey);
  if (!member) throw directoryErrors.notFound('userKey');
  const seq = member.type === 'user' ? member.user.seq : member.group.seq;
  let groups = tenant.memberOf(member.type, seq).flatMap((m) => tenant.group(m.groupSeq) ?? []);
  if (sorted) {
    groups = [...groups].sort((a, b) => (a.mail.toLowerCase() < b.mail.toLowerCase() ? -1 : 1));
    if (sorted === 'DESCENDING') groups.reverse();
  }
  return { groups: arraySource(groups), scope: `groups?userKey=${member.type}:${seq}` };
}
