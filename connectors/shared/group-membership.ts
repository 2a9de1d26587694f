/**
 * What the directory connectors (Entra, Google, SCIM) share, as the Baton connectors they follow do: `user`
 * and `group` resource types, a group's `member` entitlement (`group:<id>:member`, an assignment grantable to
 * users and groups), and membership grants `<entitlement>:<type>:<id>`, where a nested group's grant expands
 * into that group's own members.
 */
import { create } from '@bufbuild/protobuf';
import {
  packAnnotation,
  GrantExpandableSchema,
  EntitlementPurpose,
  EntitlementSchema,
  GrantSchema,
  ResourceSchema,
  ResourceTypeSchema,
  ResourceTypeTrait,
  type Entitlement,
  type Grant,
  type Resource,
  type ResourceType,
} from '../../c1z/contract/index.js';

export type MemberType = 'user' | 'group';

export const USER_RESOURCE_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'user', displayName: 'User', traits: [ResourceTypeTrait.USER] });
export const GROUP_RESOURCE_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'group', displayName: 'Group', traits: [ResourceTypeTrait.GROUP] });

export function memberEntitlementId(groupId: string): string {
  return `group:${groupId}:member`;
}

export function grantId(entitlementId: string, principalType: string, principalId: string): string {
  return `${entitlementId}:${principalType}:${principalId}`;
}

export function memberEntitlement(group: Resource): Entitlement {
  return create(EntitlementSchema, {
    id: memberEntitlementId(group.id?.resource ?? ''),
    resource: group,
    displayName: `${group.displayName} Group Member`,
    description: `Member of the ${group.displayName} group`,
    grantableTo: [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE],
    purpose: EntitlementPurpose.ASSIGNMENT,
    slug: 'member',
  });
}

export function principal(type: MemberType, id: string): Resource {
  return create(ResourceSchema, { id: { resourceType: type, resource: id } });
}

/** A group principal's grant expands into that group's own members. */
export function expandable(type: MemberType, id: string) {
  return type === 'group' ? [packAnnotation(GrantExpandableSchema, { entitlementIds: [memberEntitlementId(id)] })] : [];
}

export function membershipGrant(entitlement: Entitlement, type: MemberType, id: string): Grant {
  return create(GrantSchema, {
    id: grantId(entitlement.id, type, id),
    entitlement,
    principal: principal(type, id),
    annotations: expandable(type, id),
  });
}
