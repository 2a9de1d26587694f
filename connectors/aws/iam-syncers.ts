/**
 * IAM users, groups and roles. Listings follow IAM's `Marker` while `IsTruncated` is true and never pass
 * `MaxItems`, as baton-aws does, so pages are IAM's default size (100) or shorter: IAM may cut a page
 * short and still say it is truncated, so the connector never infers the end from a page's length.
 */
import { SyncError, type Entitlement, type Grant, type Resource, type ResourceSyncer } from '../../c1z/contract/index.js';
import type { AwsClient } from './client.js';
import { grantOf, groupMemberEntitlement, roleAssignmentEntitlement } from './entitlements.js';
import { IAM_GROUP, IAM_USER, iamNameFromArn } from './ids.js';
import { iamGroupResource, iamRoleResource, iamUserResource } from './resources.js';
import { childText, listMembers, type XmlElement } from './xml.js';

/** The next Marker, or "" on the last page. */
function nextMarker(result: XmlElement): string {
  return childText(result, 'IsTruncated') === 'true' ? (childText(result, 'Marker') ?? '') : '';
}

function markerParam(pageToken: string): Record<string, string | undefined> {
  return { Marker: pageToken || undefined };
}

const none = async () => ({ entitlements: [], nextPageToken: '' });
const noGrants = async () => ({ grants: [], nextPageToken: '' });

export function iamUserSyncer(client: AwsClient): ResourceSyncer {
  return {
    async list(_parent, pageToken) {
      const result = await client.iam('ListUsers', markerParam(pageToken));
      return { resources: listMembers(result, 'Users').map(iamUserResource), nextPageToken: nextMarker(result) };
    },
    entitlements: none,
    grants: noGrants,
  };
}

export function iamGroupSyncer(client: AwsClient): ResourceSyncer {
  const names = (principal: Resource | undefined, group: Resource | undefined) => {
    if (principal?.id?.resourceType !== IAM_USER)
      throw new SyncError('InvalidArgument', `aws connector: IAM groups hold IAM users only, not ${principal?.id?.resourceType ?? 'nothing'}`);
    if (group?.id?.resourceType !== IAM_GROUP) throw new SyncError('InvalidArgument', 'aws connector: the entitlement is not an IAM group’s');
    return { GroupName: iamNameFromArn(group.id.resource), UserName: iamNameFromArn(principal.id.resource) };
  };
  return {
    async list(_parent, pageToken) {
      const result = await client.iam('ListGroups', markerParam(pageToken));
      return { resources: listMembers(result, 'Groups').map(iamGroupResource), nextPageToken: nextMarker(result) };
    },
    async entitlements(resource) {
      return { entitlements: [groupMemberEntitlement(resource)], nextPageToken: '' };
    },
    /** GetGroup pages through the group's users (IAM groups never contain groups). */
    async grants(resource, pageToken) {
      const result = await client.iam('GetGroup', { GroupName: iamNameFromArn(resource.id?.resource ?? ''), ...markerParam(pageToken) });
      const entitlement = groupMemberEntitlement(resource);
      const grants = listMembers(result, 'Users').flatMap((user) => {
        const arn = childText(user, 'Arn');
        return arn ? [grantOf(entitlement, IAM_USER, arn)] : [];
      });
      return { grants, nextPageToken: nextMarker(result) };
    },
    async grant(principal: Resource, entitlement: Entitlement): Promise<Grant[]> {
      await client.iam('AddUserToGroup', names(principal, entitlement.resource));
      return [grantOf(entitlement, IAM_USER, principal.id!.resource)];
    },
    async revoke(grant: Grant): Promise<void> {
      await client.iam('RemoveUserFromGroup', names(grant.principal, grant.entitlement?.resource));
    },
  };
}

/**
 * Roles offer the `assignment` entitlement. Its grants are left out: IAM has no listing of who may assume
 * a role (the simulator's roles trust a SAML provider, and baton-aws derives role assignments from
 * Identity Center account assignments, which the simulator does not serve).
 */
export function iamRoleSyncer(client: AwsClient): ResourceSyncer {
  return {
    async list(_parent, pageToken) {
      const result = await client.iam('ListRoles', markerParam(pageToken));
      return { resources: listMembers(result, 'Roles').map(iamRoleResource), nextPageToken: nextMarker(result) };
    },
    async entitlements(resource) {
      return { entitlements: [roleAssignmentEntitlement(resource)], nextPageToken: '' };
    },
    grants: noGrants,
  };
}
