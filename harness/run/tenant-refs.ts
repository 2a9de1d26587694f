/**
 * The names a scenario uses for tenant objects in actions and state checks: `group:<key>:<slug>` for an
 * entitlement and `user:<key>` / `group:<key>` for a principal, where the key is any id the tenant knows
 * (object id, Google id, IAM unique id, SCIM id) or a mail address / UPN. Keys may hold colons (ARNs),
 * so the kind is the first segment and the slug the last.
 */
import { UserError } from '../../lib/errors.js';
import { PROVIDERS } from '../../mocks/providers.js';
import type { PrincipalType, ProviderIds, TenantGroup, TenantStore, TenantUser } from '../../mocks/tenant/model.js';

export interface EntitlementRef {
  group: TenantGroup;
  slug: string;
}
export interface PrincipalRef {
  type: PrincipalType;
  entity: TenantUser | TenantGroup;
}

export function resolveEntitlement(tenant: TenantStore, text: string, where: string): EntitlementRef {
  const parts = text.split(':');
  if (parts.length < 3 || parts[0] !== 'group') {
    throw new UserError(
      `${where}: entitlement ${JSON.stringify(text)} is not group:<id or mail>:<slug> (e.g. group:engineering@contoso.test:member)`,
    );
  }
  const key = parts.slice(1, -1).join(':');
  const group = tenant.findGroup(key);
  if (!group) throw new UserError(`${where}: no group ${JSON.stringify(key)} in the tenant (name it by an id or its mail address)`);
  return { group, slug: parts.at(-1)! };
}

export function resolvePrincipal(tenant: TenantStore, text: string, where: string): PrincipalRef {
  const colon = text.indexOf(':');
  const type = text.slice(0, colon);
  const key = text.slice(colon + 1);
  if (colon < 0 || (type !== 'user' && type !== 'group')) {
    throw new UserError(`${where}: principal ${JSON.stringify(text)} is not user:<id or mail> or group:<id or mail>`);
  }
  const entity = type === 'user' ? tenant.findUser(key) : tenant.findGroup(key);
  if (!entity) throw new UserError(`${where}: no ${type} ${JSON.stringify(key)} in the tenant (name it by an id, UPN or mail address)`);
  return { type, entity };
}

/**
 * Every id a provider may show for the entity: the tenant's own and those providers derive themselves
 * (their descriptors' `entityId`); a synced resource matches by its id or RawId.
 */
export async function providerIds(tenant: TenantStore, kind: 'user' | 'group', entity: ProviderIds & { seq: number }): Promise<Set<string>> {
  const derive = await Promise.all(PROVIDERS.flatMap((p) => (p.entityId ? [p.entityId()] : [])));
  return new Set([entity.objectId, entity.googleId, entity.awsId, entity.scimId, ...derive.map((id) => id(tenant.shape.seed, kind, entity.seq))]);
}

/** Whether the principal is a direct member of the group now. */
export function isMember(tenant: TenantStore, group: TenantGroup, principal: PrincipalRef): boolean {
  return tenant.memberOf(principal.type, principal.entity.seq).some((m) => m.groupSeq === group.seq);
}
