/**
 * The questions the sync view asks of one sync, answered from the file's SQLite database (a v1 file's
 * inflated copy, or the one a v3 file's rows are written into) with its indexes and a LIMIT on every list,
 * so no page reads more than it shows: on 1M grants a page answers in milliseconds once the file is open.
 */
import Database from 'better-sqlite3';
import {
  unpackAnnotation,
  GrantExpandableSchema,
  EntitlementSchema,
  GrantSchema,
  ResourceSchema,
  ResourceTypeSchema,
  type Grant,
} from '../../c1z/contract/index.js';
import { messageToJson, Records, selectForRows, type StoredGrant, type SyncFile, type SyncRun, type SyncStats } from '../../c1z/index.js';
import { NameIndex } from './name-index.js';
import { heldAccess, type GrantEdge } from './nested-access.js';
import { SyncScope } from './sync-scope.js';
import { NotFound } from './not-found.js';
import type {
  EntitlementPage,
  EntitlementSummary,
  GrantPage,
  Holder,
  Named,
  ResourceList,
  ResourcePage,
  ResourceRef,
  SyncOverview,
} from '../../reports/explore/sync-model.js';

/** Rows a list page shows at once. */
export const PAGE_SIZE = 50;
/** Holders shown beside each entitlement on a resource's page (the entitlement's own page lists them all). */
const HOLDERS_INLINE = 10;
/** Entitlements of one resource shown on its page. */
const ENTITLEMENTS_SHOWN = 200;
/** A principal's own grants read for its page (and per group while walking nested groups). */
const GRANTS_OF_PRINCIPAL = 5000;

export class SyncExplorer {
  private readonly db: Database.Database;
  private readonly scope: SyncScope;
  private readonly records: Records;
  readonly names = new NameIndex();
  readonly overview: SyncOverview;
  private readonly grantColumns: string;
  private hasExpansion = false;

  /**
   * `file` must have been opened with `need: 'database'`; it stays the caller's to close. `syncId`: the sync
   * to show (a diff's side), else the one the listing commands show.
   */
  constructor(
    private readonly file: SyncFile,
    syncId?: string,
  ) {
    if (!file.databasePath) throw new Error('SyncExplorer: the file was opened without its database');
    const selection = selectForRows(file.path, file.syncs(), syncId);
    const sync = selection.kind === 'sync' ? selection.sync : undefined;
    this.db = new Database(file.databasePath, { readonly: true, fileMustExist: true });
    try {
      this.scope = new SyncScope(this.db, sync?.id);
      this.records = new Records(file.path, file.rows(), sync ? { syncId: sync.id } : { allSyncs: true });
      const hasExpansion = (this.hasExpansion =
        (this.db.prepare(`SELECT count(*) FROM pragma_table_info('v1_grants') WHERE name = 'expansion'`).pluck().get() as number) > 0);
      this.grantColumns = `sync_id AS syncId, external_id AS externalId, data, resource_type_id AS resourceTypeId, resource_id AS resourceId,
        entitlement_id AS entitlementId, principal_resource_type_id AS principalResourceTypeId, principal_resource_id AS principalResourceId,
        ${hasExpansion ? 'expansion' : 'NULL AS expansion'}`;
      this.indexNames();
      const note =
        selection.kind === 'all-syncs'
          ? 'the file records no sync runs: every row is shown'
          : selection.reason === 'latest-unfinished'
            ? `no finished full sync: showing the unfinished sync ${selection.sync.id}`
            : selection.reason === 'latest-finished'
              ? `no full sync: showing the ${selection.sync.syncType} sync ${selection.sync.id}`
              : undefined;
      this.overview = this.summarize(sync, note);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }

  resources(options: { resourceType?: string; query?: string; offset?: number }): ResourceList {
    const offset = Math.max(0, options.offset ?? 0);
    const query = options.query ?? '';
    const page = this.names.search(query, { resourceTypeId: options.resourceType, offset, limit: PAGE_SIZE });
    return { ...(options.resourceType ? { resourceType: options.resourceType } : {}), query, offset, limit: PAGE_SIZE, ...page };
  }

  resource(resourceTypeId: string, resourceId: string): ResourcePage {
    const row = this.records.resourceById({
      $typeName: 'c1.connector.v2.ResourceId',
      resourceType: resourceTypeId,
      resource: resourceId,
      batonResource: false,
    });
    if (!row || this.names.displayName(resourceTypeId, resourceId) === undefined)
      throw new NotFound(`no resource ${resourceTypeId}:${resourceId} in this sync`);
    const parentId = row.parentResourceId;
    const entitlementRows = this.select<{ externalId: string; data: Uint8Array }>(
      'v1_entitlements',
      `SELECT external_id AS externalId, data FROM v1_entitlements WHERE resource_type_id = ? AND resource_id = ?`,
      [resourceTypeId, resourceId],
      ` ORDER BY id LIMIT ${ENTITLEMENTS_SHOWN + 1}`,
    );
    const entitlements = entitlementRows.slice(0, ENTITLEMENTS_SHOWN).map((r): EntitlementSummary => {
      const entitlement = this.records.entitlement({ ...r, syncId: '', resourceTypeId, resourceId });
      return {
        id: r.externalId,
        displayName: entitlement.displayName,
        slug: entitlement.slug,
        holders: this.holderCount(r.externalId),
        firstHolders: this.holders(r.externalId, 0, HOLDERS_INLINE),
        raw: messageToJson(EntitlementSchema, entitlement),
      };
    });
    const principal = { resourceTypeId, resourceId };
    const access = heldAccess(principal, this.grantEdges(principal, false), (p) => this.grantEdges(p, true));
    return {
      resource: this.named({ resourceTypeId, resourceId }),
      ...(parentId?.resourceType ? { parent: this.named({ resourceTypeId: parentId.resourceType, resourceId: parentId.resource }) } : {}),
      raw: messageToJson(ResourceSchema, row),
      entitlements,
      moreEntitlements: Math.max(0, entitlementRows.length - ENTITLEMENTS_SHOWN),
      holds: {
        items: access.held.map((h) => ({
          ...h,
          resourceName: this.names.displayName(h.resource.resourceTypeId, h.resource.resourceId),
          ...(h.via ? { via: h.via.map((v) => this.named(v)) } : {}),
        })),
        truncated: access.truncated,
      },
    };
  }

  entitlement(id: string, offset = 0): EntitlementPage {
    const stored = this.records.entitlementById(id);
    if (!stored) throw new NotFound(`no entitlement ${id} in this sync`);
    const resourceId = stored.resource?.id;
    const start = Math.max(0, offset);
    return {
      entitlement: {
        id,
        displayName: stored.displayName,
        slug: stored.slug,
        resource: this.named({ resourceTypeId: resourceId?.resourceType ?? '', resourceId: resourceId?.resource ?? '' }),
      },
      raw: messageToJson(EntitlementSchema, stored),
      offset: start,
      limit: PAGE_SIZE,
      total: this.holderCount(id),
      holders: this.holders(id, start, PAGE_SIZE),
    };
  }

  grant(id: string): GrantPage {
    const [row] = this.select<StoredGrant>('v1_grants', `SELECT ${this.grantColumns} FROM v1_grants WHERE external_id = ?`, [id], ' LIMIT 1');
    if (!row) throw new NotFound(`no grant ${id} in this sync`);
    const grant = this.records.grant(row);
    return {
      id,
      entitlementId: row.entitlementId,
      resource: this.named({ resourceTypeId: row.resourceTypeId, resourceId: row.resourceId }),
      principal: this.named({ resourceTypeId: row.principalResourceTypeId, resourceId: row.principalResourceId }),
      raw: messageToJson(GrantSchema, grant),
    };
  }

  /** The raw protobuf JSON of a resource type. */
  resourceType(id: string): unknown {
    const row = this.records.typeById(id);
    if (!row) throw new NotFound(`no resource type ${id} in this sync`);
    return messageToJson(ResourceTypeSchema, row);
  }

  named(ref: ResourceRef): Named {
    const displayName = this.names.displayName(ref.resourceTypeId, ref.resourceId);
    return displayName === undefined ? { ...ref } : { ...ref, displayName };
  }

  private holderCount(entitlementId: string): number {
    const [row] = this.select<{ n: number }>('v1_grants', `SELECT count(*) AS n FROM v1_grants WHERE entitlement_id = ?`, [entitlementId], '');
    return row?.n ?? 0;
  }

  private holders(entitlementId: string, offset: number, limit: number): Holder[] {
    const rows = this.select<StoredGrant>(
      'v1_grants',
      `SELECT ${this.grantColumns} FROM v1_grants WHERE entitlement_id = ?`,
      [entitlementId],
      ` ORDER BY principal_resource_type_id, principal_resource_id LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((row) => {
      const sources = Object.keys(this.records.grant(row).sources?.sources ?? {});
      return {
        grantId: row.externalId,
        principal: this.named({ resourceTypeId: row.principalResourceTypeId, resourceId: row.principalResourceId }),
        direct: sources.length === 0 || sources.includes(entitlementId),
        sources,
      };
    });
  }

  /**
   * A principal's grants; `expandableOnly`: just those that may carry a GrantExpandable (its type URL in the
   * blob, or the newer `expansion` column), picked inside SQLite so a group's thousands of plain grants are
   * never decoded while walking nested groups.
   */
  private grantEdges(principal: ResourceRef, expandableOnly: boolean): GrantEdge[] {
    const filter = expandableOnly
      ? ` AND (instr(data, CAST('GrantExpandable' AS BLOB)) > 0${this.hasExpansion ? ' OR expansion IS NOT NULL' : ''})`
      : '';
    const rows = this.select<StoredGrant>(
      'v1_grants',
      `SELECT ${this.grantColumns} FROM v1_grants WHERE principal_resource_type_id = ? AND principal_resource_id = ?${filter}`,
      [principal.resourceTypeId, principal.resourceId],
      ` LIMIT ${GRANTS_OF_PRINCIPAL}`,
    );
    return rows.map((row) => edge(row, this.records.grant(row), this.file.path));
  }

  private select<T>(
    table: 'v1_resource_types' | 'v1_resources' | 'v1_entitlements' | 'v1_grants',
    sql: string,
    params: unknown[],
    tail: string,
  ): T[] {
    const scope = this.scope.and(table);
    return this.db.prepare(`${sql}${scope.sql}${tail}`).all(...params, ...scope.params) as T[];
  }

  private indexNames(): void {
    const scope = this.scope.and('v1_resources');
    const rows = this.db.prepare(
      `SELECT external_id AS externalId, resource_type_id AS resourceTypeId, data FROM v1_resources WHERE 1${scope.sql} ORDER BY id`,
    );
    for (const row of rows.iterate(...scope.params) as Iterable<{ externalId: string; resourceTypeId: string; data: Uint8Array }>) {
      const resource = this.records.resource({ ...row, syncId: this.scope.syncId ?? '' });
      const id = resource.id?.resource ?? row.externalId.slice(row.resourceTypeId.length + 1);
      this.names.add({ resourceTypeId: row.resourceTypeId, resourceId: id, displayName: resource.displayName });
    }
  }

  private summarize(sync: SyncRun | undefined, note: string | undefined): SyncOverview {
    const stats = sync ? this.file.stats(sync.id) : this.countAll();
    const types = this.select<{ externalId: string; data: Uint8Array }>(
      'v1_resource_types',
      `SELECT external_id AS externalId, data FROM v1_resource_types WHERE 1`,
      [],
      ' ORDER BY external_id',
    );
    const declared = new Map(types.map((t) => [t.externalId, this.records.resourceType({ ...t, syncId: '' })]));
    const ids = [...new Set([...declared.keys(), ...Object.keys(stats.resourcesByResourceType)])].sort();
    return {
      file: this.file.path,
      format: this.file.format,
      ...(sync ? { sync } : {}),
      ...(note ? { note } : {}),
      totals: { resourceTypes: ids.length, resources: stats.resources, entitlements: stats.entitlements, grants: stats.grants },
      resourceTypes: ids.map((id) => {
        const type = declared.get(id);
        return {
          id,
          displayName: type?.displayName ?? id,
          traits: (type?.traits ?? []).map((t) => traitName(t)),
          resources: stats.resourcesByResourceType[id] ?? 0,
          entitlements: stats.entitlementsByResourceType[id] ?? 0,
          grants: stats.grantsByResourceType[id] ?? 0,
        };
      }),
    };
  }

  private countAll(): SyncStats {
    const byType = (table: string) =>
      Object.fromEntries(
        (this.db.prepare(`SELECT resource_type_id AS t, count(*) AS n FROM ${table} GROUP BY 1`).all() as Array<{ t: string; n: number }>).map(
          (r) => [r.t, r.n],
        ),
      );
    const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    const [r, e, g] = [byType('v1_resources'), byType('v1_entitlements'), byType('v1_grants')];
    return {
      resourceTypes: Object.keys(r).length,
      resources: sum(r),
      entitlements: sum(e),
      grants: sum(g),
      resourcesByResourceType: r,
      entitlementsByResourceType: e,
      grantsByResourceType: g,
    };
  }
}

function edge(row: StoredGrant, grant: Grant, file: string): GrantEdge {
  const expandable = unpackAnnotation(grant.annotations, GrantExpandableSchema, `${file}: grant ${row.externalId}`);
  return {
    id: row.externalId,
    entitlementId: row.entitlementId,
    resource: { resourceTypeId: row.resourceTypeId, resourceId: row.resourceId },
    principal: { resourceTypeId: row.principalResourceTypeId, resourceId: row.principalResourceId },
    ...(expandable
      ? { expandable: { entitlementIds: expandable.entitlementIds, shallow: expandable.shallow, resourceTypeIds: expandable.resourceTypeIds } }
      : {}),
    sources: Object.keys(grant.sources?.sources ?? {}),
  };
}

/** `TRAIT_USER` -> `user`, as people say it. */
function traitName(trait: number): string {
  return ['unspecified', 'user', 'group', 'role', 'app', 'secret'][trait] ?? String(trait);
}
