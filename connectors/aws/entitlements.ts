/** The entitlements baton-aws offers on groups, roles and Identity Center groups, and grants of them. */
import { create } from '@bufbuild/protobuf';
import { EntitlementPurpose, EntitlementSchema, GrantSchema, type Entitlement, type Grant, type Resource } from '../../c1z/contract/index.js';
import { grantId, groupMemberEntitlementId, roleAssignmentEntitlementId, ssoGroupMemberEntitlementId } from './ids.js';
import { IAM_USER_TYPE, principalRef, SSO_USER_TYPE } from './resources.js';

export function groupMemberEntitlement(group: Resource): Entitlement {
  return create(EntitlementSchema, {
    id: groupMemberEntitlementId(group.id?.resource ?? ''),
    resource: group,
    displayName: `${group.displayName} Group Member`,
    description: `Member of the ${group.displayName} IAM group`,
    // IAM groups hold IAM users only.
    grantableTo: [IAM_USER_TYPE],
    purpose: EntitlementPurpose.ASSIGNMENT,
    slug: 'member',
  });
}

export function roleAssignmentEntitlement(role: Resource): Entitlement {
  return create(EntitlementSchema, {
    id: roleAssignmentEntitlementId(role.id?.resource ?? ''),
    resource: role,
    displayName: `${role.displayName} Role Assignment`,
    description: `Can assume the ${role.displayName} IAM role`,
    grantableTo: [IAM_USER_TYPE, SSO_USER_TYPE],
    purpose: EntitlementPurpose.ASSIGNMENT,
    slug: 'assignment',
  });
}

export function ssoGroupMemberEntitlement(group: Resource): Entitlement {
  return create(EntitlementSchema, {
    id: ssoGroupMemberEntitlementId(group.id?.resource ?? ''),
    resource: group,
    displayName: `${group.displayName} Group Member`,
    description: `Member of the ${group.displayName} Identity Center group`,
    grantableTo: [SSO_USER_TYPE],
    purpose: EntitlementPurpose.ASSIGNMENT,
    slug: 'member',
  });
}

export function grantOf(entitlement: Entitlement, principalType: string, principalId: string): Grant {
  return create(GrantSchema, {
    id: grantId(entitlement.id, principalType, principalId),
    entitlement,
    principal: principalRef(principalType, principalId),
  });
}
