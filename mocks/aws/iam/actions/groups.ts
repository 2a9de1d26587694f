/**
 * ListGroups and GetGroup (the group plus its users, paged). IAM groups hold users only: a tenant group
 * nested in another is left out of GetGroup's Users.
 */
import { arraySource, filterSource, mapSource, storeSource } from '../../../core/paging/list-source.js';
import type { Membership } from '../../../tenant/model.js';
import type { AwsEnv } from '../../env.js';
import { queryAction, type RoutedAction } from '../../query/query-route.js';
import { x } from '../../query/xml.js';
import { iamErrors, requiredName } from '../iam-errors.js';
import { iamListPage, pathPrefix } from '../list-page.js';
import { groupFields, userFields } from '../render.js';

export function groupActions(env: AwsEnv, base: string): RoutedAction[] {
  const dir = env.iam;
  const acct = env.account.accountId;
  const tenant = () => env.ctx.tenant;

  return [
    queryAction(env, base, { service: 'iam', action: 'ListGroups', resource: (p) => `arn:aws:iam::${acct}:group${pathPrefix(p)}` }, (q) => {
      const prefix = pathPrefix(q.params);
      const groups = storeSource((p) => tenant().groups(p));
      // Every group's path is `/`, so any longer prefix matches none.
      const source = prefix === '/' ? groups : arraySource([]);
      return iamListPage(q, { scope: `groups:${prefix}`, field: 'Groups', source, render: (g) => groupFields(dir, g) });
    }),

    queryAction(env, base, { service: 'iam', action: 'GetGroup', resource: (p) => `arn:aws:iam::${acct}:group/${p.get('GroupName') ?? ''}` }, (q) => {
      const name = requiredName(q.params, 'GroupName');
      const group = dir.findGroup(name);
      if (!group) throw iamErrors.noSuchGroup(name);
      const memberships = storeSource((p) => tenant().members(group.seq, p));
      const users = mapSource(
        filterSource(memberships, (m: Membership) => m.memberType === 'user'),
        (m) => tenant().user(m.memberSeq)!,
      );
      return iamListPage(q, {
        scope: `group/${group.seq}/users`,
        field: 'Users',
        source: users,
        render: (u) => userFields(dir, u),
        before: [x('Group', groupFields(dir, group))],
      });
    }),
  ];
}
