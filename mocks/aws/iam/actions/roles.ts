/** ListRoles: the tenant's roles (the connector's own role is not listed, see credentials.ts). */
import { arraySource } from '../../../core/paging/list-source.js';
import type { AwsEnv } from '../../env.js';
import { queryAction, type RoutedAction } from '../../query/query-route.js';
import { iamListPage, pathPrefix } from '../list-page.js';
import { roleFields } from '../render.js';

export function roleActions(env: AwsEnv, base: string): RoutedAction[] {
  const acct = env.account.accountId;
  return [
    queryAction(env, base, { service: 'iam', action: 'ListRoles', resource: (p) => `arn:aws:iam::${acct}:role${pathPrefix(p)}` }, (q) => {
      const prefix = pathPrefix(q.params);
      const roles = env.iam.roles().filter((r) => r.path.startsWith(prefix));
      return iamListPage(q, { scope: `roles:${prefix}`, field: 'Roles', source: arraySource(roles), render: roleFields });
    }),
  ];
}
