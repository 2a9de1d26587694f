/**
 * The AWS account a connector is handed: its id, one long-term access key belonging to a dedicated IAM
 * user, the role that user may assume, and the Identity Center store. All derived from the run's seed.
 *
 * Decision: the connector's own user and role are not tenant entities and are left out of ListUsers and
 * ListRoles, so a listing equals the tenant exactly (what a sync diff compares against). GetUser, STS and
 * ListAttachedRolePolicies know them.
 */
import type { SimContext } from '../core/context.js';
import { REFERENCE_DATE } from '../tenant/entity-random.js';
import { awsAccountId, awsSecret, awsUniqueId, identityStoreId, seededDate } from './ids.js';

export interface AwsCredentials {
  accessKeyId: string;
  /** Never journaled: request bodies and headers are not stored, and the journal redacts signature parts. */
  secretAccessKey: string;
  accountId: string;
  region: string;
  identityStoreId: string;
  /** A role the access key's user may assume (its trust policy names that user). */
  roleArn: string;
}

export interface ConnectorUser {
  userName: string;
  userId: string;
  path: string;
  arn: string;
  createDate: string;
}

interface ConnectorRole {
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  createDate: string;
  /** Long enough for the whole DurationSeconds range (900 to 43200). */
  maxSessionDuration: number;
}

export interface AwsAccount extends AwsCredentials {
  user: ConnectorUser;
  role: ConnectorRole;
}

const CONNECTOR_USER_NAME = 'sync-harness-connector';
const CONNECTOR_ROLE_NAME = 'SyncHarnessConnectorRole';

export function awsAccount(ctx: SimContext, region: string): AwsAccount {
  const { seed } = ctx;
  const accountId = awsAccountId(seed);
  return {
    accessKeyId: awsUniqueId('AKIA', seed, 'access-key-id'),
    secretAccessKey: awsSecret(seed, 'secret-access-key'),
    accountId,
    region,
    identityStoreId: identityStoreId(seed),
    roleArn: `arn:aws:iam::${accountId}:role/${CONNECTOR_ROLE_NAME}`,
    user: {
      userName: CONNECTOR_USER_NAME,
      userId: awsUniqueId('AIDA', seed, 'connector-user-id'),
      path: '/',
      arn: `arn:aws:iam::${accountId}:user/${CONNECTOR_USER_NAME}`,
      createDate: seededDate(seed, 'connector-user-created', REFERENCE_DATE),
    },
    role: {
      roleName: CONNECTOR_ROLE_NAME,
      roleId: awsUniqueId('AROA', seed, 'connector-role-id'),
      path: '/',
      arn: `arn:aws:iam::${accountId}:role/${CONNECTOR_ROLE_NAME}`,
      createDate: seededDate(seed, 'connector-role-created', REFERENCE_DATE),
      maxSessionDuration: 43_200,
    },
  };
}
