/**
 * Identity Center users and groups from the Identity Store, and group memberships. Listings follow
 * `NextToken` until it is absent and pass no `MaxResults` (the service's default page), as baton-aws does.
 */
import type { ResourceSyncer } from '../../c1z/contract/index.js';
import type { AwsClient } from './client.js';
import { grantOf, ssoGroupMemberEntitlement } from './entitlements.js';
import { identityStoreIdFromArn, SSO_USER, ssoUserArn } from './ids.js';
import { ssoGroupResource, ssoUserResource, type StoreGroup, type StoreUser } from './resources.js';

export interface IdentityStoreRef {
  region: string;
  identityStoreId: string;
}

interface StorePage {
  NextToken?: string;
}

function tokenParam(pageToken: string): { NextToken?: string } {
  return pageToken ? { NextToken: pageToken } : {};
}

const noGrants = async () => ({ grants: [], nextPageToken: '' });

export function ssoUserSyncer(client: AwsClient, store: IdentityStoreRef): ResourceSyncer {
  return {
    async list(_parent, pageToken) {
      const page = await client.identityStore<StorePage & { Users?: StoreUser[] }>('ListUsers', {
        IdentityStoreId: store.identityStoreId,
        ...tokenParam(pageToken),
      });
      return {
        resources: (page.Users ?? []).map((u) => ssoUserResource(store.region, store.identityStoreId, u)),
        nextPageToken: page.NextToken ?? '',
      };
    },
    async entitlements() {
      return { entitlements: [], nextPageToken: '' };
    },
    grants: noGrants,
  };
}

interface Membership {
  MemberId?: { UserId?: string };
}

export function ssoGroupSyncer(client: AwsClient, store: IdentityStoreRef): ResourceSyncer {
  return {
    async list(_parent, pageToken) {
      const page = await client.identityStore<StorePage & { Groups?: StoreGroup[] }>('ListGroups', {
        IdentityStoreId: store.identityStoreId,
        ...tokenParam(pageToken),
      });
      return {
        resources: (page.Groups ?? []).map((g) => ssoGroupResource(store.region, store.identityStoreId, g)),
        nextPageToken: page.NextToken ?? '',
      };
    },
    async entitlements(resource) {
      return { entitlements: [ssoGroupMemberEntitlement(resource)], nextPageToken: '' };
    },
    async grants(resource, pageToken) {
      const groupId = identityStoreIdFromArn(resource.id?.resource ?? '');
      const page = await client.identityStore<StorePage & { GroupMemberships?: Membership[] }>('ListGroupMemberships', {
        IdentityStoreId: store.identityStoreId,
        GroupId: groupId,
        ...tokenParam(pageToken),
      });
      const entitlement = ssoGroupMemberEntitlement(resource);
      // Memberships name a user (MemberId is a union that today has only UserId).
      const grants = (page.GroupMemberships ?? []).flatMap((m) =>
        m.MemberId?.UserId ? [grantOf(entitlement, SSO_USER, ssoUserArn(store.region, store.identityStoreId, m.MemberId.UserId))] : [],
      );
      return { grants, nextPageToken: page.NextToken ?? '' };
    },
  };
}
