/**
 * A tenant user as a SCIM User (RFC 7643 §4.1) with the enterprise extension: `id` is the tenant's
 * scimId, `externalId` the IdP's id for the person (the tenant's Entra object id, as Entra provisioning
 * sends it), `userName` the UPN. Empty strings (a service account has no given name) are left out, as
 * unassigned attributes are. `groups` (direct memberships) costs a lookup per user, so only on request.
 */
import type { TenantStore, TenantUser } from '../../tenant/model.js';
import { URN } from '../schema/urns.js';
import { resourceMeta } from './meta.js';

export function userLocation(root: string, id: string): string {
  return `${root}/Users/${id}`;
}

export function renderUser(root: string, tenant: TenantStore, user: TenantUser, options: { groups: boolean }): Record<string, unknown> {
  const name = compact({
    formatted: [user.givenName, user.surname].filter(Boolean).join(' '),
    familyName: user.surname,
    givenName: user.givenName,
  });
  return compact({
    schemas: [URN.user, URN.enterpriseUser],
    id: user.scimId,
    externalId: user.objectId,
    userName: user.userPrincipalName,
    ...(Object.keys(name).length ? { name } : {}),
    displayName: user.displayName,
    title: user.jobTitle,
    active: user.enabled,
    emails: [{ value: user.mail, type: 'work', primary: true }],
    ...(options.groups ? { groups: directGroups(root, tenant, user) } : {}),
    ...(user.department ? { [URN.enterpriseUser]: { department: user.department } } : {}),
    meta: resourceMeta('User', userLocation(root, user.scimId), user.createdAt),
  });
}

function directGroups(root: string, tenant: TenantStore, user: TenantUser): Array<Record<string, string>> {
  return tenant.memberOf('user', user.seq).flatMap((m) => {
    const group = tenant.group(m.groupSeq);
    return group ? [{ value: group.scimId, $ref: `${root}/Groups/${group.scimId}`, display: group.displayName, type: 'direct' }] : [];
  });
}

function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== '' && v !== undefined)) as T;
}
