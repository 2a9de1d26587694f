/**
 * STS: GetCallerIdentity (anyone may call it) and AssumeRole. AssumeRole needs `sts:AssumeRole` in the
 * caller's policy and a trust policy naming the caller (and the external id, when the connector role
 * requires one); anything else, an unknown role included, is AccessDenied without IAM's "because ..."
 * clause. Sessions expire by the simulation clock.
 */
import type { AwsEnv } from '../env.js';
import { AwsFailure } from '../failure.js';
import { isoSeconds } from '../ids.js';
import { queryAction, type RoutedAction } from '../query/query-route.js';
import { x } from '../query/xml.js';
import { assumeRoleRequest } from './assume-role-request.js';

export function stsActions(env: AwsEnv, base: string): RoutedAction[] {
  return [
    queryAction(env, base, { service: 'sts', action: 'GetCallerIdentity' }, (q) => ({
      result: [x('Arn', q.principal.arn), x('UserId', q.principal.userId), x('Account', q.principal.accountId)],
    })),

    queryAction(env, base, { service: 'sts', action: 'AssumeRole', resource: (p) => p.get('RoleArn') ?? '' }, (q) => {
      const ask = assumeRoleRequest(q.params);
      const denied = new AwsFailure(
        403,
        'AccessDenied',
        `User: ${q.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${ask.roleArn}`,
      );
      const role = env.iam.findRoleByArn(ask.roleArn);
      if (!role || role.tenantRole) throw denied;
      // The connector role trusts the connector's user only (no role chaining into it).
      if (q.principal.type !== 'user' || q.principal.arn !== env.account.user.arn) throw denied;
      if (env.externalId !== undefined && ask.externalId !== env.externalId) throw denied;
      if (ask.durationSeconds > role.maxSessionDuration) {
        throw new AwsFailure(400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
      }
      const expiration = new Date(env.ctx.clock().getTime() + ask.durationSeconds * 1000);
      const session = env.keys.issue(
        { arn: role.arn, roleName: role.roleName, roleId: role.roleId, accountId: env.account.accountId },
        ask.sessionName,
        expiration,
      );
      env.ctx.issued.add('aws session secret access key', session.secretAccessKey);
      env.ctx.issued.add('aws session token', session.sessionToken);
      return {
        result: [
          x('Credentials', [
            x('AccessKeyId', session.accessKeyId),
            x('SecretAccessKey', session.secretAccessKey),
            x('SessionToken', session.sessionToken),
            x('Expiration', isoSeconds(expiration)),
          ]),
          x('AssumedRoleUser', [x('AssumedRoleId', session.principal.userId), x('Arn', session.principal.arn)]),
        ],
      };
    }),
  ];
}
