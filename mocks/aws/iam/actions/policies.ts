/**
 * ListPolicies (Scope All|AWS|Local, OnlyAttached, PathPrefix) and the attached managed policies of a
 * user, group or role.
 */
import { arraySource, filterSource, mapSource, storeSource } from '../../../core/paging/list-source.js';
import type { Policy, PolicyAttachment } from '../../../tenant/model.js';
import type { AwsEnv } from '../../env.js';
import { constraintMessage } from '../../failure.js';
import { queryAction, type QueryRequest, type RoutedAction } from '../../query/query-route.js';
import { iamErrors, requiredName } from '../iam-errors.js';
import { iamListPage, pathPrefix } from '../list-page.js';
import { attachedPolicyFields, policyFields } from '../render.js';

const SCOPES = ['All', 'AWS', 'Local'];

export function policyActions(env: AwsEnv, base: string): RoutedAction[] {
  const dir = env.iam;
  const acct = env.account.accountId;
  const tenant = () => env.ctx.tenant;

  const attached = (q: QueryRequest, scope: string, targetType: PolicyAttachment['targetType'], targetSeq: number | undefined) => {
    const prefix = pathPrefix(q.params);
    const list = targetSeq === undefined ? [] : tenant().policyAttachments({ targetType, targetSeq });
    const policies = mapSource(arraySource(list), (a) => dir.policy(a.policySeq)!);
    const source = prefix === '/' ? policies : filterSource(policies, (p: Policy) => dir.policyPath(p).startsWith(prefix));
    return iamListPage(q, { scope: `${scope}:${prefix}`, field: 'AttachedPolicies', source, render: (p) => attachedPolicyFields(dir, p) });
  };
  const arnOf = (kind: 'user' | 'group' | 'role', name: string | null) => {
    if (kind === 'user') {
      const u = name ? dir.findUser(name) : undefined;
      if (u) return dir.userArn(u);
    }
    return `arn:aws:iam::${acct}:${kind}/${name ?? ''}`;
  };

  return [
    // IAM names no ARN for this one: its denial says "on resource: policy path /" (reference C3).
    queryAction(env, base, { service: 'iam', action: 'ListPolicies', resource: (p) => `policy path ${pathPrefix(p)}` }, (q) => {
      const scope = q.params.get('Scope') ?? 'All';
      if (!SCOPES.includes(scope))
        throw iamErrors.validation(constraintMessage(scope, 'scope', `Member must satisfy enum value set: [${SCOPES.join(', ')}]`));
      const onlyAttached = q.params.get('OnlyAttached') === 'true';
      const prefix = pathPrefix(q.params);
      const keep = (p: Policy) =>
        (scope === 'All' || (scope === 'AWS') === p.awsManaged) &&
        dir.policyPath(p).startsWith(prefix) &&
        (!onlyAttached || dir.attachmentCount(p.seq) > 0);
      const source = filterSource(
        storeSource((p) => tenant().policies(p)),
        keep,
      );
      return iamListPage(q, { scope: `policies:${scope}:${onlyAttached}:${prefix}`, field: 'Policies', source, render: (p) => policyFields(dir, p) });
    }),

    queryAction(env, base, { service: 'iam', action: 'ListAttachedUserPolicies', resource: (p) => arnOf('user', p.get('UserName')) }, (q) => {
      const name = requiredName(q.params, 'UserName', 64);
      const user = dir.findUser(name);
      if (!user && name.toLowerCase() !== env.account.user.userName) throw iamErrors.noSuchUser(name);
      return attached(q, `user/${user?.seq ?? 0}/policies`, 'user', user?.seq);
    }),

    queryAction(env, base, { service: 'iam', action: 'ListAttachedGroupPolicies', resource: (p) => arnOf('group', p.get('GroupName')) }, (q) => {
      const name = requiredName(q.params, 'GroupName');
      const group = dir.findGroup(name);
      if (!group) throw iamErrors.noSuchGroup(name);
      return attached(q, `group/${group.seq}/policies`, 'group', group.seq);
    }),

    queryAction(env, base, { service: 'iam', action: 'ListAttachedRolePolicies', resource: (p) => arnOf('role', p.get('RoleName')) }, (q) => {
      const name = requiredName(q.params, 'RoleName', 64);
      const role = dir.findRole(name);
      if (!role) throw iamErrors.noSuchRole(name);
      const seq = role.tenantRole?.seq;
      return attached(q, `role/${seq ?? 0}/policies`, 'role', seq);
    }),
  ];
}
