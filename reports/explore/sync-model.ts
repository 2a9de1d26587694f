/**
 * What the sync view shows of one sync, as harness/explore/sync-explorer.ts answers it and sync-pages.ts
 * renders it: the models live here so the renderers import nothing of the harness.
 */
import type { SyncRun } from '../../c1z/index.js';

export interface ResourceRef {
  resourceTypeId: string;
  resourceId: string;
}

export interface HeldEntitlement {
  entitlementId: string;
  resource: ResourceRef;
  /** The stored grant giving it to the principal, when there is one (always, for a direct grant). */
  grantId?: string;
  direct: boolean;
  /** For inherited access: the groups (or other principals) it passes through, outermost first. */
  via?: ResourceRef[];
  /** For a stored inherited grant the walk did not reach: the sources the file records for it. */
  sources?: string[];
}

export interface NamedResource {
  resourceTypeId: string;
  resourceId: string;
  displayName: string;
}

export interface Named extends ResourceRef {
  displayName?: string;
}

interface TypeSummary {
  id: string;
  displayName: string;
  traits: string[];
  resources: number;
  entitlements: number;
  grants: number;
}

export interface SyncOverview {
  file: string;
  format: string;
  sync?: SyncRun;
  /** Why this sync is shown, when it is not the latest finished full one. */
  note?: string;
  totals: { resourceTypes: number; resources: number; entitlements: number; grants: number };
  resourceTypes: TypeSummary[];
}

export interface ResourceList {
  resourceType?: string;
  query: string;
  offset: number;
  limit: number;
  total: number;
  items: NamedResource[];
}

export interface Holder {
  grantId: string;
  principal: Named;
  /** False for a grant the file records as inherited (expanded files), with the entitlements it came from. */
  direct: boolean;
  sources: string[];
}

export interface EntitlementSummary {
  id: string;
  displayName: string;
  slug: string;
  holders: number;
  firstHolders: Holder[];
  raw: unknown;
}

export interface HeldItem extends HeldEntitlement {
  resourceName?: string;
  via?: Named[];
}

export interface ResourcePage {
  resource: Named;
  parent?: Named;
  raw: unknown;
  entitlements: EntitlementSummary[];
  moreEntitlements: number;
  /** What it holds as a principal, directly and through nested groups. */
  holds: { items: HeldItem[]; truncated: boolean };
}

export interface EntitlementPage {
  entitlement: { id: string; displayName: string; slug: string; resource: Named };
  raw: unknown;
  offset: number;
  limit: number;
  total: number;
  holders: Holder[];
}

export interface GrantPage {
  id: string;
  entitlementId: string;
  resource: Named;
  principal: Named;
  raw: unknown;
}
