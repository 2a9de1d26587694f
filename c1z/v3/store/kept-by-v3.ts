/**
 * A v1 sync's rows reduced to what a v3 file keeps of them, for comparing a v1 sync with a v3 one. Each
 * v1 message is cut down to the fields of its `c1.storage.v3` record (as the SDK's V2-to-V3 conversion
 * does) and rebuilt by the very code that turns v3 records back into connector messages (to-connector.ts):
 * the same content then gives the same bytes on both sides, and only real differences are left to find.
 *
 * What v3 does not keep, and so is not compared: a resource's profile, status, external id, icon, creation
 * source, creation time and baton_resource flag; inside an entitlement, its resource and grantable-to types
 * beyond their ids; inside a grant, its entitlement beyond its id and resource id, and its principal beyond
 * its id and parent id. Said in the diff's note ({@link NOT_KEPT_BY_V3}).
 */
import type { Any } from '@bufbuild/protobuf/wkt';
import { anyIs } from '@bufbuild/protobuf/wkt';
import { unpackAnnotation } from '../../proto/annotation.js';
import { GrantExpandableSchema } from '../../proto/connector-annotations.js';
import { EntitlementPurpose, ResourceTypeTrait } from '../../proto/connector.js';
import { Records } from '../../records.js';
import type { RowSource, StoredEntitlement, StoredGrant, StoredResource, StoredRow } from '../../types.js';
import type { RowsToWrite } from '../../v1/rows-database.js';
import type { AnyShape } from './record-shapes.js';
import { entitlementRow, grantRow, resourceRow, resourceTypeRow } from './to-connector.js';

export const NOT_KEPT_BY_V3 =
  "a resource's profile, status, external id, icon, creation source and creation time; the full resource and grantable-to types inside an entitlement, and the full entitlement and principal inside a grant (v3 keeps their ids)";

/** The rows of one sync of `rows` (a v1 store), as a v3 file of the same sync would give them. */
export function keptByV3(label: string, rows: RowSource, scope: { syncId: string }): Omit<RowsToWrite, 'runs'> {
  const records = new Records(label, rows, scope);
  const syncId = scope.syncId;
  return {
    resourceTypes: map(rows.resourceTypes(scope), (row): StoredRow => {
      const type = records.resourceType(row);
      return resourceTypeRow(syncId, {
        externalId: row.externalId,
        displayName: type.displayName,
        traits: type.traits.map((t) => ResourceTypeTrait[t] ?? String(t)),
        annotations: anys(type.annotations),
        description: type.description,
        sourcedExternally: type.sourcedExternally,
      });
    }),
    resources: map(rows.resources(scope), (row): StoredResource => {
      const resource = records.resource(row);
      const parent = resource.parentResourceId;
      return resourceRow(syncId, {
        resourceTypeId: resource.id?.resourceType || row.resourceTypeId,
        resourceId: resource.id?.resource ?? row.externalId.slice(row.resourceTypeId.length + 1),
        displayName: resource.displayName,
        description: resource.description,
        parent: parent ? { resourceTypeId: parent.resourceType, resourceId: parent.resource } : undefined,
        annotations: anys(resource.annotations),
      });
    }),
    entitlements: map(rows.entitlements(scope), (row): StoredEntitlement => {
      const entitlement = records.entitlement(row);
      const on = entitlement.resource?.id;
      return entitlementRow(syncId, {
        externalId: row.externalId,
        resource: { resourceTypeId: on?.resourceType || row.resourceTypeId, resourceId: on?.resource || row.resourceId },
        displayName: entitlement.displayName,
        description: entitlement.description,
        purpose: entitlement.purpose ? (EntitlementPurpose[entitlement.purpose] ?? '') : '',
        annotations: anys(entitlement.annotations),
        slug: entitlement.slug,
        grantableToResourceTypeIds: entitlement.grantableTo.map((t) => t.id),
      });
    }),
    grants: map(rows.grants(scope), (row): StoredGrant => {
      // Records puts a GrantExpandable kept in the `expansion` column back among the annotations.
      const grant = records.grant(row);
      const expandable = unpackAnnotation(grant.annotations, GrantExpandableSchema, `${label}: v1_grants row ${JSON.stringify(row.externalId)}`);
      const on = grant.entitlement?.resource?.id;
      const principal = grant.principal;
      return grantRow(syncId, {
        externalId: row.externalId,
        entitlement: {
          resourceTypeId: on?.resourceType || row.resourceTypeId,
          resourceId: on?.resource || row.resourceId,
          entitlementId: grant.entitlement?.id || row.entitlementId,
        },
        principal: {
          resourceTypeId: principal?.id?.resourceType || row.principalResourceTypeId,
          resourceId: principal?.id?.resource || row.principalResourceId,
          parentResourceTypeId: principal?.parentResourceId?.resourceType ?? '',
          parentResourceId: principal?.parentResourceId?.resource ?? '',
        },
        expansion: expandable && {
          entitlementIds: expandable.entitlementIds,
          shallow: expandable.shallow,
          resourceTypeIds: expandable.resourceTypeIds,
        },
        annotations: anys(grant.annotations.filter((a) => !anyIs(a, GrantExpandableSchema))),
        sources: Object.fromEntries(Object.entries(grant.sources?.sources ?? {}).map(([key, source]) => [key, { isDirect: source.isDirect }])),
      });
    }),
  };
}

function anys(annotations: Any[]): AnyShape[] {
  return annotations.map((a) => ({ typeUrl: a.typeUrl, value: a.value }));
}

function* map<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}
