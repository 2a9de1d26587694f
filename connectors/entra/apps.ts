/**
 * Enterprise applications, as baton-azure-infrastructure syncs them: `enterprise_application` resources (APP
 * trait) keyed by the service principal's object id, an `owner` permission and one `assignment:<appRoleId>`
 * assignment per app role, with grants from the app's owners and its `appRoleAssignedTo`. Ids follow the
 * group ones (`<type>:<id>:<slug>`), so a grant id is `<entitlementId>:<principalType>:<principalId>`.
 */
import { create } from '@bufbuild/protobuf';
import {
  packAnnotation,
  GrantExpandableSchema,
  RawIdSchema,
  AppTraitSchema,
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
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, grantId, memberEntitlementId, principal } from '../shared/group-membership.js';
import { ownerGrant, type DirectoryObject } from './records.js';

export const APP_RESOURCE_TYPE: ResourceType = create(ResourceTypeSchema, {
  id: 'enterprise_application',
  displayName: 'Enterprise Application',
  traits: [ResourceTypeTrait.APP],
});

/** Entra's "assigned without a role": an assignment to the app itself rather than to one of its roles. */
export const DEFAULT_APP_ROLE_ID = '00000000-0000-0000-0000-000000000000';

/** The service principal properties the connector reads. */
export const SERVICE_PRINCIPAL_SELECT = 'id,displayName,appId,appOwnerOrganizationId,appRoles';

export interface GraphAppRole {
  id: string;
  value?: string | null;
  displayName?: string | null;
  allowedMemberTypes?: string[] | null;
}

export interface GraphServicePrincipal {
  id: string;
  displayName?: string | null;
  appId?: string | null;
  appRoles?: GraphAppRole[] | null;
}

export interface GraphAppRoleAssignment {
  appRoleId: string;
  principalId: string;
  principalType: string;
}

export function appOwnerEntitlementId(spId: string): string {
  return `enterprise_application:${spId}:owner`;
}

export function appAssignmentEntitlementId(spId: string, appRoleId: string): string {
  return `enterprise_application:${spId}:assignment:${appRoleId}`;
}

export function appResource(sp: GraphServicePrincipal): Resource {
  const trait = packAnnotation(AppTraitSchema, { profile: { id: sp.id, appId: sp.appId ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: APP_RESOURCE_TYPE.id, resource: sp.id },
    displayName: sp.displayName ?? sp.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: sp.id })],
  });
}

export function appOwnerEntitlement(app: Resource): Entitlement {
  return create(EntitlementSchema, {
    id: appOwnerEntitlementId(app.id?.resource ?? ''),
    resource: app,
    displayName: `${app.displayName} Application Owner`,
    description: `Owner of ${app.displayName} Application`,
    grantableTo: [USER_RESOURCE_TYPE],
    purpose: EntitlementPurpose.PERMISSION,
    slug: 'owner',
  });
}

/**
 * The default role's entitlement always comes first, as in the real connector: an app that gained roles
 * later still has people assigned to the app itself. Roles only applications may hold are left out.
 */
export function appAssignmentEntitlements(app: Resource, roles: readonly GraphAppRole[]): Entitlement[] {
  const spId = app.id?.resource ?? '';
  const assignment = (roleId: string, slug: string, displayName: string, description: string) =>
    create(EntitlementSchema, {
      id: appAssignmentEntitlementId(spId, roleId),
      resource: app,
      displayName,
      description,
      grantableTo: [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE],
      purpose: EntitlementPurpose.ASSIGNMENT,
      slug,
    });
  const out = [assignment(DEFAULT_APP_ROLE_ID, 'assigned', `${app.displayName} Default Access`, `Assigned to ${app.displayName} Application`)];
  for (const role of roles) {
    if (role.id === DEFAULT_APP_ROLE_ID || !(role.allowedMemberTypes ?? []).includes('User')) continue;
    const name = role.displayName || role.value || role.id;
    out.push(assignment(role.id, role.value || name, `${name} Role Assignment`, `Assigned to ${app.displayName} Application with the ${name} role`));
  }
  return out;
}

/**
 * A group's assignment reaches its direct user members only (shallow): app roles do not flow through
 * nested groups. Service principal assignees are not synced.
 */
export function appRoleGrant(app: Resource, a: GraphAppRoleAssignment): Grant[] {
  const type = a.principalType === 'User' ? 'user' : a.principalType === 'Group' ? 'group' : undefined;
  if (!type) return [];
  const entitlement = create(EntitlementSchema, { id: appAssignmentEntitlementId(app.id?.resource ?? '', a.appRoleId), resource: app });
  const annotations =
    type === 'group'
      ? [
          packAnnotation(GrantExpandableSchema, {
            entitlementIds: [memberEntitlementId(a.principalId)],
            shallow: true,
            resourceTypeIds: [USER_RESOURCE_TYPE.id],
          }),
        ]
      : [];
  return [
    create(GrantSchema, { id: grantId(entitlement.id, type, a.principalId), entitlement, principal: principal(type, a.principalId), annotations }),
  ];
}

/** Owners are users (service principals owning an app are not synced), like a group's. */
export function appOwnerGrant(app: Resource, object: DirectoryObject): Grant[] {
  return object['@odata.type'] === '#microsoft.graph.user' ? ownerGrant(appOwnerEntitlement(app), object) : [];
}
