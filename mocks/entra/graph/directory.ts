/**
 * Directory objects by Graph id, and how a user or group shows up inside another object's collection
 * (members, owners, role members, an expanded principal): typed with `@odata.type`, in full, or as
 * "limited information" when the app may read the collection but not that type (reference A2).
 */
import type { DirectoryEntity } from '../../core/entity.js';
import type { TenantGroup, TenantStore, TenantUser } from '../../tenant/model.js';
import type { Rendered } from './collection.js';
import type { Grants } from './permissions.js';
import { ODATA_TYPE, renderGroup, renderUser } from './render.js';
import { groupSchema, userSchema } from './schemas.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Object ids are case-insensitive in Graph; the store keeps them lower case. */
function normaliseId(key: string): string {
  return GUID.test(key) ? key.toLowerCase() : key;
}

/** A user by object id or UPN (`/users/{id | userPrincipalName}`); other ids the store knows do not count. */
export function userById(tenant: TenantStore, key: string): TenantUser | undefined {
  const k = normaliseId(key);
  const u = tenant.findUser(k);
  return u && (u.objectId === k || u.userPrincipalName.toLowerCase() === k.toLowerCase()) ? u : undefined;
}

export function groupById(tenant: TenantStore, key: string): TenantGroup | undefined {
  const k = normaliseId(key);
  const g = tenant.findGroup(k);
  return g && g.objectId === k ? g : undefined;
}

/** Any user or group by object id (`directoryObjects/{id}`). */
export function directoryObject(tenant: TenantStore, id: string): DirectoryEntity | undefined {
  const user = userById(tenant, id);
  if (user && user.objectId === normaliseId(id)) return { type: 'user', user };
  const group = groupById(tenant, id);
  return group ? { type: 'group', group } : undefined;
}

export function objectId(e: DirectoryEntity): string {
  return e.type === 'user' ? e.user.objectId : e.group.objectId;
}

export function displayName(e: DirectoryEntity): string {
  return e.type === 'user' ? e.user.displayName : e.group.displayName;
}

/** A member as a mixed collection shows it. */
export function renderMember(e: DirectoryEntity, grants: Grants): Rendered {
  const schema = e.type === 'user' ? userSchema : groupSchema;
  const type = ODATA_TYPE[e.type];
  if (grants.visibility(e.type) === 'limited') return { obj: { '@odata.type': type, id: objectId(e) }, defaults: schema.defaults };
  const full = e.type === 'user' ? renderUser(e.user) : renderGroup(e.group);
  return { obj: { '@odata.type': type, ...(full as Record<string, unknown>) }, defaults: schema.defaults };
}
