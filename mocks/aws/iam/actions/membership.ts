/**
 * AddUserToGroup and RemoveUserFromGroup, the membership writes provisioning makes. Both need
 * `writeBack` and the action allowed. Adding a user already in the group succeeds and changes nothing:
 * the API reference lists no EntityAlreadyExists for it (only LimitExceeded, NoSuchEntity,
 * ServiceFailure). Removing a user who is not a member also succeeds here; that case is not verified.
 */
import type { AwsEnv } from '../../env.js';
import { queryAction, type QueryRequest, type RoutedAction } from '../../query/query-route.js';
import { iamErrors, requiredName } from '../iam-errors.js';

export function membershipActions(env: AwsEnv, base: string): RoutedAction[] {
  const dir = env.iam;
  const acct = env.account.accountId;
  const groupArn = (p: URLSearchParams) => `arn:aws:iam::${acct}:group/${p.get('GroupName') ?? ''}`;
  const resolve = (q: QueryRequest) => {
    const groupName = requiredName(q.params, 'GroupName');
    const userName = requiredName(q.params, 'UserName', 64);
    const group = dir.findGroup(groupName);
    if (!group) throw iamErrors.noSuchGroup(groupName);
    const user = dir.findUser(userName);
    if (!user) throw iamErrors.noSuchUser(userName);
    return { groupSeq: group.seq, memberType: 'user' as const, memberSeq: user.seq };
  };

  return [
    queryAction(env, base, { service: 'iam', action: 'AddUserToGroup', resource: groupArn, write: true }, (q) => {
      env.ctx.tenant.addMember(resolve(q));
      return {};
    }),
    queryAction(env, base, { service: 'iam', action: 'RemoveUserFromGroup', resource: groupArn, write: true }, (q) => {
      env.ctx.tenant.removeMember(resolve(q));
      return {};
    }),
  ];
}
