/**
 * Keys the Directory API takes in paths and parameters (`userKey`, `groupKey`, `memberKey`): the primary
 * email (any case) or the immutable numeric id. The store finds entities by every provider's ids; only
 * the Google ones count here, so an Entra object id in a Google URL is a 404 as it would be for real.
 */
import type { DirectoryEntity } from '../../core/entity.js';
import type { TenantGroup, TenantStore, TenantUser } from '../../tenant/model.js';

/**
 * A user's primary email. Members and service accounts: their address in the tenant's domain. Guests and
 * externals are Workspace guest users, whose primary address is their own external one (an assumption:
 * how Google names guest accounts is not documented beyond `guestAccountInfo.primaryGuestEmail`).
 */
export function primaryEmail(user: TenantUser): string {
  return user.mail;
}

export function userByKey(tenant: TenantStore, key: string): TenantUser | undefined {
  const user = tenant.findUser(key);
  return user && (user.googleId === key || primaryEmail(user).toLowerCase() === key.toLowerCase()) ? user : undefined;
}

export function groupByKey(tenant: TenantStore, key: string): TenantGroup | undefined {
  const group = tenant.findGroup(key);
  return group && (group.googleId === key || group.mail.toLowerCase() === key.toLowerCase()) ? group : undefined;
}

/** A user or a group by email or id: what `memberKey` (and `userKey` on groups.list) may name. */
export function entityByKey(tenant: TenantStore, key: string): DirectoryEntity | undefined {
  const user = userByKey(tenant, key);
  if (user) return { type: 'user', user };
  const group = groupByKey(tenant, key);
  return group ? { type: 'group', group } : undefined;
}
