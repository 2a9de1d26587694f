/**
 * Builds a v1 sync store: SQLite in a private temporary folder while syncs are written, compressed into
 * place by `finish()`. Writes upsert on (external_id, sync_id) as the SDK does, so writing an object twice in
 * one sync keeps the last version, exactly the collapse a real c1z shows.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../../lib/fs/temp-files.js';
import { formatSdkTime } from '../sdk-time.js';
import type { SyncType } from '../types.js';
import { querySyncStats, statsColumnJson } from '../v1/stats-query.js';
import { compressV1 } from './compress.js';
import { KsuidSource } from './ksuid.js';
import { splitSchema } from './schema.js';

export interface StoreWriterOptions {
  /** Injected so tests and seeded runs get stable times and sync ids. */
  clock?: () => Date;
  /** Seed for sync ids; the same seed and clock give the same ids. */
  seed?: string | number;
  /** zstd level; 1 matches the SDK. */
  compressionLevel?: number;
}

export interface ResourceTypeRow {
  externalId: string;
  data: Uint8Array;
}
export interface ResourceRow extends ResourceTypeRow {
  resourceTypeId: string;
  parentResourceTypeId?: string;
  parentResourceId?: string;
}
export interface EntitlementRow extends ResourceTypeRow {
  resourceTypeId: string;
  resourceId: string;
}
export interface GrantRow extends EntitlementRow {
  entitlementId: string;
  principalResourceTypeId: string;
  principalResourceId: string;
  /** Serialized GrantExpandable, kept out of `data` as SDK v0.2x writers do. */
  expansion?: Uint8Array;
}

export interface SyncStart {
  type?: SyncType;
  parentSyncId?: string;
  linkedSyncId?: string;
  /** Use this id instead of minting one. */
  id?: string;
}

/** Rows per transaction: large enough for speed, small enough that a crash loses little work. */
const BATCH = 20_000;
const SCHEMA = splitSchema();

export class StoreWriter {
  private readonly dir: string;
  private readonly db: Database.Database;
  private readonly ids: KsuidSource;
  private readonly clock: () => Date;
  private readonly statements;
  private pending = 0;
  private finished = false;

  constructor(
    private readonly target: string,
    private readonly options: StoreWriterOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.ids = new KsuidSource(options.seed ?? 0);
    this.dir = makeTempDir('sync-harness-write-');
    this.db = new Database(join(this.dir, 'sync.db'));
    // A scratch file compressed at the end: durability of each write buys nothing here.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('locking_mode = EXCLUSIVE');
    // Six indexes on v1_grants: with SQLite's 2 MB default cache, a million-grant sync thrashes index pages.
    this.db.pragma('cache_size = -131072');
    this.db.exec(SCHEMA.upfront);
    const upsert = (table: string, columns: string[]) =>
      this.db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}, sync_id, discovered_at) VALUES (${columns.map((c) => `@${c}`).join(', ')}, @sync_id, @discovered_at)
         ON CONFLICT (external_id, sync_id) DO UPDATE SET ${columns
           .filter((c) => c !== 'external_id')
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}`,
      );
    this.statements = {
      resourceType: upsert('v1_resource_types', ['external_id', 'data']),
      resource: upsert('v1_resources', ['resource_type_id', 'external_id', 'parent_resource_type_id', 'parent_resource_id', 'data']),
      entitlement: upsert('v1_entitlements', ['resource_type_id', 'resource_id', 'external_id', 'data']),
      grant: upsert('v1_grants', [
        'resource_type_id',
        'resource_id',
        'entitlement_id',
        'principal_resource_type_id',
        'principal_resource_id',
        'external_id',
        'expansion',
        'needs_expansion',
        'data',
      ]),
      startSync: this.db.prepare(
        `INSERT INTO v1_sync_runs (sync_id, started_at, sync_token, sync_type, parent_sync_id, linked_sync_id) VALUES (?, ?, '', ?, ?, ?)`,
      ),
      setToken: this.db.prepare(`UPDATE v1_sync_runs SET sync_token = ? WHERE sync_id = ?`),
      endSync: this.db.prepare(`UPDATE v1_sync_runs SET ended_at = ?, stats = ? WHERE sync_id = ? AND ended_at IS NULL`),
      resourcePage: this.db.prepare<[string, string, number, number], { rowid: number; data: Buffer }>(
        `SELECT id AS rowid, data FROM v1_resources WHERE sync_id = ? AND resource_type_id = ? AND id > ? ORDER BY id LIMIT ?`,
      ),
    };
  }

  startSync(start: SyncStart = {}): string {
    const now = this.clock();
    const id = start.id ?? this.ids.next(now);
    this.write(() => this.statements.startSync.run(id, formatSdkTime(now), start.type ?? 'full', start.parentSyncId ?? '', start.linkedSyncId ?? ''));
    return id;
  }

  /** The syncer's checkpoint, as the SDK stores it while a sync runs. */
  setSyncToken(syncId: string, token: string): void {
    this.write(() => this.statements.setToken.run(token, syncId));
  }

  /** Marks the sync finished and caches its stats, as the SDK does when a sync ends. */
  endSync(syncId: string): void {
    this.commit();
    const stats = statsColumnJson(querySyncStats(this.db, syncId));
    const changed = this.statements.endSync.run(formatSdkTime(this.clock()), stats, syncId).changes;
    if (changed === 0) throw new Error(`sync ${syncId} is not running`);
  }

  /**
   * The stored resources of one type, a page at a time in the order first written (rows not yet committed
   * included: the same connection sees its open transaction), so a sync can go through what it listed
   * without holding it all in memory, as the SDK reads resources back from its store.
   */
  resourcePage(syncId: string, resourceTypeId: string, afterRowId: number, limit: number): { rowid: number; data: Buffer }[] {
    return this.statements.resourcePage.all(syncId, resourceTypeId, afterRowId, limit);
  }

  putResourceType(syncId: string, row: ResourceTypeRow): void {
    this.write(() => this.statements.resourceType.run({ external_id: row.externalId, data: row.data, ...this.stamp(syncId) }));
  }

  putResource(syncId: string, row: ResourceRow): void {
    this.write(() =>
      this.statements.resource.run({
        resource_type_id: row.resourceTypeId,
        external_id: row.externalId,
        parent_resource_type_id: row.parentResourceTypeId ?? null,
        parent_resource_id: row.parentResourceId ?? null,
        data: row.data,
        ...this.stamp(syncId),
      }),
    );
  }

  putEntitlement(syncId: string, row: EntitlementRow): void {
    this.write(() =>
      this.statements.entitlement.run({
        resource_type_id: row.resourceTypeId,
        resource_id: row.resourceId,
        external_id: row.externalId,
        data: row.data,
        ...this.stamp(syncId),
      }),
    );
  }

  putGrant(syncId: string, row: GrantRow): void {
    this.write(() =>
      this.statements.grant.run({
        resource_type_id: row.resourceTypeId,
        resource_id: row.resourceId,
        entitlement_id: row.entitlementId,
        principal_resource_type_id: row.principalResourceTypeId,
        principal_resource_id: row.principalResourceId,
        external_id: row.externalId,
        expansion: row.expansion ?? null,
        needs_expansion: row.expansion ? 1 : 0,
        data: row.data,
        ...this.stamp(syncId),
      }),
    );
  }

  /** Compress into the target path (atomically) and remove the scratch database. */
  async finish(): Promise<void> {
    if (this.finished) throw new Error('writer already finished');
    this.finished = true;
    try {
      try {
        this.commit();
        this.db.exec(SCHEMA.deferred);
      } finally {
        this.db.close();
      }
      await compressV1(join(this.dir, 'sync.db'), this.target, this.options.compressionLevel);
    } finally {
      removeTempDir(this.dir);
    }
  }

  /** Give up: nothing is written to the target. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.db.open) this.db.close();
    removeTempDir(this.dir);
  }

  private stamp(syncId: string) {
    return { sync_id: syncId, discovered_at: this.now() };
  }

  private lastTime = Number.NaN;
  private lastText = '';

  /** The clock in the SDK's text form; rows written within one millisecond share the formatting work. */
  private now(): string {
    const time = this.clock().getTime();
    if (time !== this.lastTime) {
      this.lastTime = time;
      this.lastText = formatSdkTime(new Date(time));
    }
    return this.lastText;
  }

  /**
   * Batches rows into transactions. Whether one is open is asked of SQLite, not inferred from the row count:
   * a failed first row of a batch (a duplicate sync id, say) leaves the transaction open with nothing counted.
   */
  private write(run: () => unknown): void {
    if (this.finished) throw new Error('writer already finished');
    if (!this.db.inTransaction) this.db.exec('BEGIN');
    run();
    if (++this.pending >= BATCH) this.commit();
  }

  private commit(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.pending = 0;
  }
}
