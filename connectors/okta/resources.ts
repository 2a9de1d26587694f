/**
 * What the Okta connector writes, shaped after baton-okta: `user` (Okta user id, `00u…`), `group` (`00g…`),
 * `role` (the standard role type, `SUPER_ADMIN`…) and `app` (`0oa…`) resources, each with a RawId; a
 * group's `member`, a role's `assigned` and an app's `access` entitlements; grants named
 * `<entitlementId>:<principalType>:<principalId>`, where a group principal expands into that group's members.
 */
import { create } from '@bufbuild/protobuf';
import {
  packAnnotation,
  RawIdSchema,
  AccountType,
  AppTraitSchema,
  GroupTraitSchema,
  RoleTraitSchema,
  UserStatus,
  UserTraitSchema,
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
import { expandable, GROUP_RESOURCE_TYPE, grantId, principal, USER_RESOURCE_TYPE, type MemberType } from '../shared/group-membership.js';

export { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE };

export const ROLE_RESOURCE_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'role', displayName: 'Role', traits: [ResourceTypeTrait.ROLE] });
export const APP_RESOURCE_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'app', displayName: 'App', traits: [ResourceTypeTrait.APP] });

/** Statuses baton-okta counts as a disabled account; every other status is an enabled one. */
const DISABLED = new Set(['SUSPENDED', 'DEPROVISIONED']);

export interface OktaUser {
  id: string;
  status?: string;
  profile?: { login?: string; email?: string; firstName?: string; lastName?: string; displayName?: string };
}
export interface OktaGroup {
  id: string;
  type?: string;
  profile?: { name?: string; description?: string };
}
export interface OktaRoleAssignment {
  id: string;
  type?: string;
  label?: string;
  status?: string;
  assignmentType?: string;
}
export interface OktaApp {
  id: string;
  name?: string;
  label?: string;
  status?: string;
}
/** `/apps/{id}/users`: `scope` USER is a direct assignment, GROUP one through an assigned group. */
export interface OktaAppUser {
  id: string;
  scope?: string;
}
export interface OktaAppGroup {
  id: string;
}

export const roleEntitlementId = (roleType: string) => `role:${roleType}:assigned`;
export const appEntitlementId = (appId: string) => `app:${appId}:access`;
export const roleGrantId = (roleType: string, type: MemberType, id: string) => grantId(roleEntitlementId(roleType), type, id);
export const appGrantId = (appId: string, type: MemberType, id: string) => grantId(appEntitlementId(appId), type, id);

export function userResource(user: OktaUser): Resource {
  const p = user.profile ?? {};
  const email = p.email ?? '';
  const status = user.status ?? '';
  const name = p.displayName || [p.firstName, p.lastName].filter(Boolean).join(' ');
  const trait = packAnnotation(UserTraitSchema, {
    emails: email ? [{ address: email, isPrimary: true }] : [],
    login: p.login ?? email,
    status: { status: DISABLED.has(status) ? UserStatus.DISABLED : UserStatus.ENABLED, details: status },
    accountType: AccountType.HUMAN,
    profile: { id: user.id, login: p.login ?? null, status },
  });
  return create(ResourceSchema, {
    id: { resourceType: 'user', resource: user.id },
    displayName: name || p.login || user.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: user.id })],
  });
}

export function groupResource(group: OktaGroup): Resource {
  const trait = packAnnotation(GroupTraitSchema, { profile: { id: group.id, type: group.type ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: 'group', resource: group.id },
    displayName: group.profile?.name || group.id,
    description: group.profile?.description ?? '',
    annotations: [trait, packAnnotation(RawIdSchema, { id: group.id })],
  });
}

export function roleResource(type: string, label: string): Resource {
  return create(ResourceSchema, {
    id: { resourceType: 'role', resource: type },
    displayName: label,
    annotations: [packAnnotation(RoleTraitSchema, { profile: { type, label } }), packAnnotation(RawIdSchema, { id: type })],
  });
}

export function appResource(app: OktaApp): Resource {
  const trait = packAnnotation(AppTraitSchema, { profile: { id: app.id, name: app.name ?? null, status: app.status ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: 'app', resource: app.id },
    displayName: app.label || app.name || app.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: app.id })],
  });
}

export function roleEntitlement(role: Resource): Entitlement {
  return create(EntitlementSchema, {
    id: roleEntitlementId(role.id?.resource ?? ''),
    resource: role,
    displayName: `${role.displayName} Role`,
    description: `Has the ${role.displayName} role`,
    grantableTo: [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE],
    purpose: EntitlementPurpose.ASSIGNMENT,
    slug: 'assigned',
  });
}

export function appEntitlement(app: Resource): Entitlement {
  return create(EntitlementSchema, {
    id: appEntitlementId(app.id?.resource ?? ''),
    resource: app,
    displayName: `${app.displayName} App Access`,
    description: `Assigned to the ${app.displayName} app`,
    grantableTo: [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE],
    purpose: EntitlementPurpose.ASSIGNMENT,
    slug: 'access',
  });
}

/** A grant on `entitlement` (of another resource than the one being synced, for roles) to a principal. */
export function grantTo(entitlement: Entitlement, type: MemberType, id: string): Grant {
  const grant = { id: grantId(entitlement.id, type, id), entitlement, principal: principal(type, id), annotations: expandable(type, id) };
  return create(GrantSchema, grant);
}
