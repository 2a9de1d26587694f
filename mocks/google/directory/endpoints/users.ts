/**
 * `GET users` and `GET users/{userKey}` (reference B2). Listing needs `customer` or `domain`; `domain`
 * lists only the users whose primary address is in it (guest users' external addresses are not).
 * `orderBy` sorts the whole directory (cached, see ordering.ts); `query` filters (search-query.ts);
 * `showDeleted=true` lists deleted users, of which the tenant has none. `projection` and `viewType` are
 * checked but change nothing: the tenant has no custom schema fields, and the admin view is always served.
 */
import type { HttpHandler } from 'msw';
import { arraySource, filterSource, mapSource, storeSource, type ListSource } from '../../../core/paging/list-source.js';
import type { TenantUser } from '../../../tenant/model.js';
import type { GoogleEnv } from '../../env.js';
import { directoryRoute, directoryJson } from '../directory-route.js';
import { directoryErrors } from '../errors.js';
import { listing } from '../listing.js';
import { primaryEmail, userByKey } from '../lookup.js';
import type { SortOrder, UserOrder } from '../ordering.js';
import { booleanParam, checkDirectoryScope, enumParam, maxResults } from '../params.js';
import { renderUser } from '../render.js';
import { parseQuery, USER_QUERY } from '../search-query.js';
import { GOOGLE_PAGE_LIMITS } from '../../paging-dialect.js';

const RPC = 'ccc.hosted.frontend.directory.v1.DirectoryUsers';
const PROJECTIONS = ['basic', 'custom', 'full'] as const;
const VIEW_TYPES = ['admin_view', 'domain_public'] as const;

export function userEndpoints(env: GoogleEnv): HttpHandler[] {
  const tenant = env.ctx.tenant;
  const render = (u: TenantUser) => renderUser(u, env.admins.privileges(u), env.render) as Record<string, unknown>;
  return [
    directoryRoute(env, { name: 'google.users.list', method: 'GET', path: '/users', rpc: `${RPC}.List` }, (d) => {
      checkDirectoryScope(d.url, env.account);
      const limit = maxResults(d.url, GOOGLE_PAGE_LIMITS['google.users.list']);
      enumParam(d.url, 'projection', PROJECTIONS);
      enumParam(d.url, 'viewType', VIEW_TYPES);
      const orderBy = enumParam<UserOrder>(d.url, 'orderBy', ['email', 'givenName', 'familyName']);
      const sortOrder = enumParam<SortOrder>(d.url, 'sortOrder', ['ASCENDING', 'DESCENDING']) ?? 'ASCENDING';
      const query = d.url.searchParams.get('query') ?? '';
      const keep = query ? parseQuery(query, USER_QUERY) : undefined;
      const deleted = booleanParam(d.url, 'showDeleted') === true;
      const domain = d.url.searchParams.get('domain')?.toLowerCase();

      let users: ListSource<TenantUser>;
      if (deleted) users = arraySource([]);
      else if (orderBy) users = mapSource(arraySource(env.orders.users(orderBy, sortOrder)), (seq) => tenant.user(seq));
      else users = storeSource((p) => tenant.users(p));
      if (domain) users = filterSource(users, (u) => primaryEmail(u).toLowerCase().endsWith(`@${domain}`));
      const rendered = mapSource(users, render);
      return listing(d, {
        kind: 'admin#directory#users',
        field: 'users',
        scope: `users?domain=${domain ?? ''}&orderBy=${orderBy ?? ''}&sortOrder=${sortOrder}&query=${query}&showDeleted=${deleted}`,
        source: keep ? filterSource(rendered, keep) : rendered,
        limit,
      });
    }),
    directoryRoute(env, { name: 'google.users.get', method: 'GET', path: '/users/:userKey', rpc: `${RPC}.Get` }, (d) => {
      enumParam(d.url, 'projection', PROJECTIONS);
      enumParam(d.url, 'viewType', VIEW_TYPES);
      const user = userByKey(tenant, d.params.userKey!);
      if (!user) throw directoryErrors.notFound('userKey');
      return directoryJson(d, render(user));
    }),
  ];
}
