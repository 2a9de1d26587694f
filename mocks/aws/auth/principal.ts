/** Who signed a request: the connector's IAM user (long-term key) or a role session (STS credentials). */

export interface UserPrincipal {
  type: 'user';
  /** `arn:aws:iam::<acct>:user/<path><name>`. */
  arn: string;
  /** The user's unique id (`AIDA...`), what GetCallerIdentity calls UserId. */
  userId: string;
  userName: string;
  accountId: string;
}

export interface AssumedRolePrincipal {
  type: 'assumed-role';
  /** `arn:aws:sts::<acct>:assumed-role/<role>/<session>`. */
  arn: string;
  /** `AROA...:<session>`. */
  userId: string;
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  accountId: string;
}

export type Principal = UserPrincipal | AssumedRolePrincipal;
