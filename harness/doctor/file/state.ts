/**
 * State findings about one sync, from its rows: grants whose principal the sync does not hold under that
 * type, and user/group resources without a RawId (harness/doctor/sync-state.ts, the run doctor's rules),
 * read from the file in one pass over resources and grants; the resource keys gathered on the way serve
 * `--expect-ids`.
 */
import { unpackAnnotation, RawIdSchema } from '../../../c1z/contract/index.js';
import { Records, type RowSource, type SyncScope } from '../../../c1z/index.js';
import type { Finding } from '../../../reports/evidence.js';
import { SyncStateCheck } from '../sync-state.js';

export interface SyncState {
  findings: Finding[];
  /** Every `type:id` in the sync. */
  resourceKeys: Set<string>;
}

export function readState(path: string, rows: RowSource, scope: SyncScope): SyncState {
  const records = new Records(path, rows, scope);
  const resourceKeys = new Set<string>();
  const check = new SyncStateCheck();
  for (const row of rows.resources(scope)) {
    const resource = records.resource(row);
    const type = resource.id?.resourceType || row.resourceTypeId;
    const id = resource.id?.resource ?? '';
    resourceKeys.add(`${type}:${id}`);
    check.resource(type, id, Boolean(unpackAnnotation(resource.annotations, RawIdSchema)?.id));
  }
  for (const g of rows.grants(scope)) check.grant(g.externalId, g.principalResourceTypeId, g.principalResourceId);
  return { findings: check.findings(), resourceKeys };
}
