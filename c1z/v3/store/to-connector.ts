/**
 * v3 records as the `c1.connector.v2` messages the rest of the harness reads, the way the SDK's own reader
 * translates them (baton-sdk pkg/dotc1z/engine/pebble, V3ResourceTypeToV2 / V3ResourceToV2 /
 * V3EntitlementToV2 / V3GrantToV2): traits and purposes come back from their short names, an
 * entitlement's resource, its grantable-to types and a grant's entitlement and principal are id stubs.
 * A grant's expansion is returned apart, like a v1 row's `expansion` column, and re-attached by Records.
 */
import { create, type DescEnum } from '@bufbuild/protobuf';
import type { Any } from '@bufbuild/protobuf/wkt';
import { encodeMessage } from '../../proto/codec.js';
import { GrantExpandableSchema } from '../../proto/connector-annotations.js';
import {
  Entitlement_PurposeValueSchema,
  EntitlementPurpose,
  EntitlementSchema,
  GrantSchema,
  ResourceSchema,
  ResourceType_TraitSchema,
  ResourceTypeSchema,
  ResourceTypeTrait,
} from '../../proto/connector.js';
import type { StoredEntitlement, StoredGrant, StoredResource, StoredRow } from '../../types.js';
import type { AnyShape, EntitlementRecord, GrantRecord, ResourceRecord, ResourceTypeRecord } from './record-shapes.js';

function anys(annotations: AnyShape[]): Any[] {
  return annotations.map((a) => ({ $typeName: 'google.protobuf.Any', typeUrl: a.typeUrl, value: a.value }));
}

/** An enum's values by their short names (`USER` for TRAIT_USER), the form v3 records store them in. */
function byShortName(schema: DescEnum): Map<string, number> {
  return new Map(schema.values.map((v) => [v.localName, v.number]));
}

const TRAITS = byShortName(ResourceType_TraitSchema);
const PURPOSES = byShortName(Entitlement_PurposeValueSchema);

function resourceId(resourceType: string, resource: string) {
  return { resourceType, resource };
}

export function resourceTypeRow(syncId: string, r: ResourceTypeRecord): StoredRow {
  const traits = r.traits.map((t) => TRAITS.get(t) ?? ResourceTypeTrait.UNSPECIFIED);
  const message = create(ResourceTypeSchema, {
    id: r.externalId,
    displayName: r.displayName,
    traits,
    annotations: anys(r.annotations),
    description: r.description,
    sourcedExternally: r.sourcedExternally,
  });
  return { syncId, externalId: r.externalId, data: encodeMessage(ResourceTypeSchema, message) };
}

export function resourceRow(syncId: string, r: ResourceRecord): StoredResource {
  const parent = r.parent?.resourceId ? r.parent : undefined;
  const message = create(ResourceSchema, {
    id: resourceId(r.resourceTypeId, r.resourceId),
    parentResourceId: parent ? resourceId(parent.resourceTypeId, parent.resourceId) : undefined,
    displayName: r.displayName,
    description: r.description,
    annotations: anys(r.annotations),
  });
  return {
    syncId,
    externalId: `${r.resourceTypeId}:${r.resourceId}`,
    data: encodeMessage(ResourceSchema, message),
    resourceTypeId: r.resourceTypeId,
    ...(parent ? { parentResourceTypeId: parent.resourceTypeId, parentResourceId: parent.resourceId } : {}),
  };
}

export function entitlementRow(syncId: string, r: EntitlementRecord): StoredEntitlement {
  const purpose = PURPOSES.get(r.purpose) ?? EntitlementPurpose.UNSPECIFIED;
  const message = create(EntitlementSchema, {
    id: r.externalId,
    resource: r.resource ? { id: resourceId(r.resource.resourceTypeId, r.resource.resourceId) } : undefined,
    displayName: r.displayName,
    description: r.description,
    purpose,
    annotations: anys(r.annotations),
    slug: r.slug,
    grantableTo: r.grantableToResourceTypeIds.map((id) => ({ id })),
  });
  return {
    syncId,
    externalId: r.externalId,
    data: encodeMessage(EntitlementSchema, message),
    resourceTypeId: r.resource?.resourceTypeId ?? '',
    resourceId: r.resource?.resourceId ?? '',
  };
}

export function grantRow(syncId: string, r: GrantRecord): StoredGrant {
  const entitlement = r.entitlement;
  const principal = r.principal;
  const sources = Object.entries(r.sources);
  const message = create(GrantSchema, {
    id: r.externalId,
    entitlement: entitlement
      ? { id: entitlement.entitlementId, resource: { id: resourceId(entitlement.resourceTypeId, entitlement.resourceId) } }
      : undefined,
    principal: principal
      ? {
          id: resourceId(principal.resourceTypeId, principal.resourceId),
          parentResourceId: principal.parentResourceId ? resourceId(principal.parentResourceTypeId, principal.parentResourceId) : undefined,
        }
      : undefined,
    annotations: anys(r.annotations),
    sources: sources.length ? { sources: Object.fromEntries(sources.map(([k, v]) => [k, { isDirect: v.isDirect }])) } : undefined,
  });
  const expansion = r.expansion
    ? encodeMessage(
        GrantExpandableSchema,
        create(GrantExpandableSchema, {
          entitlementIds: r.expansion.entitlementIds,
          shallow: r.expansion.shallow,
          resourceTypeIds: r.expansion.resourceTypeIds,
        }),
      )
    : undefined;
  return {
    syncId,
    externalId: r.externalId,
    data: encodeMessage(GrantSchema, message),
    resourceTypeId: entitlement?.resourceTypeId ?? '',
    resourceId: entitlement?.resourceId ?? '',
    entitlementId: entitlement?.entitlementId ?? '',
    principalResourceTypeId: principal?.resourceTypeId ?? '',
    principalResourceId: principal?.resourceId ?? '',
    ...(expansion ? { expansion } : {}),
  };
}
