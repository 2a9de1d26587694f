/**
 * The tenant as Identity Center's identity store shows it (reference C5). Ids are the tenant's SCIM ids:
 * Identity Center is provisioned over SCIM and its store ids are the SCIM resource ids. User names are
 * UPNs, as an Entra-provisioned store has them. Timestamps are epoch seconds, as awsJson writes them.
 */
import type { Group, GroupMembership, User } from '@aws-sdk/client-identitystore';
import { stableUuid } from '../../core/ids.js';
import type { TenantGroup, TenantUser } from '../../tenant/model.js';
import type { OnJsonWire } from '../sdk-shapes.js';

export function storeUser(storeId: string, u: TenantUser): OnJsonWire<User> {
  const created = epochSeconds(u.createdAt);
  return {
    IdentityStoreId: storeId,
    UserId: u.scimId,
    UserName: u.userPrincipalName,
    Name: { Formatted: u.displayName, FamilyName: u.surname, GivenName: u.givenName },
    DisplayName: u.displayName,
    Emails: [{ Value: u.mail, Type: 'work', Primary: true }],
    ...(u.jobTitle ? { Title: u.jobTitle } : {}),
    UserStatus: u.enabled ? 'ENABLED' : 'DISABLED',
    CreatedAt: created,
    UpdatedAt: created,
  };
}

export function storeGroup(storeId: string, g: TenantGroup): OnJsonWire<Group> {
  const created = epochSeconds(g.createdAt);
  return {
    IdentityStoreId: storeId,
    GroupId: g.scimId,
    DisplayName: g.displayName,
    Description: g.description,
    CreatedAt: created,
    UpdatedAt: created,
  };
}

export function storeMembership(storeId: string, seed: number, g: TenantGroup, u: TenantUser): OnJsonWire<GroupMembership> {
  return {
    IdentityStoreId: storeId,
    MembershipId: stableUuid(seed, `identitystore:membership:${g.seq}:${u.seq}`),
    GroupId: g.scimId,
    MemberId: { UserId: u.scimId },
  };
}

function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
