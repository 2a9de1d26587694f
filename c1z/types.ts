/** The shapes every reader of a sync file gives, whatever its engine (v1 SQLite, v3 Pebble). */

/** `full`, `partial`, `resources_only`, `partial_upserts`, `partial_deletions`, or what a newer SDK invents. */
export type SyncType = string;

export interface SyncRun {
  id: string;
  /** RFC 3339, UTC. */
  startedAt?: string;
  /** RFC 3339, UTC; absent while the sync is unfinished. */
  endedAt?: string;
  syncToken: string;
  syncType: SyncType;
  parentSyncId: string;
  linkedSyncId: string;
}

export interface SyncStats {
  resourceTypes: number;
  resources: number;
  entitlements: number;
  grants: number;
  resourcesByResourceType: Record<string, number>;
  entitlementsByResourceType: Record<string, number>;
  /** Keyed by the resource type of the grant's entitlement, as the SDK does. */
  grantsByResourceType: Record<string, number>;
  /** Where the numbers come from: counting rows, the SDK's cache in `v1_sync_runs.stats`, or a v3 header. */
  countedFrom?: 'rows' | 'cached' | 'header';
}

export interface StatsOptions {
  /** Count the rows even when the file caches stats for the sync (baton's `recalculate-stats`). */
  recount?: boolean;
}

/** Rows of one sync, or of every sync in the file (the reader's last-resort "no filter" view). */
export type SyncScope = { syncId: string } | { allSyncs: true };

export interface ResourceFilter {
  resourceTypeId?: string;
}

export interface GrantFilter extends ResourceFilter {
  /** The entitlement's resource, as `{ resourceTypeId, resourceId }`. */
  resource?: { resourceTypeId: string; resourceId: string };
  entitlementId?: string;
}

/** One stored row: its raw protobuf and the columns the SDK indexes it by. */
export interface StoredRow {
  syncId: string;
  externalId: string;
  data: Uint8Array;
}

export interface StoredResource extends StoredRow {
  resourceTypeId: string;
  parentResourceTypeId?: string;
  parentResourceId?: string;
}

export interface StoredEntitlement extends StoredRow {
  resourceTypeId: string;
  resourceId: string;
}

export interface StoredGrant extends StoredRow {
  resourceTypeId: string;
  resourceId: string;
  entitlementId: string;
  principalResourceTypeId: string;
  principalResourceId: string;
  /** Serialized GrantExpandable moved out of `data` by newer writers. */
  expansion?: Uint8Array;
}

/** Row access: a v1 file's SQLite tables, or a v3 file's Pebble store read row by row. */
export interface RowSource {
  resourceTypes(scope: SyncScope): Iterable<StoredRow>;
  resources(scope: SyncScope, filter?: ResourceFilter): Iterable<StoredResource>;
  entitlements(scope: SyncScope, filter?: ResourceFilter): Iterable<StoredEntitlement>;
  grants(scope: SyncScope, filter?: GrantFilter): Iterable<StoredGrant>;
  resourceType(scope: SyncScope, id: string): StoredRow | undefined;
  resource(scope: SyncScope, resourceTypeId: string, resourceId: string): StoredResource | undefined;
  entitlement(scope: SyncScope, id: string): StoredEntitlement | undefined;
}

/** The kinds of rows a store keeps, as a reader names the parts it reads. */
export type RowTable = 'syncs' | 'resourceTypes' | 'resources' | 'entitlements' | 'grants';

export interface SyncFile {
  readonly path: string;
  readonly format: 'v1' | 'v3' | 'sqlite' | 'empty';
  readonly engine: 'sqlite' | 'pebble';
  /**
   * The SQLite database holding the rows (for v1, the inflated temporary copy; for v3, set when opened with
   * `need: 'database'`, its rows written into one), valid until `close()`, for readers that must join inside
   * SQLite (`diff` attaches two).
   */
  readonly databasePath?: string;
  /** Every sync in the file, oldest first. */
  syncs(): SyncRun[];
  /** Counts for one sync. */
  stats(syncId: string, options?: StatsOptions): SyncStats;
  /** Row access; a damaged v3 store surfaces as a one-line {@link UserError} while rows are read. */
  rows(): RowSource;
  /**
   * Reads every page of the store (or of the tables for `tables`, with their indexes) and throws the one-line damaged-store {@link UserError} if any is
   * corrupt; for listings, which must fail before their first row rather than after a million. A v3 file
   * was checked frame by frame while it was unpacked, so it passes at once.
   */
  verify(tables?: readonly RowTable[]): void;
  close(): void;
}
