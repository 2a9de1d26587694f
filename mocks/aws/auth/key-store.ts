/**
 * The access keys the simulator honours: the connector's long-term key, and every session STS issued
 * (`ASIA...` + secret + session token + expiration). Expiry is judged by the simulation clock, never the
 * wall clock the SDK signs with, so a test moves `ctx.clock` to expire a session.
 */
import { awsSecret, awsUniqueId, sessionToken } from '../ids.js';
import type { AwsAccount } from '../credentials.js';
import type { AssumedRolePrincipal, UserPrincipal } from './principal.js';

export interface LongTermKey {
  kind: 'long-term';
  accessKeyId: string;
  secretAccessKey: string;
  principal: UserPrincipal;
}

export interface SessionKey {
  kind: 'session';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  principal: AssumedRolePrincipal;
}

export type AccessKey = LongTermKey | SessionKey;

export class KeyStore {
  readonly longTerm: LongTermKey;
  private readonly sessions = new Map<string, SessionKey>();
  private issued = 0;

  constructor(
    private readonly seed: number,
    account: AwsAccount,
  ) {
    this.longTerm = {
      kind: 'long-term',
      accessKeyId: account.accessKeyId,
      secretAccessKey: account.secretAccessKey,
      principal: { type: 'user', arn: account.user.arn, userId: account.user.userId, userName: account.user.userName, accountId: account.accountId },
    };
  }

  find(accessKeyId: string): AccessKey | undefined {
    return accessKeyId === this.longTerm.accessKeyId ? this.longTerm : this.sessions.get(accessKeyId);
  }

  /** A new role session; the n-th of the run, so its key, secret and token repeat with the seed. */
  issue(role: { arn: string; roleName: string; roleId: string; accountId: string }, sessionName: string, expiration: Date): SessionKey {
    const n = ++this.issued;
    const session: SessionKey = {
      kind: 'session',
      accessKeyId: awsUniqueId('ASIA', this.seed, `session-key:${n}`),
      secretAccessKey: awsSecret(this.seed, `session-secret:${n}`),
      sessionToken: sessionToken(this.seed, n),
      expiration,
      principal: {
        type: 'assumed-role',
        arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`,
        userId: `${role.roleId}:${sessionName}`,
        roleArn: role.arn,
        roleName: role.roleName,
        roleId: role.roleId,
        sessionName,
        accountId: role.accountId,
      },
    };
    this.sessions.set(session.accessKeyId, session);
    return session;
  }
}
