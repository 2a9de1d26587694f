/**
 * A reference SCIM 2.0 connector (RFC 7643/7644) for the sync engine: resource types `user` and `group`
 * keyed by the SCIM resource id (with a RawId annotation), one `member` entitlement per group, and grants
 * from the group's `members` attribute, users and nested groups alike; a nested group's grant is
 * expandable into that group's own `member` entitlement. Group membership is provisioned with PATCH.
 *
 * Members are read per group, not in the group listing: groups are listed with
 * `excludedAttributes=members` and each group's grants come from `GET /Groups/{id}?attributes=members`.
 * That is what IdPs do against real providers, because `members` is not paged inside a resource: listing
 * 100 groups with members means one answer holding every membership of 100 groups, which providers
 * truncate, time out on, or refuse (several drop `members` from list answers altogether). The per-group GET
 * costs one call per group, which the engine's per-resource grants call makes anyway.
 */
import { create } from '@bufbuild/protobuf';
import {
  packAnnotation,
  RawIdSchema,
  AccountType,
  GroupTraitSchema,
  UserStatus,
  UserTraitSchema,
  ResourceSchema,
  type Entitlement,
  type Grant,
  type Resource,
  type Connector,
  type ResourceSyncer,
  SyncError,
} from '../../c1z/contract/index.js';
import { ScimClient, ScimHttpError, type ScimClientOptions } from './client.js';
import { PAGE_SIZE, nextPageToken, startIndexOf, type ListResponse } from './paging.js';
import {
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
  grantId,
  memberEntitlement,
  memberEntitlementId,
  membershipGrant,
} from '../shared/group-membership.js';

export { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, grantId, memberEntitlementId };

export interface ScimConnectorOptions extends ScimClientOptions {
  /** `count` of the user and group listings; {@link PAGE_SIZE} unless a test wants more pages. */
  pageSize?: number;
}

export interface ScimConnector extends Connector {
  client: ScimClient;
}

type PrincipalType = 'user' | 'group';

interface ScimUser {
  id: string;
  externalId?: string;
  userName?: string;
  displayName?: string;
  active?: boolean;
  emails?: Array<{ value?: string; type?: string; primary?: boolean }>;
}

interface ScimGroup {
  id: string;
  externalId?: string;
  displayName?: string;
  members?: ScimMember[];
}

interface ScimMember {
  value?: string;
  $ref?: string;
  type?: string;
}

export function createScimConnector(options: ScimConnectorOptions): ScimConnector {
  const client = new ScimClient(options);
  const count = options.pageSize ?? PAGE_SIZE;

  async function listPage<T>(endpoint: string, extra: string, pageToken: string): Promise<{ items: T[]; nextPageToken: string }> {
    const startIndex = startIndexOf(pageToken);
    const url = `${endpoint}?startIndex=${startIndex}&count=${count}${extra}`;
    let page = await client.get<ListResponse<T>>(url);
    // Some servers answer an empty page under load although totalResults says more: ask once more for the
    // same index. Still empty, the listing ends: servers also overstate totalResults, and that is not an error.
    if (isShortOfTotal(page, startIndex)) page = await client.get<ListResponse<T>>(url);
    return { items: page.Resources ?? [], nextPageToken: nextPageToken(page, startIndex) };
  }

  function isShortOfTotal(page: ListResponse<unknown>, startIndex: number): boolean {
    return (page.Resources?.length ?? 0) === 0 && typeof page.totalResults === 'number' && startIndex <= page.totalResults;
  }

  const userSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      const page = await listPage<ScimUser>('/Users', '', pageToken);
      return { resources: page.items.map(userResource), nextPageToken: page.nextPageToken };
    },
    async entitlements() {
      return { entitlements: [], nextPageToken: '' };
    },
    async grants() {
      return { grants: [], nextPageToken: '' };
    },
  };

  const groupSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      const page = await listPage<ScimGroup>('/Groups', '&excludedAttributes=members', pageToken);
      return { resources: page.items.map(groupResource), nextPageToken: page.nextPageToken };
    },
    async entitlements(resource) {
      return { entitlements: [memberEntitlement(resource)], nextPageToken: '' };
    },
    async grants(resource) {
      const group = await client.get<ScimGroup>(`${groupPath(resource.id?.resource ?? '')}?attributes=members`);
      const entitlement = memberEntitlement(resource);
      return { grants: (group.members ?? []).flatMap((m) => memberGrant(entitlement, m)), nextPageToken: '' };
    },
    async grant(principal, entitlement) {
      const { groupId, principalType, principalId } = membershipOf(principal, entitlement);
      await client.patch(groupPath(groupId), [{ op: 'add', path: 'members', value: [{ value: principalId }] }]);
      return [membershipGrant(entitlement, principalType, principalId)];
    },
    async revoke(grant) {
      const { groupId, principalId } = membershipOf(grant.principal, grant.entitlement);
      // The id is a JSON string inside the filter (RFC 7644 §3.4.2.2), so quotes and backslashes are escaped.
      const path = `members[value eq ${JSON.stringify(principalId)}]`;
      try {
        await client.patch(groupPath(groupId), [{ op: 'remove', path }]);
      } catch (error) {
        // noTarget: the member is already gone. Revoking an absent grant succeeds, as the SDK's
        // GrantAlreadyRevoked convention has it, so a retried revoke is not a failure.
        if (error instanceof ScimHttpError && error.status === 400 && error.scimType === 'noTarget') return;
        throw error;
      }
    },
  };

  return {
    client,
    resourceTypes: () => [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE],
    syncers: { user: userSyncer, group: groupSyncer },
  };
}

function groupPath(groupId: string): string {
  return `/Groups/${encodeURIComponent(groupId)}`;
}

function userResource(user: ScimUser): Resource {
  const primary = user.emails?.find((e) => e.primary && e.value) ?? user.emails?.find((e) => e.value);
  // RFC 7643 §4.1.1: `active` absent means the provider does not say; only an explicit false disables.
  const enabled = user.active !== false;
  const trait = packAnnotation(UserTraitSchema, {
    emails: primary?.value ? [{ address: primary.value, isPrimary: true }] : [],
    login: user.userName ?? '',
    status: { status: enabled ? UserStatus.ENABLED : UserStatus.DISABLED, details: '' },
    accountType: AccountType.HUMAN,
    profile: { id: user.id, userName: user.userName ?? null, externalId: user.externalId ?? null },
  });
  return create(ResourceSchema, {
    id: { resourceType: 'user', resource: user.id },
    displayName: user.displayName || user.userName || user.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: user.id })],
  });
}

function groupResource(group: ScimGroup): Resource {
  const trait = packAnnotation(GroupTraitSchema, { profile: { id: group.id, externalId: group.externalId ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: 'group', resource: group.id },
    displayName: group.displayName || group.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: group.id })],
  });
}

/**
 * `User` or `Group` from the member's `type` (RFC 7643 §4.2); a provider that leaves it out still gives a
 * `$ref` naming the endpoint. With neither, a user: groups of users are what every provider has.
 */
function memberType(member: ScimMember): PrincipalType {
  const type = member.type?.toLowerCase();
  if (type === 'group' || type === 'user') return type;
  return member.$ref && /\/Groups\/[^/]+$/i.test(member.$ref) ? 'group' : 'user';
}

function memberGrant(entitlement: Entitlement, member: ScimMember): Grant[] {
  if (!member.value) return [];
  return [membershipGrant(entitlement, memberType(member), member.value)];
}

/** The group and principal of a membership to provision; anything else is a caller's mistake. */
function membershipOf(
  principal: Resource | undefined,
  entitlement: Entitlement | undefined,
): { groupId: string; principalType: PrincipalType; principalId: string } {
  const groupId = entitlement?.resource?.id?.resource;
  if (entitlement?.resource?.id?.resourceType !== 'group' || !groupId || entitlement.id !== memberEntitlementId(groupId)) {
    throw new SyncError('InvalidArgument', `scim connector: can only provision a group's member entitlement, not ${JSON.stringify(entitlement?.id)}`);
  }
  const principalType = principal?.id?.resourceType;
  const principalId = principal?.id?.resource;
  if ((principalType !== 'user' && principalType !== 'group') || !principalId) {
    throw new SyncError('InvalidArgument', `scim connector: a group member must be a user or a group, not ${JSON.stringify(principalType)}`);
  }
  return { groupId, principalType, principalId };
}
