/**
 * What a principal holds, directly and through nested groups, with the path each inherited entitlement
 * comes by. Read from the expansion data the file records: a grant whose GrantExpandable names entitlement
 * E says "whoever holds E also holds this grant's entitlement" (baton-sdk pkg/sync/expand). Walking those
 * edges breadth first from the principal's direct grants gives the shortest path, in files before expansion
 * (only the edges) and after it (where the inherited grants are also stored, with their `sources`).
 */
import type { HeldEntitlement, ResourceRef } from '../../reports/explore/sync-model.js';

/** A grant as the walk needs it. */
export interface GrantEdge {
  id: string;
  entitlementId: string;
  /** The entitlement's resource. */
  resource: ResourceRef;
  principal: ResourceRef;
  /** The GrantExpandable annotation, when the grant carries one. */
  expandable?: { entitlementIds: string[]; shallow: boolean; resourceTypeIds: string[] };
  /** Entitlement ids of the grant's recorded `sources` (expanded files): the grant's own id means direct. */
  sources: string[];
}

export interface HeldAccess {
  held: HeldEntitlement[];
  /** True when the walk stopped at {@link WalkLimits.entitlements} before it was done. */
  truncated: boolean;
}

export interface WalkLimits {
  /** Entitlements reached before the walk stops (a page must answer in well under 300 ms). */
  entitlements: number;
}

const DEFAULT_WALK_LIMITS: WalkLimits = { entitlements: 2000 };

/**
 * `own`: the stored grants whose principal is `principal`; `expandableOf(p)`: those of `p` that carry a
 * GrantExpandable (others are never followed, so the store may leave them out without decoding them).
 */
export function heldAccess(
  principal: ResourceRef,
  own: GrantEdge[],
  expandableOf: (principal: ResourceRef) => GrantEdge[],
  limits: WalkLimits = DEFAULT_WALK_LIMITS,
): HeldAccess {
  const held = new Map<string, HeldEntitlement>();
  const stored = new Map<string, GrantEdge>();
  for (const grant of own) {
    stored.set(grant.entitlementId, grant);
    const direct = grant.sources.length === 0 || grant.sources.includes(grant.entitlementId);
    if (direct) held.set(grant.entitlementId, { entitlementId: grant.entitlementId, resource: grant.resource, grantId: grant.id, direct: true });
  }
  const queue: Array<{ entitlementId: string; resource: ResourceRef; via: ResourceRef[] }> = [...held.values()].map((h) => ({ ...h, via: [] }));
  const edgesCache = new Map<string, GrantEdge[]>();
  let truncated = false;
  for (let next = queue.shift(); next; next = queue.shift()) {
    const from = next.resource;
    const key = `${from.resourceTypeId}:${from.resourceId}`;
    let edges = edgesCache.get(key);
    if (!edges) edgesCache.set(key, (edges = expandableOf(from).filter((g) => g.expandable)));
    for (const edge of edges) {
      const rule = edge.expandable!;
      if (!rule.entitlementIds.includes(next.entitlementId)) continue;
      // `shallow`: only holders of the source entitlement by a grant of their own, not through more nesting.
      if (rule.shallow && next.via.length > 0) continue;
      if (rule.resourceTypeIds.length > 0 && !rule.resourceTypeIds.includes(principal.resourceTypeId)) continue;
      if (held.has(edge.entitlementId)) continue;
      if (held.size >= limits.entitlements) {
        truncated = true;
        break;
      }
      const via = [...next.via, from];
      const grantId = stored.get(edge.entitlementId)?.id;
      held.set(edge.entitlementId, {
        entitlementId: edge.entitlementId,
        resource: edge.resource,
        ...(grantId ? { grantId } : {}),
        direct: false,
        via,
      });
      queue.push({ entitlementId: edge.entitlementId, resource: edge.resource, via });
    }
  }
  // Inherited grants the file stores but the walk did not reach (their edges were not kept): say what it records.
  for (const grant of stored.values()) {
    if (held.has(grant.entitlementId)) continue;
    held.set(grant.entitlementId, {
      entitlementId: grant.entitlementId,
      resource: grant.resource,
      grantId: grant.id,
      direct: false,
      sources: grant.sources,
    });
  }
  return { held: [...held.values()], truncated };
}
