/**
 * A reference Entra ID connector for the sync engine, shaped after baton-azure-infrastructure: resource
 * types `user` and `group` keyed by Graph object id (with a RawId annotation), group entitlements `member`
 * (assignment) and `owner` (permission), grants from the beta members/owners collections with the
 * principal type read from `@odata.type`; a nested group's membership grant is expandable. Page tokens are
 * Graph's `@odata.nextLink` URLs, handed back to the connector by the engine.
 */
import { create } from '@bufbuild/protobuf';
import { packAnnotation } from '../../harness/c1z/proto/annotation.js';
import { GrantExpandableSchema, RawIdSchema } from '../../harness/c1z/proto/connector-annotations.js';
import { AccountType, GroupTraitSchema, UserStatus, UserTraitSchema } from '../../harness/c1z/proto/connector-traits.js';
import {
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
} from '../../harness/c1z/proto/connector.js';
import type { Connector, ResourceSyncer } from '../../harness/sync/contract.js';
import { EntraClient, type EntraClientOptions } from './client.js';

export interface EntraConnectorOptions extends EntraClientOptions {
  /** `$top` of the user and group listings; Graph's maximum, 999, as the real connector asks. */
  top?: number;
}

export interface EntraConnector extends Connector {
  client: EntraClient;
}

export const USER_RESOURCE_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'user', displayName: 'User', traits: [ResourceTypeTrait.USER] });
export const GROUP_RESOURCE_TYPE: ResourceType = create(ResourceTypeSchema, { id: 'group', displayName: 'Group', traits: [ResourceTypeTrait.GROUP] });

const ODATA_USER = '#microsoft.graph.user';
const ODATA_GROUP = '#microsoft.graph.group';

interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
}

interface GraphGroup {
  id: string;
  displayName?: string | null;
  mail?: string | null;
}

interface DirectoryObject {
  id: string;
  '@odata.type'?: string;
}

export function memberEntitlementId(groupId: string): string {
  return `group:${groupId}:member`;
}
export function ownerEntitlementId(groupId: string): string {
  return `group:${groupId}:owner`;
}

export function createEntraConnector(options: EntraConnectorOptions): EntraConnector {
  const client = new EntraClient(options);
  const top = options.top ?? 999;

  const userSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      const page = await client.get<GraphPage<GraphUser>>(pageToken || `/v1.0/users?$select=id,displayName,userPrincipalName,mail,accountEnabled,userType&$top=${top}`);
      return { resources: (page.value ?? []).map(userResource), nextPageToken: page['@odata.nextLink'] ?? '' };
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
      const page = await client.get<GraphPage<GraphGroup>>(pageToken || `/v1.0/groups?$select=id,displayName,mail&$top=${top}`);
      return { resources: (page.value ?? []).map(groupResource), nextPageToken: page['@odata.nextLink'] ?? '' };
    },
    async entitlements(resource) {
      return { entitlements: [memberEntitlement(resource), ownerEntitlement(resource)], nextPageToken: '' };
    },
    /**
     * Members first, then owners, in one listing: the token is `members:<nextLink>`, then `owners:` to
     * start the owners, then `owners:<nextLink>`.
     */
    async grants(resource, pageToken) {
      const groupId = resource.id?.resource ?? '';
      const path = encodeURIComponent(groupId);
      if (pageToken === '' || pageToken.startsWith('members:')) {
        const url = pageToken === '' ? `/beta/groups/${path}/members?$select=id` : pageToken.slice('members:'.length);
        const page = await client.get<GraphPage<DirectoryObject>>(url);
        const entitlement = memberEntitlement(resource);
        const grants = (page.value ?? []).flatMap((o) => memberGrant(entitlement, o));
        const next = page['@odata.nextLink'];
        return { grants, nextPageToken: next ? `members:${next}` : 'owners:' };
      }
      if (pageToken.startsWith('owners:')) {
        const rest = pageToken.slice('owners:'.length);
        const page = await client.get<GraphPage<DirectoryObject>>(rest || `/beta/groups/${path}/owners?$select=id`);
        const entitlement = ownerEntitlement(resource);
        const grants = (page.value ?? []).flatMap((o) => ownerGrant(entitlement, o));
        const next = page['@odata.nextLink'];
        return { grants, nextPageToken: next ? `owners:${next}` : '' };
      }
      throw new Error(`entra connector: unknown grants page token ${JSON.stringify(pageToken)}`);
    },
  };

  return {
    client,
    resourceTypes: () => [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE],
    syncers: { user: userSyncer, group: groupSyncer },
  };
}

function userResource(user: GraphUser): Resource {
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

function groupResource(group: GraphGroup): Resource {
  const trait = packAnnotation(GroupTraitSchema, { profile: { id: group.id, mail: group.mail ?? null } });
  return create(ResourceSchema, {
    id: { resourceType: 'group', resource: group.id },
    displayName: group.displayName ?? group.id,
    annotations: [trait, packAnnotation(RawIdSchema, { id: group.id })],
  });
}

function memberEntitlement(group: Resource): Entitlement {
  const id = group.id?.resource ?? '';
  return create(EntitlementSchema, {
    id: memberEntitlementId(id),
    resource: group,
    displayName: `${group.displayName} Group Member`,
    description: `Member of the ${group.displayName} group`,
    grantableTo: [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE],
    purpose: EntitlementPurpose.ASSIGNMENT,
    slug: 'member',
  });
}

function ownerEntitlement(group: Resource): Entitlement {
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

function principal(type: 'user' | 'group', id: string): Resource {
  return create(ResourceSchema, { id: { resourceType: type, resource: id } });
}

function memberGrant(entitlement: Entitlement, object: DirectoryObject): Grant[] {
  const type = principalType(object);
  if (!type) return [];
  const annotations = type === 'group' ? [packAnnotation(GrantExpandableSchema, { entitlementIds: [memberEntitlementId(object.id)] })] : [];
  return [create(GrantSchema, { id: `${entitlement.id}:${type}:${object.id}`, entitlement, principal: principal(type, object.id), annotations })];
}

function ownerGrant(entitlement: Entitlement, object: DirectoryObject): Grant[] {
  const type = principalType(object);
  if (!type) return [];
  return [create(GrantSchema, { id: `${entitlement.id}:${type}:${object.id}`, entitlement, principal: principal(type, object.id) })];
}
