/**
 * What the AWS simulator shows this connector for a tenant, in the connector's ids: every tenant user,
 * group and role in IAM (the connector's own user and role are not listed), every user and group in the
 * Identity Store, and each group's user members (IAM and Identity Store groups hold users only) as member
 * grants. Role assignment grants are never synced (iam-syncers.ts). A listing the permissions do not
 * allow contributes nothing.
 *
 * The simulator derives the account id and store id from its context's seed, which is the tenant's seed
 * unless a caller gives another (createContext's default, and what `serve` and scenario runs do); ARNs
 * and names come from the simulator's own IamDirectory, so they match what it serves.
 */
import { createContext } from '../../mocks/core/context.js';
import { drain, storeSource } from '../../mocks/core/paging/list-source.js';
import { ActionPolicy, defaultAllowedActions } from '../../mocks/aws/auth/action-policy.js';
import { awsAccount } from '../../mocks/aws/credentials.js';
import { IamDirectory } from '../../mocks/aws/iam/directory.js';
import type { TenantGroup, TenantStore, TenantUser } from '../../mocks/tenant/model.js';
import type { GroundTruth } from './model.js';
import {
  grantId,
  groupMemberEntitlementId,
  IAM_GROUP,
  IAM_ROLE,
  IAM_USER,
  SSO_GROUP,
  SSO_USER,
  ssoGroupArn,
  ssoGroupMemberEntitlementId,
  ssoUserArn,
} from '../../connectors/aws/ids.js';

const REGION = 'us-east-1';

export function groundTruth(tenant: TenantStore, permissions?: readonly string[]): GroundTruth {
  const seed = tenant.shape.seed;
  const account = awsAccount(createContext({ tenant, seed }), REGION);
  const dir = new IamDirectory(() => tenant, account, seed);
  const allowed = new ActionPolicy(permissions ?? defaultAllowedActions(false));
  const can = (...actions: string[]) => actions.every((a) => allowed.allows(a));

  const users = drain(storeSource((p) => tenant.users(p)));
  const groups = drain(storeSource((p) => tenant.groups(p)));
  const userMembers = (g: TenantGroup): TenantUser[] =>
    drain(storeSource((p) => tenant.members(g.seq, p)))
      .filter((m) => m.memberType === 'user')
      .map((m) => tenant.user(m.memberSeq)!);
  const store = account.identityStoreId;

  const resources: string[] = [];
  const grants: string[] = [];
  if (can('iam:ListUsers')) resources.push(...users.map((u) => `${IAM_USER}:${dir.userArn(u)}`));
  if (can('iam:ListGroups')) {
    resources.push(...groups.map((g) => `${IAM_GROUP}:${dir.groupArn(g)}`));
    if (can('iam:GetGroup')) {
      for (const g of groups) {
        const entitlement = groupMemberEntitlementId(dir.groupArn(g));
        grants.push(...userMembers(g).map((u) => grantId(entitlement, IAM_USER, dir.userArn(u))));
      }
    }
  }
  if (can('iam:ListRoles')) resources.push(...dir.roles().map((r) => `${IAM_ROLE}:${r.arn}`));
  if (can('identitystore:ListUsers')) resources.push(...users.map((u) => `${SSO_USER}:${ssoUserArn(REGION, store, u.scimId)}`));
  if (can('identitystore:ListGroups')) {
    resources.push(...groups.map((g) => `${SSO_GROUP}:${ssoGroupArn(REGION, store, g.scimId)}`));
    if (can('identitystore:ListGroupMemberships')) {
      for (const g of groups) {
        const entitlement = ssoGroupMemberEntitlementId(ssoGroupArn(REGION, store, g.scimId));
        grants.push(...userMembers(g).map((u) => grantId(entitlement, SSO_USER, ssoUserArn(REGION, store, u.scimId))));
      }
    }
  }
  return { resources: resources.sort(), grants: grants.sort() };
}

/** The name harness/ground-truth/index.ts loads a provider's ground truth by. */
