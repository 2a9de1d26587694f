/**
 * ListUsers, ListGroups and ListGroupMemberships. The deprecated `Filters` (one equality on `UserName`
 * or `DisplayName`) are honoured. Identity Store groups hold users only: nested tenant groups are left
 * out of a group's memberships.
 */
import { arraySource, filterSource, mapSource, storeSource, type ListSource } from '../../core/paging/list-source.js';
import type { Membership, TenantGroup } from '../../tenant/model.js';
import type { AwsEnv } from '../env.js';
import { constraintMessage } from '../failure.js';
import type { RoutedAction } from '../query/query-route.js';
import { identityStoreErrors, jsonOperation, type JsonRequest } from './json-route.js';
import { identityStorePage } from './list-page.js';
import { storeGroup, storeMembership, storeUser } from './render.js';

const GROUP_ID = /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;

export function identityStoreActions(env: AwsEnv, base: string): RoutedAction[] {
  const storeId = env.account.identityStoreId;
  const tenant = () => env.ctx.tenant;

  return [
    jsonOperation(env, base, 'ListUsers', (j) => {
      const filter = singleFilter(j, 'UserName');
      let source = storeSource((p) => tenant().users(p));
      if (filter !== undefined) {
        const found = tenant().findUser(filter);
        source = arraySource(found && found.userPrincipalName.toLowerCase() === filter.toLowerCase() ? [found] : []);
      }
      return identityStorePage(j, { scope: `users:${filter ?? ''}`, field: 'Users', source, render: (u) => storeUser(storeId, u) });
    }),

    jsonOperation(env, base, 'ListGroups', (j) => {
      const filter = singleFilter(j, 'DisplayName');
      const groups: ListSource<TenantGroup> = storeSource((p) => tenant().groups(p));
      const source = filter === undefined ? groups : filterSource(groups, (g) => g.displayName === filter);
      return identityStorePage(j, { scope: `groups:${filter ?? ''}`, field: 'Groups', source, render: (g) => storeGroup(storeId, g) });
    }),

    jsonOperation(env, base, 'ListGroupMemberships', (j) => {
      const groupId = j.body.GroupId;
      if (groupId === undefined || groupId === null)
        throw identityStoreErrors.validation(constraintMessage(undefined, 'groupId', 'Member must not be null'));
      if (typeof groupId !== 'string' || !GROUP_ID.test(groupId)) {
        throw identityStoreErrors.validation(
          constraintMessage(groupId, 'groupId', `Member must satisfy regular expression pattern: ${GROUP_ID.source}`),
        );
      }
      const found = tenant().findGroup(groupId);
      if (!found || found.scimId !== groupId) throw identityStoreErrors.notFound('GROUP', groupId, 'GROUP not found.');
      const group = found;
      const users = mapSource(
        filterSource(
          storeSource((p) => tenant().members(group.seq, p)),
          (m: Membership) => m.memberType === 'user',
        ),
        (m) => tenant().user(m.memberSeq)!,
      );
      return identityStorePage(j, {
        scope: `group/${group.seq}/memberships`,
        field: 'GroupMemberships',
        source: users,
        render: (u) => storeMembership(storeId, env.ctx.seed, group, u),
      });
    }),
  ];
}

/** The value of a one-element `Filters` on `path`; other filters are refused. */
function singleFilter(j: JsonRequest, path: string): string | undefined {
  const filters = j.body.Filters;
  if (filters === undefined || (Array.isArray(filters) && filters.length === 0)) return undefined;
  const only = Array.isArray(filters) && filters.length === 1 ? (filters[0] as Record<string, unknown>) : undefined;
  if (!only || only.AttributePath !== path || typeof only.AttributeValue !== 'string') {
    throw identityStoreErrors.validation(`Filters support only one filter on ${path}.`);
  }
  return only.AttributeValue;
}
