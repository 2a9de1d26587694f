/**
 * What a run's sync file holds, read back the way a user of the file sees it: the latest sync's resource
 * types, resources (with RawId, login and email), grants (entitlement and principal) and counts.
 */
import { openSyncFile, Records, type SyncStats } from '../../c1z/index.js';
import { unpackAnnotation, RawIdSchema, UserTraitSchema, type Grant } from '../../c1z/contract/index.js';
import type { SyncContents, SyncedGrant } from '../../reports/evidence.js';

export interface ReadSync {
  contents: SyncContents;
  stats: SyncStats;
  syncId: string;
  /** Whether the latest sync has an end time. */
  finished: boolean;
}

/** Undefined when the file has no sync at all. */
export async function readSync(path: string): Promise<ReadSync | undefined> {
  const file = await openSyncFile(path);
  try {
    const sync = file.syncs().at(-1);
    if (!sync) return undefined;
    const scope = { syncId: sync.id };
    const rows = file.rows();
    const records = new Records(path, rows, scope);
    const resourceTypes = [...rows.resourceTypes(scope)].map((row) => records.resourceType(row).id).sort();
    const resources = [...rows.resources(scope)].map((row) => {
      const resource = records.resource(row);
      const trait = unpackAnnotation(resource.annotations, UserTraitSchema);
      const rawId = unpackAnnotation(resource.annotations, RawIdSchema)?.id;
      return {
        type: resource.id?.resourceType ?? '',
        id: resource.id?.resource ?? '',
        ...(rawId ? { rawId } : {}),
        ...(trait?.login ? { login: trait.login } : {}),
        ...(trait?.emails[0]?.address ? { email: trait.emails[0].address } : {}),
      };
    });
    const grants = [...rows.grants(scope)].map((row) => grantSummary(records.grant(row)));
    const stats = file.stats(sync.id, { recount: true });
    return {
      contents: { resourceTypes, resources, grants, entitlements: stats.entitlements },
      stats,
      syncId: sync.id,
      finished: Boolean(sync.endedAt),
    };
  } finally {
    file.close();
  }
}

/** A grant by its ids: what it grants and to whom. */
export function grantSummary(grant: Grant): SyncedGrant {
  return {
    id: grant.id,
    entitlementId: grant.entitlement?.id ?? '',
    principalType: grant.principal?.id?.resourceType ?? '',
    principalId: grant.principal?.id?.resource ?? '',
  };
}
