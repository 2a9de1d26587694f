/**
 * A tenant group as a SCIM Group (RFC 7643 §4.2): direct members, users and nested groups, each with
 * `value` (its SCIM id), an absolute `$ref`, `display` and `type` (`User` or `Group`). Members are read
 * only when the response or the filter needs them: IdPs list groups with `excludedAttributes=members`
 * precisely because real providers make members expensive.
 */
import type { Membership, TenantGroup, TenantStore } from '../../tenant/model.js';
import { URN } from '../schema/urns.js';
import { resourceMeta } from './meta.js';
import { userLocation } from './render-user.js';

function groupLocation(root: string, id: string): string {
  return `${root}/Groups/${id}`;
}

export interface GroupRenderOptions {
  members: boolean;
  /** When a PATCH changed it; otherwise its creation time. */
  lastModified?: string;
}

export function renderGroup(root: string, tenant: TenantStore, group: TenantGroup, options: GroupRenderOptions): Record<string, unknown> {
  return {
    schemas: [URN.group],
    id: group.scimId,
    externalId: group.objectId,
    displayName: group.displayName,
    ...(options.members ? { members: renderMembers(root, tenant, group.seq) } : {}),
    meta: resourceMeta('Group', groupLocation(root, group.scimId), group.createdAt, options.lastModified),
  };
}

function renderMembers(root: string, tenant: TenantStore, groupSeq: number): Array<Record<string, string>> {
  return directMembers(tenant, groupSeq).flatMap((m) => {
    const element = memberElement(root, tenant, m);
    return element ? [element] : [];
  });
}

/** A group's direct memberships, in the store's order (users first, by seq). */
export function directMembers(tenant: TenantStore, groupSeq: number): Membership[] {
  const out: Membership[] = [];
  let after = 0;
  for (;;) {
    const page = tenant.members(groupSeq, { after, limit: 500 });
    out.push(...page.items);
    if (page.next === undefined) return out;
    after = page.next;
  }
}

/** One `members` element; undefined if the member no longer exists. */
export function memberElement(root: string, tenant: TenantStore, m: Membership): Record<string, string> | undefined {
  if (m.memberType === 'user') {
    const u = tenant.user(m.memberSeq);
    return u && { value: u.scimId, $ref: userLocation(root, u.scimId), display: u.displayName, type: 'User' };
  }
  const g = tenant.group(m.memberSeq);
  return g && { value: g.scimId, $ref: groupLocation(root, g.scimId), display: g.displayName, type: 'Group' };
}
