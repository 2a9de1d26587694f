/**
 * The rows of a v3 (Pebble) sync file, offered through the same {@link RowSource} the v1 store gives, so
 * listings, lookups and diff read either kind of file alike. Records are decoded with the schemas the file
 * carries and handed out as `c1.connector.v2` messages. A v3 file holds exactly one sync; rows come in key
 * order (resource type, then id), where v1 gives insertion order.
 */
import { fromBinary, type DescMessage } from '@bufbuild/protobuf';
import { fileError } from '../../../lib/errors.js';
import type {
  GrantFilter,
  ResourceFilter,
  RowSource,
  StoredEntitlement,
  StoredGrant,
  StoredResource,
  StoredRow,
  SyncRun,
  SyncScope,
  SyncStats,
} from '../../types.js';
import type { VisibleEntry } from '../lsm/merged-scan.js';
import { timestampRfc3339 } from '../timestamp.js';
import { PREFIX, tupleKey } from './keyspace.js';
import type { RecordKind, RecordSchemas } from './record-schemas.js';
import type { EntitlementRecord, GrantRecord, ResourceRecord, ResourceTypeRecord, SyncRunRecord } from './record-shapes.js';
import { entitlementRow, grantRow, resourceRow, resourceTypeRow } from './to-connector.js';

/** Ordered key/value access: the Pebble store, seen through the opener's error reporting. */
export interface KeyValueSource {
  scan(prefix?: Uint8Array): Iterable<VisibleEntry>;
  get(key: Uint8Array): Uint8Array | undefined;
}

const SYNC_TYPES: Record<number, string> = { 1: 'full', 2: 'partial', 3: 'resources_only', 4: 'partial_upserts', 5: 'partial_deletions' };

export class V3Store implements RowSource {
  private entitlementKeys: Map<string, Uint8Array> | undefined;

  constructor(
    private readonly db: KeyValueSource,
    private readonly schemas: RecordSchemas,
    /** The file's one sync. */
    readonly syncId: string,
    /** The .c1z the user gave, for errors. */
    private readonly label: string,
  ) {}

  /** The sync-run records of the store (normally one), oldest first. */
  syncRuns(): SyncRun[] {
    const runs: SyncRun[] = [];
    for (const { key, value } of this.db.scan(PREFIX.syncRun)) {
      const r = this.decode<SyncRunRecord>('syncRun', value, key);
      runs.push({
        id: r.syncId,
        startedAt: r.startedAt && timestampRfc3339(r.startedAt),
        endedAt: r.endedAt && timestampRfc3339(r.endedAt),
        syncToken: r.syncToken,
        syncType: SYNC_TYPES[r.type] ?? 'unknown',
        parentSyncId: r.parentSyncId,
        linkedSyncId: r.linkedSyncId,
      });
    }
    return runs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Counts straight from the rows, keyed like the SDK's stats (grants by their entitlement's resource type). */
  countRows(): SyncStats {
    const types = [...this.resourceTypes({ allSyncs: true })].map((r) => r.externalId);
    const count = (rows: Iterable<{ resourceTypeId: string }>) => {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.resourceTypeId, (counts.get(row.resourceTypeId) ?? 0) + 1);
      return counts;
    };
    const resources = count(this.resourceRecords(PREFIX.resource, () => true));
    const entitlements = count(
      this.mapRecords<EntitlementRecord, { resourceTypeId: string }>('entitlement', PREFIX.entitlement, (r) => ({
        resourceTypeId: r.resource?.resourceTypeId ?? '',
      })),
    );
    const grants = count(
      this.mapRecords<GrantRecord, { resourceTypeId: string }>('grant', PREFIX.grant, (r) => ({
        resourceTypeId: r.entitlement?.resourceTypeId ?? '',
      })),
    );
    const keys = [...new Set([...types, ...resources.keys(), ...entitlements.keys(), ...grants.keys()])].sort();
    const byType = (counts: Map<string, number>) => Object.fromEntries(keys.map((k) => [k, counts.get(k) ?? 0]));
    const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
    return {
      resourceTypes: types.length,
      resources: sum(resources),
      entitlements: sum(entitlements),
      grants: sum(grants),
      resourcesByResourceType: byType(resources),
      entitlementsByResourceType: byType(entitlements),
      grantsByResourceType: byType(grants),
      countedFrom: 'rows',
    };
  }

  *resourceTypes(scope: SyncScope): Iterable<StoredRow> {
    if (!this.inScope(scope)) return;
    yield* this.mapRecords<ResourceTypeRecord, StoredRow>('resourceType', PREFIX.resourceType, (r) => resourceTypeRow(this.syncId, r));
  }

  resourceType(scope: SyncScope, id: string): StoredRow | undefined {
    if (!this.inScope(scope)) return undefined;
    const key = tupleKey(PREFIX.resourceType, [id]);
    const value = this.db.get(key);
    if (!value) return undefined;
    const record = this.decode<ResourceTypeRecord>('resourceType', value, key);
    return record.externalId === id ? resourceTypeRow(this.syncId, record) : undefined;
  }

  *resources(scope: SyncScope, filter: ResourceFilter = {}): Iterable<StoredResource> {
    if (!this.inScope(scope)) return;
    const type = filter.resourceTypeId;
    const prefix = type === undefined ? PREFIX.resource : tupleKey(PREFIX.resource, [type], true);
    yield* this.resourceRecords(prefix, (r) => type === undefined || r.resourceTypeId === type);
  }

  resource(scope: SyncScope, resourceTypeId: string, resourceId: string): StoredResource | undefined {
    if (!this.inScope(scope)) return undefined;
    const key = tupleKey(PREFIX.resource, [resourceTypeId, resourceId]);
    const value = this.db.get(key);
    if (!value) return undefined;
    const record = this.decode<ResourceRecord>('resource', value, key);
    return record.resourceTypeId === resourceTypeId && record.resourceId === resourceId ? resourceRow(this.syncId, record) : undefined;
  }

  *entitlements(scope: SyncScope, filter: ResourceFilter = {}): Iterable<StoredEntitlement> {
    if (!this.inScope(scope)) return;
    const type = filter.resourceTypeId;
    const prefix = type === undefined ? PREFIX.entitlement : tupleKey(PREFIX.entitlement, [type], true);
    for (const row of this.mapRecords<EntitlementRecord, StoredEntitlement>('entitlement', prefix, (r) => entitlementRow(this.syncId, r))) {
      if (type === undefined || row.resourceTypeId === type) yield row;
    }
  }

  entitlement(scope: SyncScope, id: string): StoredEntitlement | undefined {
    if (!this.inScope(scope)) return undefined;
    const key = this.entitlementKey(id);
    const value = key && this.db.get(key);
    if (!key || !value) return undefined;
    const record = this.decode<EntitlementRecord>('entitlement', value, key);
    return record.externalId === id ? entitlementRow(this.syncId, record) : undefined;
  }

  *grants(scope: SyncScope, filter: GrantFilter = {}): Iterable<StoredGrant> {
    if (!this.inScope(scope)) return;
    const { resourceTypeId, resource, entitlementId } = filter;
    let prefix: Uint8Array = PREFIX.grant;
    if (entitlementId !== undefined) {
      // Grant keys begin with their entitlement's key tail (keys.go), so one entitlement's grants are adjacent.
      const entitlementKey = this.entitlementKey(entitlementId);
      if (entitlementKey) prefix = Buffer.concat([PREFIX.grant, entitlementKey.subarray(2), Buffer.from([0])]);
    } else if (resource) {
      prefix = tupleKey(PREFIX.grant, [resource.resourceTypeId, resource.resourceId], true);
    } else if (resourceTypeId !== undefined) {
      prefix = tupleKey(PREFIX.grant, [resourceTypeId], true);
    }
    for (const row of this.mapRecords<GrantRecord, StoredGrant>('grant', prefix, (r) => grantRow(this.syncId, r))) {
      if (resourceTypeId !== undefined && row.resourceTypeId !== resourceTypeId) continue;
      if (resource && (row.resourceTypeId !== resource.resourceTypeId || row.resourceId !== resource.resourceId)) continue;
      if (entitlementId !== undefined && row.entitlementId !== entitlementId) continue;
      yield row;
    }
  }

  private *resourceRecords(prefix: Uint8Array, keep: (r: ResourceRecord) => boolean): Generator<StoredResource> {
    for (const { key, value } of this.db.scan(prefix)) {
      const record = this.decode<ResourceRecord>('resource', value, key);
      if (keep(record)) yield resourceRow(this.syncId, record);
    }
  }

  private *mapRecords<R, T>(kind: RecordKind, prefix: Uint8Array, map: (record: R) => T): Generator<T> {
    for (const { key, value } of this.db.scan(prefix)) yield map(this.decode<R>(kind, value, key));
  }

  /** Entitlement keys by id, learnt in one pass: the key holds the SDK's identity split, not the plain id. */
  private entitlementKey(id: string): Uint8Array | undefined {
    if (!this.entitlementKeys) {
      this.entitlementKeys = new Map();
      for (const { key, value } of this.db.scan(PREFIX.entitlement)) {
        this.entitlementKeys.set(this.decode<EntitlementRecord>('entitlement', value, key).externalId, key);
      }
    }
    return this.entitlementKeys.get(id);
  }

  private inScope(scope: SyncScope): boolean {
    return 'allSyncs' in scope || scope.syncId === this.syncId;
  }

  private decode<R>(kind: RecordKind, value: Uint8Array, key: Uint8Array): R {
    const schema: DescMessage = this.schemas.schema(kind);
    try {
      return fromBinary(schema, value) as unknown as R;
    } catch (error) {
      throw fileError(
        this.label,
        `damaged v3 payload: the ${schema.typeName} at key ${printable(key)} does not decode (${(error as Error).message})`,
        'the file is damaged; ask for it again',
        error,
      );
    }
  }
}

function printable(key: Uint8Array): string {
  return JSON.stringify(
    Buffer.from(key)
      .toString('latin1')
      .replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
  );
}
