/** Counts of one sync, straight from the rows; shared by the reader and the writer's cached `stats` column. */
import type Database from 'better-sqlite3';
import type { SyncStats } from '../types.js';

export function querySyncStats(db: Database.Database, syncId: string): SyncStats {
  const byType = (table: string) =>
    new Map(
      (
        db
          .prepare(`SELECT resource_type_id AS t, count(*) AS n FROM ${table} WHERE sync_id = ? GROUP BY resource_type_id`)
          .all(syncId) as Array<{ t: string; n: number }>
      ).map((r) => [r.t, r.n]),
    );
  const declared = db.prepare(`SELECT external_id FROM v1_resource_types WHERE sync_id = ?`).pluck().all(syncId) as string[];
  const resources = byType('v1_resources');
  const entitlements = byType('v1_entitlements');
  const grants = byType('v1_grants');
  // One key per resource type of the sync, zero included, as the SDK counts per declared type; plus any
  // type that has rows but was never declared, so nothing in the file goes uncounted.
  const keys = [...new Set([...declared, ...resources.keys(), ...entitlements.keys(), ...grants.keys()])].sort();
  const fill = (counts: Map<string, number>) => Object.fromEntries(keys.map((k) => [k, counts.get(k) ?? 0]));
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    resourceTypes: declared.length,
    resources: sum(resources),
    entitlements: sum(entitlements),
    grants: sum(grants),
    resourcesByResourceType: fill(resources),
    entitlementsByResourceType: fill(entitlements),
    grantsByResourceType: fill(grants),
  };
}

/** The cached form the SDK keeps in `v1_sync_runs.stats`: Go encoding/json of c1.reader.v2.SyncStats. */
export function statsColumnJson(stats: SyncStats): string {
  return JSON.stringify({
    resource_types: stats.resourceTypes,
    resources: stats.resources,
    entitlements: stats.entitlements,
    grants: stats.grants,
    resources_by_resource_type: stats.resourcesByResourceType,
    grants_by_resource_type: stats.grantsByResourceType,
    entitlements_by_resource_type: stats.entitlementsByResourceType,
  });
}
