/** ListUsers, GetUser (no UserName: the caller) and ListGroupsForUser. */
import { filterSource, mapSource, storeSource, arraySource } from '../../../core/paging/list-source.js';
import type { TenantUser } from '../../../tenant/model.js';
import type { AwsEnv } from '../../env.js';
import { queryAction, type RoutedAction } from '../../query/query-route.js';
import { x } from '../../query/xml.js';
import { iamErrors, requiredName } from '../iam-errors.js';
import { iamListPage, pathPrefix } from '../list-page.js';
import { connectorUserFields, groupFields, userFields } from '../render.js';

export function userActions(env: AwsEnv, base: string): RoutedAction[] {
  const dir = env.iam;
  const acct = env.account.accountId;
  const tenant = () => env.ctx.tenant;
  const userArnByName = (name: string | null) => {
    const found = name ? dir.findUser(name) : undefined;
    return found ? dir.userArn(found) : `arn:aws:iam::${acct}:user/${name ?? ''}`;
  };
  const tenantUser = (params: URLSearchParams): TenantUser => {
    const name = requiredName(params, 'UserName', 64);
    const user = dir.findUser(name);
    if (!user) throw iamErrors.noSuchUser(name);
    return user;
  };

  return [
    queryAction(env, base, { service: 'iam', action: 'ListUsers', resource: (p) => `arn:aws:iam::${acct}:user${pathPrefix(p)}` }, (q) => {
      const prefix = pathPrefix(q.params);
      const users = storeSource((p) => tenant().users(p));
      const source = prefix === '/' ? users : filterSource(users, (u) => dir.userPath(u).startsWith(prefix));
      return iamListPage(q, { scope: `users:${prefix}`, field: 'Users', source, render: (u) => userFields(dir, u) });
    }),

    queryAction(
      env,
      base,
      {
        service: 'iam',
        action: 'GetUser',
        resource: (p, caller) =>
          p.get('UserName') === null ? (caller.type === 'user' ? caller.arn : caller.roleArn) : userArnByName(p.get('UserName')),
      },
      (q) => {
        const name = q.params.get('UserName');
        if (name === null) {
          if (q.principal.type !== 'user') throw iamErrors.validation('Must specify userName when calling with non-User credentials');
          return { result: [x('User', connectorUserFields(env.account.user))] };
        }
        if (name.toLowerCase() === env.account.user.userName) return { result: [x('User', connectorUserFields(env.account.user))] };
        return { result: [x('User', userFields(dir, tenantUser(q.params)))] };
      },
    ),

    queryAction(env, base, { service: 'iam', action: 'ListGroupsForUser', resource: (p) => userArnByName(p.get('UserName')) }, (q) => {
      const user = tenantUser(q.params);
      const groupSeqs = tenant()
        .memberOf('user', user.seq)
        .map((m) => m.groupSeq)
        .sort((a, b) => a - b);
      const source = mapSource(arraySource(groupSeqs), (seq) => tenant().group(seq)!);
      return iamListPage(q, { scope: `user/${user.seq}/groups`, field: 'Groups', source, render: (g) => groupFields(dir, g) });
    }),
  ];
}
