/**
 * A reference Entra ID connector for the sync engine, shaped after baton-azure-infrastructure: resource
 * types `user` and `group` keyed by Graph object id (with a RawId annotation), group entitlements `member`
 * (assignment) and `owner` (permission), grants from the beta members/owners collections with the
 * principal type read from `@odata.type`; a nested group's membership grant is expandable. Page tokens are
 * Graph's `@odata.nextLink` URLs, handed back to the connector by the engine. Enterprise applications
 * (`enterprise_application`, apps.ts) are listed last. Group membership can be granted and revoked (see
 * provisioning.ts). Records are built in records.ts.
 */
import type { Connector, ResourceSyncer } from '../../c1z/contract/index.js';
import { APP_RESOURCE_TYPE } from './apps.js';
import { appSyncer } from './apps-syncer.js';
import { EntraClient, type EntraClientOptions } from './client.js';
import { groupProvisioner } from './provisioning.js';
import {
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
  USER_SELECT,
  groupResource,
  memberEntitlement,
  memberGrant,
  ownerEntitlement,
  ownerGrant,
  userResource,
  type DirectoryObject,
  type GraphGroup,
  type GraphPage,
  type GraphUser,
} from './records.js';

export { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, memberEntitlementId, ownerEntitlementId } from './records.js';
export { APP_RESOURCE_TYPE, DEFAULT_APP_ROLE_ID, appAssignmentEntitlementId, appOwnerEntitlementId } from './apps.js';

export interface EntraConnectorOptions extends EntraClientOptions {
  /** `$top` of the user and group listings; Graph's maximum, 999, as the real connector asks. */
  top?: number;
}

export interface EntraConnector extends Connector {
  client: EntraClient;
}

export function createEntraConnector(options: EntraConnectorOptions): EntraConnector {
  const client = new EntraClient(options);
  const top = options.top ?? 999;

  const userSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      const page = await client.get<GraphPage<GraphUser>>(pageToken || `/v1.0/users?$select=${USER_SELECT}&$top=${top}`);
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
    ...groupProvisioner(client),
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
    resourceTypes: () => [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE, APP_RESOURCE_TYPE],
    syncers: { user: userSyncer, group: groupSyncer, enterprise_application: appSyncer(client, top) },
  };
}
