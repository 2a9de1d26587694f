/**
 * A reference AWS connector for the sync engine, shaped after baton-aws: IAM users (`iam_user`), groups
 * and roles keyed by ARN, and, when an identity store is named, Identity Center users and groups
 * (`sso_user`, `sso_group`). Group `member` grants come from GetGroup and ListGroupMemberships; IAM group
 * membership is provisioned with AddUserToGroup / RemoveUserFromGroup. Page tokens are AWS's own Markers
 * and NextTokens, handed back by the engine.
 */
import type { ResourceType, Connector, ResourceSyncer } from '../../c1z/contract/index.js';
import { AwsClient, type AwsClientOptions } from './client.js';
import { iamGroupSyncer, iamRoleSyncer, iamUserSyncer } from './iam-syncers.js';
import { IAM_GROUP, IAM_ROLE, IAM_USER, SSO_GROUP, SSO_USER } from './ids.js';
import { IAM_GROUP_TYPE, IAM_ROLE_TYPE, IAM_USER_TYPE, SSO_GROUP_TYPE, SSO_USER_TYPE } from './resources.js';
import { ssoGroupSyncer, ssoUserSyncer } from './sso-syncers.js';

export interface AwsConnectorOptions extends AwsClientOptions {
  /** Identity Center's store (`d-...`); without it only IAM is synced (baton-aws without SSO enabled). */
  identityStoreId?: string;
}

export interface AwsConnector extends Connector {
  client: AwsClient;
}

export function createAwsConnector(options: AwsConnectorOptions): AwsConnector {
  const client = new AwsClient(options);
  const types: ResourceType[] = [IAM_USER_TYPE, IAM_GROUP_TYPE, IAM_ROLE_TYPE];
  const syncers: Record<string, ResourceSyncer> = {
    [IAM_USER]: iamUserSyncer(client),
    [IAM_GROUP]: iamGroupSyncer(client),
    [IAM_ROLE]: iamRoleSyncer(client),
  };
  if (options.identityStoreId) {
    const store = { region: options.region, identityStoreId: options.identityStoreId };
    types.push(SSO_USER_TYPE, SSO_GROUP_TYPE);
    syncers[SSO_USER] = ssoUserSyncer(client, store);
    syncers[SSO_GROUP] = ssoGroupSyncer(client, store);
  }
  return { client, resourceTypes: () => [...types], syncers };
}
