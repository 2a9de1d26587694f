/**
 * A v1 sync store (the SQLite database inside a `C1ZF\0` file), read-only. Every query is scoped to one
 * sync and works on every schema vintage the SDK has written.
 */
import Database from 'better-sqlite3';
import { fileError } from '../../lib/errors.js';
import { sdkTimeToRfc3339 } from '../sdk-time.js';
import type {
  GrantFilter,
  ResourceFilter,
  RowSource,
  RowTable,
  StoredEntitlement,
  StoredGrant,
  StoredResource,
  StoredRow,
  StatsOptions,
  SyncRun,
  SyncScope,
  SyncStats,
} from '../types.js';
import { SchemaInfo } from './schema-info.js';
import { parseStatsColumn, querySyncStats } from './stats-query.js';

export class V1Store implements RowSource {
  private readonly db: Database.Database;
  private readonly lookups = new Map<string, Database.Statement>();
  readonly schema: SchemaInfo;

  /** `label` names the file in errors: the .c1z the user gave, not our temporary database. */
  constructor(
    dbPath: string,
    private readonly label: string,
  ) {
    try {
      this.db = new Database(dbPath, { readonly: true, fileMustExist: true });
      this.schema = new SchemaInfo(this.db);
    } catch (error) {
      throw fileError(label, `not a readable SQLite database (${(error as Error).message})`, 'the file is damaged; ask for it again', error);
    }
    const missing = this.schema.missingTables();
    if (missing.length > 0) {
      this.db.close();
      throw fileError(label, `SQLite database without the c1z tables (missing ${missing.join(', ')})`, 'is this a Baton sync file?');
    }
  }

  syncs(): SyncRun[] {
    const col = (name: string, fallback: string) => this.schema.columnOr('v1_sync_runs', name, fallback);
    const rows = this.query<{
      sync_id: string;
      started_at: string;
      ended_at: string | null;
      sync_token: string;
      sync_type: string;
      parent_sync_id: string;
      linked_sync_id: string;
    }>(
      `SELECT sync_id, started_at, ended_at, sync_token, ${col('sync_type', `'full'`)}, ${col('parent_sync_id', `''`)},
              ${col('linked_sync_id', `''`)} FROM v1_sync_runs ORDER BY id`,
    );
    return rows.map((r) => ({
      id: r.sync_id,
      startedAt: sdkTimeToRfc3339(String(r.started_at ?? '')),
      endedAt: r.ended_at == null || r.ended_at === '' ? undefined : sdkTimeToRfc3339(String(r.ended_at)),
      syncToken: r.sync_token ?? '',
      syncType: r.sync_type || 'full',
      parentSyncId: r.parent_sync_id ?? '',
      linkedSyncId: r.linked_sync_id ?? '',
    }));
  }

  /**
   * The SDK's own numbers when it cached them for a finished sync (as `baton stats` shows them), else
   * counted from the rows; `recount` always counts. Counting a million grants scans the whole table.
   */
  stats(syncId: string, { recount = false }: StatsOptions = {}): SyncStats {
    try {
      const cached = recount ? undefined : this.cachedStats(syncId);
      return cached ?? { ...querySyncStats(this.db, syncId), countedFrom: 'rows' };
    } catch (error) {
      throw this.describe(error);
    }
  }

  private cachedStats(syncId: string): SyncStats | undefined {
    if (!this.schema.has('v1_sync_runs', 'stats')) return undefined;
    const row = this.db.prepare(`SELECT stats, ended_at FROM v1_sync_runs WHERE sync_id = ?`).get(syncId) as
      | { stats: string | null; ended_at: string | null }
      | undefined;
    if (!row?.stats || !row.ended_at) return undefined;
    const declared = this.db.prepare(`SELECT external_id FROM v1_resource_types WHERE sync_id = ?`).pluck().all(syncId) as string[];
    const stats = parseStatsColumn(row.stats, declared);
    return stats && { ...stats, countedFrom: 'cached' };
  }

  resourceTypes(scope: SyncScope): Iterable<StoredRow> {
    return this.iterate<StoredRow>(`SELECT sync_id AS syncId, external_id AS externalId, data FROM v1_resource_types`, scope, []);
  }

  resourceType(scope: SyncScope, id: string): StoredRow | undefined {
    return this.lookup<StoredRow>(`SELECT sync_id AS syncId, external_id AS externalId, data FROM v1_resource_types`, scope, id);
  }

  resources(scope: SyncScope, filter: ResourceFilter = {}): Iterable<StoredResource> {
    return this.iterate<StoredResource>(RESOURCE_SELECT, scope, filter.resourceTypeId ? [['resource_type_id = ?', filter.resourceTypeId]] : []);
  }

  resource(scope: SyncScope, resourceTypeId: string, resourceId: string): StoredResource | undefined {
    return this.lookup<StoredResource>(RESOURCE_SELECT, scope, `${resourceTypeId}:${resourceId}`);
  }

  entitlements(scope: SyncScope, filter: ResourceFilter = {}): Iterable<StoredEntitlement> {
    return this.iterate<StoredEntitlement>(ENTITLEMENT_SELECT, scope, filter.resourceTypeId ? [['resource_type_id = ?', filter.resourceTypeId]] : []);
  }

  entitlement(scope: SyncScope, id: string): StoredEntitlement | undefined {
    return this.lookup<StoredEntitlement>(ENTITLEMENT_SELECT, scope, id);
  }

  grants(scope: SyncScope, filter: GrantFilter = {}): Iterable<StoredGrant> {
    const where: Array<[string, ...unknown[]]> = [];
    if (filter.resourceTypeId) where.push(['resource_type_id = ?', filter.resourceTypeId]);
    if (filter.resource) where.push(['resource_type_id = ? AND resource_id = ?', filter.resource.resourceTypeId, filter.resource.resourceId]);
    if (filter.entitlementId) where.push(['entitlement_id = ?', filter.entitlementId]);
    const expansion = this.schema.has('v1_grants', 'expansion') ? 'expansion' : 'NULL AS expansion';
    const rows = this.iterate<StoredGrant & { expansion: Uint8Array | null }>(
      `SELECT sync_id AS syncId, external_id AS externalId, data, resource_type_id AS resourceTypeId, resource_id AS resourceId,
              entitlement_id AS entitlementId, principal_resource_type_id AS principalResourceTypeId,
              principal_resource_id AS principalResourceId, ${expansion} FROM v1_grants`,
      scope,
      where,
    );
    return mapIterable(rows, (r) => (r.expansion == null ? { ...r, expansion: undefined } : r) as StoredGrant);
  }

  /**
   * `PRAGMA quick_check`: every page of every table and index (or of the tables named, with their indexes)
   * read and its structure checked; not index contents against rows, which `integrity_check` adds at
   * several times the cost. 2.5-3.5 s on a 1 GB store of 1M grants, pages still cached from the inflate.
   */
  verify(tables?: readonly RowTable[]): void {
    for (const table of tables ? tables.map((t) => V1_TABLE[t]) : [undefined]) this.quickCheck(table);
  }

  private quickCheck(table: string | undefined): void {
    const [first] = this.query<{ quick_check: string }>(`PRAGMA quick_check(${table ?? 1})`).map((r) => r.quick_check);
    if (first === 'ok') return;
    const problem = (first ?? 'no answer')
      .replace(/\*\*\* in database \w+ \*\*\*/, '')
      .replace(/\s+/g, ' ')
      .trim();
    throw fileError(this.label, `damaged sync store (page check: ${problem})`, 'the file is corrupt; ask for it again');
  }

  close(): void {
    this.db.close();
  }

  private *iterate<T>(select: string, scope: SyncScope, where: Array<[string, ...unknown[]]>): Generator<T> {
    const clauses = [...where];
    if ('syncId' in scope) clauses.unshift(['sync_id = ?', scope.syncId]);
    const sql = `${select}${clauses.length ? ` WHERE ${clauses.map((c) => c[0]).join(' AND ')}` : ''} ORDER BY id`;
    const params = clauses.flatMap((c) => c.slice(1));
    try {
      for (const row of this.db.prepare(sql).iterate(...params)) yield normalise(row as Record<string, unknown>) as T;
    } catch (error) {
      throw this.describe(error);
    }
  }

  /** One row by external id. Grant listings look up two resources per grant, so statements are reused. */
  private lookup<T>(select: string, scope: SyncScope, externalId: string): T | undefined {
    const sql = `${select} WHERE external_id = ?${'syncId' in scope ? ' AND sync_id = ?' : ''} ORDER BY id DESC LIMIT 1`;
    let statement = this.lookups.get(sql);
    try {
      if (!statement) this.lookups.set(sql, (statement = this.db.prepare(sql)));
      const row = statement.get(...('syncId' in scope ? [externalId, scope.syncId] : [externalId]));
      return row === undefined ? undefined : (normalise(row as Record<string, unknown>) as T);
    } catch (error) {
      throw this.describe(error);
    }
  }

  private query<T>(sql: string, ...params: unknown[]): T[] {
    try {
      return this.db.prepare(sql).all(...params) as T[];
    } catch (error) {
      throw this.describe(error);
    }
  }

  private describe(error: unknown): Error {
    if (error instanceof Database.SqliteError) {
      return fileError(this.label, `damaged sync store (${error.message})`, 'the file is corrupt; ask for it again', error);
    }
    return error as Error;
  }
}

const V1_TABLE: Record<RowTable, string> = {
  syncs: 'v1_sync_runs',
  resourceTypes: 'v1_resource_types',
  resources: 'v1_resources',
  entitlements: 'v1_entitlements',
  grants: 'v1_grants',
};

const RESOURCE_SELECT = `SELECT sync_id AS syncId, external_id AS externalId, data, resource_type_id AS resourceTypeId,
  parent_resource_type_id AS parentResourceTypeId, parent_resource_id AS parentResourceId FROM v1_resources`;
const ENTITLEMENT_SELECT = `SELECT sync_id AS syncId, external_id AS externalId, data, resource_type_id AS resourceTypeId,
  resource_id AS resourceId FROM v1_entitlements`;

/** SQLite NULLs become absent fields, and blobs stay Uint8Array views (better-sqlite3 gives Buffers). */
function normalise(row: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(row)) if (row[key] === null && key !== 'expansion') delete row[key];
  return row;
}

function* mapIterable<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}
