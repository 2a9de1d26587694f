/**
 * Resource types and resource messages, after baton-aws: IAM users, groups and roles keyed by ARN with
 * the IAM unique id (AIDA..., AGPA..., AROA...) as RawId; Identity Center users and groups keyed by their
 * synthesized ARN with the store's id as RawId.
 */
import { create } from '@bufbuild/protobuf';
import {
  packAnnotation,
  RawIdSchema,
  AccountType,
  GroupTraitSchema,
  RoleTraitSchema,
  UserStatus,
  UserTraitSchema,
  ResourceSchema,
  ResourceTypeSchema,
  ResourceTypeTrait,
  type Resource,
  type ResourceType,
} from '../../c1z/contract/index.js';
import { IAM_GROUP, IAM_ROLE, IAM_USER, SSO_GROUP, SSO_USER, ssoGroupArn, ssoUserArn } from './ids.js';
import { childText, type XmlElement } from './xml.js';

export const IAM_USER_TYPE: ResourceType = create(ResourceTypeSchema, { id: IAM_USER, displayName: 'IAM User', traits: [ResourceTypeTrait.USER] });
export const IAM_GROUP_TYPE: ResourceType = create(ResourceTypeSchema, {
  id: IAM_GROUP,
  displayName: 'IAM Group',
  traits: [ResourceTypeTrait.GROUP],
});
export const IAM_ROLE_TYPE: ResourceType = create(ResourceTypeSchema, { id: IAM_ROLE, displayName: 'IAM Role', traits: [ResourceTypeTrait.ROLE] });
export const SSO_USER_TYPE: ResourceType = create(ResourceTypeSchema, { id: SSO_USER, displayName: 'SSO User', traits: [ResourceTypeTrait.USER] });
export const SSO_GROUP_TYPE: ResourceType = create(ResourceTypeSchema, {
  id: SSO_GROUP,
  displayName: 'SSO Group',
  traits: [ResourceTypeTrait.GROUP],
});

/** A member of an IAM list, with the fields every user/group/role member has. */
function iamFields(member: XmlElement, nameField: string, idField: string) {
  const arn = childText(member, 'Arn');
  const uniqueId = childText(member, idField);
  if (!arn || !uniqueId) throw new Error(`IAM answer: a ${member.name} without Arn or ${idField}`);
  return { arn, uniqueId, name: childText(member, nameField) ?? arn, path: childText(member, 'Path') ?? '/' };
}

export function iamUserResource(member: XmlElement): Resource {
  const { arn, uniqueId, name, path } = iamFields(member, 'UserName', 'UserId');
  const trait = packAnnotation(UserTraitSchema, {
    login: name,
    status: { status: UserStatus.ENABLED, details: '' },
    accountType: AccountType.HUMAN,
    profile: { aws_arn: arn, aws_path: path, aws_user_type: 'iam', user_name: name, user_id: uniqueId },
  });
  return create(ResourceSchema, {
    id: { resourceType: IAM_USER, resource: arn },
    displayName: name,
    annotations: [trait, packAnnotation(RawIdSchema, { id: uniqueId })],
  });
}

export function iamGroupResource(member: XmlElement): Resource {
  const { arn, uniqueId, name, path } = iamFields(member, 'GroupName', 'GroupId');
  const trait = packAnnotation(GroupTraitSchema, { profile: { aws_arn: arn, aws_path: path, name } });
  return create(ResourceSchema, {
    id: { resourceType: IAM_GROUP, resource: arn },
    displayName: name,
    annotations: [trait, packAnnotation(RawIdSchema, { id: uniqueId })],
  });
}

export function iamRoleResource(member: XmlElement): Resource {
  const { arn, uniqueId, name, path } = iamFields(member, 'RoleName', 'RoleId');
  const trait = packAnnotation(RoleTraitSchema, { profile: { aws_arn: arn, aws_path: path, name } });
  return create(ResourceSchema, {
    id: { resourceType: IAM_ROLE, resource: arn },
    displayName: name,
    description: childText(member, 'Description') ?? '',
    annotations: [trait, packAnnotation(RawIdSchema, { id: uniqueId })],
  });
}

export interface StoreUser {
  UserId: string;
  UserName?: string;
  DisplayName?: string;
  Emails?: Array<{ Value?: string; Primary?: boolean }>;
  UserStatus?: string;
}

export interface StoreGroup {
  GroupId: string;
  DisplayName?: string;
  Description?: string;
}

export function ssoUserResource(region: string, storeId: string, user: StoreUser): Resource {
  const arn = ssoUserArn(region, storeId, user.UserId);
  const emails = (user.Emails ?? []).filter((e) => e.Value).map((e) => ({ address: e.Value!, isPrimary: e.Primary === true }));
  // Stores that predate user status report none; those users can sign in.
  const enabled = user.UserStatus !== 'DISABLED';
  const trait = packAnnotation(UserTraitSchema, {
    emails,
    login: user.UserName ?? '',
    status: { status: enabled ? UserStatus.ENABLED : UserStatus.DISABLED, details: '' },
    accountType: AccountType.HUMAN,
    profile: { aws_arn: arn, aws_user_type: 'sso', user_name: user.UserName ?? null, user_id: user.UserId },
  });
  return create(ResourceSchema, {
    id: { resourceType: SSO_USER, resource: arn },
    displayName: user.DisplayName ?? user.UserName ?? user.UserId,
    annotations: [trait, packAnnotation(RawIdSchema, { id: user.UserId })],
  });
}

export function ssoGroupResource(region: string, storeId: string, group: StoreGroup): Resource {
  const arn = ssoGroupArn(region, storeId, group.GroupId);
  const trait = packAnnotation(GroupTraitSchema, { profile: { aws_arn: arn, group_id: group.GroupId, name: group.DisplayName ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: SSO_GROUP, resource: arn },
    displayName: group.DisplayName ?? group.GroupId,
    description: group.Description ?? '',
    annotations: [trait, packAnnotation(RawIdSchema, { id: group.GroupId })],
  });
}

/** A bare principal reference for a grant. */
export function principalRef(resourceType: string, id: string): Resource {
  return create(ResourceSchema, { id: { resourceType, resource: id } });
}
