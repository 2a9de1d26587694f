/**
 * Resources by SCIM id. `id` is caseExact (RFC 7643 §3.1) while the store's lookup ignores case and also
 * matches other providers' ids, so the hit is confirmed against the scimId exactly.
 */
import type { TenantGroup, TenantStore, TenantUser } from '../../tenant/model.js';

export function userById(tenant: TenantStore, id: string): TenantUser | undefined {
  const user = tenant.findUser(id);
  return user?.scimId === id ? user : undefined;
}

export function groupById(tenant: TenantStore, id: string): TenantGroup | undefined {
  const group = tenant.findGroup(id);
  return group?.scimId === id ? group : undefined;
}
