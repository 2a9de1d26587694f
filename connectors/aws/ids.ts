/**
 * The connector's ids, as baton-aws writes them (reference baton-c1z.md section 6): IAM resources are
 * keyed by ARN, Identity Center users and groups by a synthesized
 * `arn:aws:identitystore:<region>::<storeId>/user/<userId>` (and `/group/<groupId>`). Entitlement ids are
 * `<type>:<resourceId>:<slug>`, grant ids `<entitlementId>:<principalType>:<principalId>`.
 */

export const IAM_USER = 'iam_user';
export const IAM_GROUP = 'group';
export const IAM_ROLE = 'role';
export const SSO_USER = 'sso_user';
export const SSO_GROUP = 'sso_group';

export function groupMemberEntitlementId(groupArn: string): string {
  return `${IAM_GROUP}:${groupArn}:member`;
}

export function roleAssignmentEntitlementId(roleArn: string): string {
  return `${IAM_ROLE}:${roleArn}:assignment`;
}

export function ssoGroupMemberEntitlementId(ssoGroupArn: string): string {
  return `${SSO_GROUP}:${ssoGroupArn}:member`;
}

export function grantId(entitlementId: string, principalType: string, principalId: string): string {
  return `${entitlementId}:${principalType}:${principalId}`;
}

export function ssoUserArn(region: string, storeId: string, userId: string): string {
  return `arn:aws:identitystore:${region}::${storeId}/user/${userId}`;
}

export function ssoGroupArn(region: string, storeId: string, groupId: string): string {
  return `arn:aws:identitystore:${region}::${storeId}/group/${groupId}`;
}

/**
 * The entity name in an IAM ARN: what follows the last `/` of the resource part
 * (`arn:aws:iam::123456789012:user/external/jane@fabrikam.example` -> `jane@fabrikam.example`).
 * IAM names cannot contain `/`, paths always end with one.
 */
export function iamNameFromArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** The store's group or user id at the end of a synthesized Identity Store ARN. */
export function identityStoreIdFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
