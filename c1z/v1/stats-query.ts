/** Counts of one sync, straight from the rows; shared by the reader and the writer's cached `stats` column. */
import type Database from 'better-sqlite3';
import type { SyncStats } from '../types.js';

export function querySyncStats(db: Database.Database, syncId: string): SyncStats {
  const byType = (table: string) =>
    new Map(
      (
        db.prepare(`SELECT resource_type_id AS t, count(*) AS n FROM ${table} WHERE sync_id = ? GROUP BY resource_type_id`).all(syncId) as Array<{
          t: string;
          n: number;
        }>
      ).map((r) => [r.t, r.n]),
    );
  const declared = db.prepare(`SELECT external_id FROM v1_resource_types WHERE sync_id = ?`).pluck().all(syncId) as string[];
  const resources = byType('v1_resources');
  const entitlements = byType('v1_entitlements');
  const grants = byType('v1_grants');
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  return withTypeKeys(declared, {
    resourceTypes: declared.length,
    resources: sum(resources),
    entitlements: sum(entitlements),
    grants: sum(grants),
    resourcesByResourceType: Object.fromEntries(resources),
    entitlementsByResourceType: Object.fromEntries(entitlements),
    grantsByResourceType: Object.fromEntries(grants),
  });
}

/**
 * One key per resource type of the sync in every per-type map, zero included, as the SDK counts per declared
 * type; plus any type that has rows but was never declared, so nothing in the file goes uncounted.
 */
export function withTypeKeys(declared: string[], stats: SyncStats): SyncStats {
  const maps = [stats.resourcesByResourceType, stats.entitlementsByResourceType, stats.grantsByResourceType];
  const keys = [...new Set([...declared, ...maps.flatMap((m) => Object.keys(m))])].sort();
  const fill = (counts: Record<string, number>) => Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0]));
  return {
    ...stats,
    resourcesByResourceType: fill(stats.resourcesByResourceType),
    entitlementsByResourceType: fill(stats.entitlementsByResourceType),
    grantsByResourceType: fill(stats.grantsByResourceType),
  };
}

/**
 * Reads the SDK's cached `stats` column back ({@link statsColumnJson}'s inverse; Go omits zero fields).
 * Anything that does not look like it gives undefined, and the caller counts rows instead.
 */
export function parseStatsColumn(json: string, declared: string[]): SyncStats | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const count = (key: string): number | undefined => {
    const n = record[key] ?? 0;
    const parsed = typeof n === 'string' ? Number(n) : n;
    return typeof parsed === 'number' && Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : undefined;
  };
  const counts = (key: string): Record<string, number> | undefined => {
    const map = record[key] ?? {};
    if (typeof map !== 'object' || map === null || Array.isArray(map)) return undefined;
    const entries = Object.entries(map).map(([k, v]) => [k, typeof v === 'string' ? Number(v) : v] as const);
    return entries.every(([, v]) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) ? Object.fromEntries(entries) : undefined;
  };
  const resources = count('resources');
  const entitlements = count('entitlements');
  const grants = count('grants');
  const resourceTypes = count('resource_types');
  const byResources = counts('resources_by_resource_type');
  const byEntitlements = counts('entitlements_by_resource_type');
  const byGrants = counts('grants_by_resource_type');
  if ([resources, entitlements, grants, resourceTypes, byResources, byEntitlements, byGrants].some((v) => v === undefined)) return undefined;
  return withTypeKeys(declared, {
    resourceTypes: resourceTypes!,
    resources: resources!,
    entitlements: entitlements!,
    grants: grants!,
    resourcesByResourceType: byResources!,
    entitlementsByResourceType: byEntitlements!,
    grantsByResourceType: byGrants!,
  });
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
