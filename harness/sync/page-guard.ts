/**
 * The SDK's check that a connector's paging moves forward (`pkg/connectorbuilder/resource_syncer.go`), with
 * its exact error texts, plus two checks the SDK lacks: a token seen earlier in the same listing (a cycle,
 * A→B→A, which the SDK follows forever) and a page budget (endless fresh tokens, equally endless there).
 */
import { type ResourceId, SyncError } from '../../c1z/contract/index.js';

/** `current`: SDK ≥ v0.7.0 (commit 1ddf4ee3); `legacy`: SDK v0.1.27 … v0.6.x. */
export type SdkTextVersion = 'current' | 'legacy';

export type Listing =
  | { kind: 'resources'; resourceTypeId: string; parent?: ResourceId }
  | { kind: 'entitlements'; resourceTypeId: string; resourceId: string }
  | { kind: 'grants'; resourceTypeId: string; resourceId: string };

export interface PageGuardOptions {
  sdkTextVersion?: SdkTextVersion;
  /** Pages one listing may take before it is called endless. */
  pageBudget?: number;
}

/** Ten thousand pages is far beyond any real tenant's listing at the page sizes connectors use. */
const DEFAULT_PAGE_BUDGET = 10_000;

/** One guard per listing: it remembers the tokens that listing has handed out. */
export class PageGuard {
  private readonly seen = new Set<string>();
  private pages = 0;
  private readonly version: SdkTextVersion;
  private readonly budget: number;

  constructor(
    private readonly listing: Listing,
    options: PageGuardOptions = {},
  ) {
    this.version = options.sdkTextVersion ?? 'current';
    this.budget = options.pageBudget ?? DEFAULT_PAGE_BUDGET;
  }

  /** Call after each page; throws a SyncError (Internal) when the listing cannot be trusted to end. */
  check(requestToken: string, nextToken: string): void {
    this.pages++;
    if (requestToken !== '' && nextToken === requestToken) throw new SyncError('Internal', unchangedText(this.listing, requestToken, this.version));
    if (nextToken === '') return;
    if (this.seen.has(nextToken)) {
      throw new SyncError(
        'Internal',
        `${failedPrefix(this.listing)}: pagination cycle detected (token=${nextToken} was returned earlier in this listing${where(this.listing)}) - likely a connector bug`,
      );
    }
    this.seen.add(nextToken);
    if (this.pages >= this.budget) {
      throw new SyncError(
        'Internal',
        `${failedPrefix(this.listing)}: page budget exceeded (${this.pages} pages${where(this.listing)}, last token=${nextToken}) - likely a connector bug`,
      );
    }
  }
}

/** The SDK's own texts, byte for byte (the legacy resources text really has two spaces before "with"). */
export function unchangedText(listing: Listing, token: string, version: SdkTextVersion): string {
  switch (listing.kind) {
    case 'resources': {
      const parent = goResourceId(listing.parent);
      return version === 'current'
        ? `listing resources failed: next page token unchanged (token=${token}, type=${listing.resourceTypeId}, parent=${parent}) - likely a connector bug`
        : `error: listing resources failed: next page token is the same as the current page token  with page token ${token} resource type id ${listing.resourceTypeId} and resource parent id: ${parent} this is most likely a connector bug`;
    }
    case 'entitlements':
      return version === 'current'
        ? 'listing entitlements failed: next page token unchanged - likely a connector bug'
        : 'error: listing entitlements failed: next page token is the same as the current page token. this is most likely a connector bug';
    case 'grants':
      return version === 'current'
        ? `listing grants for resource ${listing.resourceTypeId}/${listing.resourceId} failed: next page token unchanged - likely a connector bug`
        : `error: listing grants for resource ${listing.resourceTypeId}/${listing.resourceId} failed: next page token is the same as the current page token. this is most likely a connector bug`;
  }
}

/**
 * How Go's `%s` prints the request's parent ResourceId: `<nil>` for a top-level listing, else its text form.
 * Go's prototext deliberately varies the spacing between fields from build to build, so only the nil case
 * is byte-exact; the single-space form here is one of the forms Go prints.
 */
function goResourceId(id: ResourceId | undefined): string {
  if (!id) return '<nil>';
  const fields = [];
  if (id.resourceType) fields.push(`resource_type:${JSON.stringify(id.resourceType)}`);
  if (id.resource) fields.push(`resource:${JSON.stringify(id.resource)}`);
  if (id.batonResource) fields.push('baton_resource:true');
  return fields.join(' ');
}

function failedPrefix(listing: Listing): string {
  return listing.kind === 'grants'
    ? `listing grants for resource ${listing.resourceTypeId}/${listing.resourceId} failed`
    : `listing ${listing.kind} failed`;
}

function where(listing: Listing): string {
  switch (listing.kind) {
    case 'resources':
      return `, type=${listing.resourceTypeId}, parent=${goResourceId(listing.parent)}`;
    case 'entitlements':
      return `, resource=${listing.resourceTypeId}/${listing.resourceId}`;
    case 'grants':
      return '';
  }
}
