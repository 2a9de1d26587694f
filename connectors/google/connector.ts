/**
 * A reference Google Workspace connector for the sync engine, shaped after baton-google-workspace (reference
 * baton-c1z §6): `user` (Google user id), `group` (group id) and `role` (numeric roleId) resources, each
 * with a RawId; group and role `member` entitlements; group membership grants to users and groups (a group
 * member's grant expands into that group's members) and role grants keyed by the roleAssignmentId. Page
 * sizes are the real connector's; page tokens are Google's `nextPageToken`s. Membership can be provisioned
 * (members.insert / members.delete).
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
  type Connector,
  type ResourceSyncer,
  ConnectorHttpError,
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
import { GoogleClient, type GoogleClientOptions } from './client.js';
import { WRITE_MEMBERS_SCOPE, type ReadKind } from './scopes.js';
import {
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
  expandable,
  grantId,
  memberEntitlement,
  memberEntitlementId,
  membershipGrant,
  principal,
} from '../shared/group-membership.js';

export { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, memberEntitlementId as groupMemberEntitlementId };

export interface GoogleConnectorOptions extends GoogleClientOptions {
  /** `customer` of the user, group and role listings: the customer id, or `my_customer`. */
  customerId: string;
  /** `maxResults` per listing, in place of {@link PAGE_SIZES} (the `groups-page-size-500` variant). */
  pageSizes?: Partial<Record<keyof typeof PAGE_SIZES, number>>;
}

export interface GoogleConnector extends Connector {
  client: GoogleClient;
}

/** baton-google-workspace's `maxResults` (pkg/client/client.go). */
export const PAGE_SIZES = { users: 200, groups: 200, members: 200, roles: 100, roleAssignments: 100 } as const;

export const ROLE_RESOURCE_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'role', displayName: 'Role', traits: [ResourceTypeTrait.ROLE] });

interface ListAnswer {
  nextPageToken?: string;
}
interface GoogleUser {
  id: string;
  primaryEmail?: string;
  name?: { fullName?: string };
  suspended?: boolean;
  isAdmin?: boolean;
  orgUnitPath?: string;
}
interface GoogleGroup {
  id: string;
  email?: string;
  name?: string;
}
interface GoogleMember {
  id: string;
  email?: string;
  type?: string;
}
interface GoogleRole {
  roleId: string;
  roleName?: string;
  roleDescription?: string;
}
interface GoogleRoleAssignment {
  roleAssignmentId: string;
  assignedTo: string;
  assigneeType?: string;
}

export function roleMemberEntitlementId(roleId: string): string {
  return `role:${roleId}:member`;
}
/** `<entitlementId>:<principalType>:<principalId>`, as the SDK names a grant. */
export function membershipGrantId(groupId: string, principalType: 'user' | 'group', principalId: string): string {
  return grantId(memberEntitlementId(groupId), principalType, principalId);
}

const EMPTY = { nextPageToken: '' };

export function createGoogleConnector(options: GoogleConnectorOptions): GoogleConnector {
  const client = new GoogleClient(options);
  const customer = encodeURIComponent(options.customerId || 'my_customer');
  const page = (token: string) => (token ? `&pageToken=${encodeURIComponent(token)}` : '');
  const sizes = { ...PAGE_SIZES, ...options.pageSizes };

  /** Runs `read` with the kind's scope, or answers `empty` when delegation grants none of its scopes. */
  async function withScope<T>(kind: ReadKind, empty: T, read: (scope: string) => Promise<T>): Promise<T> {
    const scope = await client.readScope(kind);
    if (scope === undefined) {
      // Without users there is nothing worth a sync: fail loudly rather than write an empty file.
      if (kind === 'users')
        throw client.refusal(kind) ?? new ConnectorHttpError(401, { message: 'domain-wide delegation grants none of the user scopes' });
      return empty;
    }
    return read(scope);
  }

  const userSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      return withScope('users', { resources: [], ...EMPTY }, async (scope) => {
        const answer = await client.get<ListAnswer & { users?: GoogleUser[] }>(
          scope,
          `/users?customer=${customer}&orderBy=email&projection=full&maxResults=${sizes.users}${page(pageToken)}`,
        );
        return { resources: (answer.users ?? []).map(userResource), nextPageToken: answer.nextPageToken ?? '' };
      });
    },
    async entitlements() {
      return { entitlements: [], ...EMPTY };
    },
    async grants() {
      return { grants: [], ...EMPTY };
    },
  };

  const groupSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      return withScope('groups', { resources: [], ...EMPTY }, async (scope) => {
        const answer = await client.get<ListAnswer & { groups?: GoogleGroup[] }>(
          scope,
          `/groups?customer=${customer}&maxResults=${sizes.groups}${page(pageToken)}`,
        );
        return { resources: (answer.groups ?? []).map(groupResource), nextPageToken: answer.nextPageToken ?? '' };
      });
    },
    async entitlements(resource) {
      return { entitlements: [memberEntitlement(resource)], ...EMPTY };
    },
    async grants(resource, pageToken) {
      return withScope('members', { grants: [], ...EMPTY }, async (scope) => {
        const groupId = resource.id?.resource ?? '';
        const answer = await client.get<ListAnswer & { members?: GoogleMember[] }>(
          scope,
          `/groups/${encodeURIComponent(groupId)}/members?maxResults=${sizes.members}${page(pageToken)}`,
        );
        const entitlement = memberEntitlement(resource);
        return { grants: (answer.members ?? []).flatMap((m) => memberGrant(entitlement, m)), nextPageToken: answer.nextPageToken ?? '' };
      });
    },
    async grant(principal, entitlement) {
      const groupId = entitlement.resource?.id?.resource ?? '';
      const type = principalTypeOf(principal);
      const memberId = principal.id?.resource ?? '';
      try {
        await client.call(WRITE_MEMBERS_SCOPE, 'POST', `/groups/${encodeURIComponent(groupId)}/members`, { id: memberId, role: 'MEMBER' });
      } catch (error) {
        // Already a member: the grant exists, which is what was asked for.
        if (!(error instanceof ConnectorHttpError && error.status === 409)) throw error;
      }
      return [membershipGrant(entitlement, type, memberId)];
    },
    async revoke(grant) {
      const groupId = grant.entitlement?.resource?.id?.resource ?? '';
      const memberId = grant.principal?.id?.resource ?? '';
      await client.call(WRITE_MEMBERS_SCOPE, 'DELETE', `/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(memberId)}`);
    },
  };

  const roleSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      return withScope('roles', { resources: [], ...EMPTY }, async (scope) => {
        const answer = await client.get<ListAnswer & { items?: GoogleRole[] }>(
          scope,
          `/customer/${customer}/roles?maxResults=${sizes.roles}${page(pageToken)}`,
        );
        return { resources: (answer.items ?? []).map(roleResource), nextPageToken: answer.nextPageToken ?? '' };
      });
    },
    async entitlements(resource) {
      return { entitlements: [roleMemberEntitlement(resource)], ...EMPTY };
    },
    async grants(resource, pageToken) {
      return withScope('roles', { grants: [], ...EMPTY }, async (scope) => {
        const roleId = resource.id?.resource ?? '';
        const answer = await client.get<ListAnswer & { items?: GoogleRoleAssignment[] }>(
          scope,
          `/customer/${customer}/roleassignments?roleId=${encodeURIComponent(roleId)}&maxResults=${sizes.roleAssignments}${page(pageToken)}`,
        );
        const entitlement = roleMemberEntitlement(resource);
        return { grants: (answer.items ?? []).flatMap((a) => roleGrant(entitlement, a)), nextPageToken: answer.nextPageToken ?? '' };
      });
    },
  };

  return {
    client,
    resourceTypes: () => [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE, ROLE_RESOURCE_TYPE],
    syncers: { user: userSyncer, group: groupSyncer, role: roleSyncer },
  };
}

function userResource(user: GoogleUser): Resource {
  const email = user.primaryEmail ?? '';
  const trait = packAnnotation(UserTraitSchema, {
    emails: email ? [{ address: email, isPrimary: true }] : [],
    login: email,
    status: { status: user.suspended ? UserStatus.DISABLED : UserStatus.ENABLED, details: user.suspended ? 'suspended' : '' },
    accountType: AccountType.HUMAN,
    profile: { id: user.id, primaryEmail: email, isAdmin: user.isAdmin ?? false, orgUnitPath: user.orgUnitPath ?? null },
  });
  return create(ResourceSchema, {
    id: { resourceType: 'user', resource: user.id },
    displayName: user.name?.fullName || email || user.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: user.id })],
  });
}

function groupResource(group: GoogleGroup): Resource {
  const trait = packAnnotation(GroupTraitSchema, { profile: { id: group.id, email: group.email ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: 'group', resource: group.id },
    displayName: group.name || group.email || group.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: group.id })],
  });
}

function roleResource(role: GoogleRole): Resource {
  const trait = packAnnotation(RoleTraitSchema, { profile: { roleId: role.roleId, roleName: role.roleName ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: 'role', resource: role.roleId },
    displayName: role.roleName || role.roleId,
    description: role.roleDescription ?? '',
    annotations: [trait, packAnnotation(RawIdSchema, { id: role.roleId })],
  });
}

function roleMemberEntitlement(role: Resource): Entitlement {
  return create(EntitlementSchema, {
    id: roleMemberEntitlementId(role.id?.resource ?? ''),
    resource: role,
    displayName: `${role.displayName} Role Member`,
    description: `Has the ${role.displayName} role`,
    grantableTo: [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE],
    purpose: EntitlementPurpose.ASSIGNMENT,
    slug: 'member',
  });
}

function principalTypeOf(resource: Resource): 'user' | 'group' {
  const type = resource.id?.resourceType;
  if (type !== 'user' && type !== 'group') throw new ConnectorHttpError(400, { message: `google connector: a ${type} cannot be a group member` });
  return type;
}

/** USER and GROUP members; CUSTOMER (everyone in the domain) has no principal to point at. */
function memberGrant(entitlement: Entitlement, member: GoogleMember): Grant[] {
  const type = member.type === 'USER' ? 'user' : member.type === 'GROUP' ? 'group' : undefined;
  return type ? [membershipGrant(entitlement, type, member.id)] : [];
}

/** The real connector keys a role grant by the assignment's own id. */
function roleGrant(entitlement: Entitlement, assignment: GoogleRoleAssignment): Grant[] {
  const type = assignment.assigneeType === 'group' ? 'group' : assignment.assigneeType === 'user' ? 'user' : undefined;
  if (!type) return [];
  return [
    create(GrantSchema, {
      id: assignment.roleAssignmentId,
      entitlement,
      principal: principal(type, assignment.assignedTo),
      annotations: expandable(type, assignment.assignedTo),
    }),
  ];
}
