/**
 * State findings about one sync, from its rows: grants whose principal the sync does not hold under that
 * type, and user/group resources without a RawId. Same ids and rules as the run doctor
 * (harness/doctor/identities.ts), read from the file in one pass over resources and grants; the resource
 * keys gathered on the way serve `--expect-ids`.
 */
import { unpackAnnotation } from '../../c1z/proto/annotation.js';
import { RawIdSchema } from '../../c1z/proto/connector-annotations.js';
import { Records } from '../../c1z/records.js';
import type { RowSource, SyncScope } from '../../c1z/types.js';
import { isGroupType, isUserType } from '../context.js';
import type { Finding } from '../evidence.js';
import { firstFew } from '../journal-facts.js';

export interface SyncState {
  findings: Finding[];
  /** Every `type:id` in the sync. */
  resourceKeys: Set<string>;
}

export function readState(path: string, rows: RowSource, scope: SyncScope): SyncState {
  const records = new Records(path, rows, scope);
  const resourceKeys = new Set<string>();
  const typeOfId = new Map<string, string>();
  const types = new Set<string>();
  const lacking: string[] = [];
  for (const row of rows.resources(scope)) {
    const resource = records.resource(row);
    const type = resource.id?.resourceType || row.resourceTypeId;
    const id = resource.id?.resource ?? '';
    resourceKeys.add(`${type}:${id}`);
    types.add(type);
    typeOfId.set(id, type);
    if ((isUserType(type) || isGroupType(type)) && !unpackAnnotation(resource.annotations, RawIdSchema)?.id) lacking.push(`${type}:${id}`);
  }
  const orphans: string[] = [];
  let orphanCount = 0;
  for (const g of rows.grants(scope)) {
    const key = `${g.principalResourceTypeId}:${g.principalResourceId}`;
    if (resourceKeys.has(key)) continue;
    // A principal of a synced type that is merely absent may be filtered or not yet listed; a mismatch is a
    // type no resource has, or an id the sync holds under another type (run doctor's rule).
    const other = typeOfId.get(g.principalResourceId);
    if (types.has(g.principalResourceTypeId) && !(other && other !== g.principalResourceTypeId)) continue;
    orphanCount++;
    if (orphans.length < 5) {
      const near = [...types].find((t) => t !== g.principalResourceTypeId && t.toLowerCase() === g.principalResourceTypeId.toLowerCase()) ?? other;
      orphans.push(`grant ${g.externalId}: principal ${key} is not a synced resource${near ? ` (resource type is "${near}", not "${g.principalResourceTypeId}")` : ''}`);
    }
  }
  const findings: Finding[] = [];
  if (orphanCount > 0) {
    findings.push({
      id: 'resource-type-mismatch',
      title: `Resource type mismatch: ${orphanCount} grant(s) name a principal the sync does not hold`,
      evidence: orphanCount > orphans.length ? [...orphans.slice(0, 4), `... and ${orphanCount - 4} more`] : orphans,
      fix: [
        'Build grant principals with the same resource type id and resource id the resource syncer uses (the exact string, case included).',
        `Resource types in this sync: ${[...types].sort().join(', ') || 'none'}.`,
      ],
    });
  }
  if (lacking.length > 0) {
    findings.push({
      id: 'missing-raw-id',
      title: `Missing RawId: ${lacking.length} user/group resource(s) carry no RawId annotation`,
      evidence: firstFew(lacking, 4),
      fix: ["Add a RawId annotation with the provider's own id to every user and group resource (the SDK's resource builders take WithRawID / RawId), so grants and access reviews can link back to the source object."],
    });
  }
  return { findings, resourceKeys };
}
