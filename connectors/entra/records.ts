/**
 * How Graph objects become the Entra connector's records: `user` and `group` resources keyed by object id
 * (with a RawId annotation), the group's `member` and `owner` entitlements, and grants whose principal type
 * comes from `@odata.type`. Shared by the syncers, the provisioner and the buggy variants.
 */
import { create } from '@bufbuild/protobuf';
import {
  packAnnotation,
  RawIdSchema,
  AccountType,
  GroupTraitSchema,
  UserStatus,
  UserTraitSchema,
  EntitlementPurpose,
  EntitlementSchema,
  GrantSchema,
  ResourceSchema,
  type Entitlement,
  type Grant,
  type Resource,
} from '../../c1z/contract/index.js';
import {
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
  grantId,
  memberEntitlement,
  memberEntitlementId,
  membershipGrant,
  principal,
} from '../shared/group-membership.js';

export { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, memberEntitlement, memberEntitlementId };

export const ODATA_USER = '#microsoft.graph.user';
export const ODATA_GROUP = '#microsoft.graph.group';

/** The user properties the connector reads: the user trait's fields and nothing else. */
export const USER_SELECT = 'id,displayName,userPrincipalName,mail,accountEnabled,userType';

export interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
}

export interface GraphGroup {
  id: string;
  displayName?: string | null;
  mail?: string | null;
}

export interface DirectoryObject {
  id: string;
  '@odata.type'?: string;
}

export function ownerEntitlementId(groupId: string): string {
  return `group:${groupId}:owner`;
}

export function userResource(user: GraphUser): Resource {
  const emails = user.mail ? [{ address: user.mail, isPrimary: true }] : [];
  const enabled = user.accountEnabled !== false;
  const trait = packAnnotation(UserTraitSchema, {
    emails,
    login: user.userPrincipalName ?? '',
    status: { status: enabled ? UserStatus.ENABLED : UserStatus.DISABLED, details: '' },
    accountType: AccountType.HUMAN,
    profile: {
      id: user.id,
      userPrincipalName: user.userPrincipalName ?? null,
      mail: user.mail ?? null,
      userType: user.userType ?? null,
    },
  });
  return create(ResourceSchema, {
    id: { resourceType: 'user', resource: user.id },
    displayName: user.displayName ?? user.userPrincipalName ?? user.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: user.id })],
  });
}

export function groupResource(group: GraphGroup): Resource {
  const trait = packAnnotation(GroupTraitSchema, { profile: { id: group.id, mail: group.mail ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: 'group', resource: group.id },
    displayName: group.displayName ?? group.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: group.id })],
  });
}

export function ownerEntitlement(group: Resource): Entitlement {
  const id = group.id?.resource ?? '';
  return create(EntitlementSchema, {
    id: ownerEntitlementId(id),
    resource: group,
    displayName: `${group.displayName} Group Owner`,
    description: `Owner of the ${group.displayName} group`,
    grantableTo: [USER_RESOURCE_TYPE],
    purpose: EntitlementPurpose.PERMISSION,
    slug: 'owner',
  });
}

/** `user` or `group` from `@odata.type`; service principals, devices and contacts are not synced. */
function principalType(object: DirectoryObject): 'user' | 'group' | undefined {
  switch (object['@odata.type']) {
    case ODATA_USER:
      return 'user';
    case ODATA_GROUP:
      return 'group';
    default:
      return undefined;
  }
}

export function memberGrant(entitlement: Entitlement, object: DirectoryObject): Grant[] {
  const type = principalType(object);
  if (!type) return [];
  return [membershipGrant(entitlement, type, object.id)];
}

export function ownerGrant(entitlement: Entitlement, object: DirectoryObject): Grant[] {
  const type = principalType(object);
  if (!type) return [];
  return [create(GrantSchema, { id: grantId(entitlement.id, type, object.id), entitlement, principal: principal(type, object.id) })];
}
