/**
 * The core c1.connector.v2 records a sync stores: ResourceType, Resource, Entitlement, Grant. Field numbers and
 * names follow the reference (baton-sdk v0.25.0); enum value names match the SDK's so our JSON reads like
 * `baton -o json`. Fields we do not declare survive round trips as unknown fields.
 */
import type { JsonObject, Message } from '@bufbuild/protobuf';
import {
  file_google_protobuf_any,
  file_google_protobuf_struct,
  file_google_protobuf_timestamp,
  type Any,
  type Timestamp,
} from '@bufbuild/protobuf/wkt';
import { ANY, defineFile, enm, enumType, field, map, message, messageSchema, msg, repeated, STRUCT, TIMESTAMP } from './dsl.js';

export const connectorFile = defineFile(
  {
    name: 'c1/connector/v2/connector.proto',
    package: 'c1.connector.v2',
    dependencies: ['google/protobuf/any.proto', 'google/protobuf/struct.proto', 'google/protobuf/timestamp.proto'],
    types: [
      message(
        'ResourceType',
        [
          field(1, 'id', 'string'),
          field(2, 'display_name', 'string'),
          repeated(3, 'traits', enm('ResourceType.Trait')),
          repeated(4, 'annotations', ANY),
          field(5, 'description', 'string'),
          field(6, 'sourced_externally', 'bool'),
        ],
        [
          enumType('Trait', {
            TRAIT_UNSPECIFIED: 0,
            TRAIT_USER: 1,
            TRAIT_GROUP: 2,
            TRAIT_ROLE: 3,
            TRAIT_APP: 4,
            TRAIT_SECRET: 5,
            TRAIT_SECURITY_INSIGHT: 6,
            TRAIT_SCOPE_BINDING: 7,
            TRAIT_VENDOR: 8,
            TRAIT_VENDOR_AGREEMENT: 9,
            TRAIT_LICENSE_PROFILE: 10,
            TRAIT_AGENT: 11,
            TRAIT_MANAGED_DEVICE: 12,
          }),
        ],
      ),
      message('ResourceId', [
        field(1, 'resource_type', 'string'),
        field(2, 'resource', 'string'),
        field(3, 'baton_resource', 'bool'),
      ]),
      message('ExternalId', [field(1, 'id', 'string'), field(2, 'link', 'string'), field(3, 'description', 'string')]),
      message('AssetRef', [field(1, 'id', 'string')]),
      // The SDK names this top-level `Status` (not nested in Resource); only Resource uses it.
      message(
        'Status',
        [field(1, 'status', enm('Status.ResourceStatus')), field(2, 'details', 'string')],
        [
          enumType('ResourceStatus', {
            RESOURCE_STATUS_UNSPECIFIED: 0,
            RESOURCE_STATUS_ENABLED: 1,
            RESOURCE_STATUS_DISABLED: 2,
            RESOURCE_STATUS_DELETED: 3,
          }),
        ],
      ),
      message(
        'Resource',
        [
          field(1, 'id', msg('ResourceId')),
          field(2, 'parent_resource_id', msg('ResourceId')),
          field(3, 'display_name', 'string'),
          repeated(4, 'annotations', ANY),
          field(5, 'description', 'string'),
          field(6, 'baton_resource', 'bool'),
          field(7, 'external_id', msg('ExternalId')),
          field(8, 'creation_source', enm('Resource.CreationSource')),
          field(9, 'profile', STRUCT),
          field(10, 'icon', msg('AssetRef')),
          field(11, 'status', msg('Status')),
          field(12, 'created_at', TIMESTAMP),
        ],
        [
          enumType('CreationSource', {
            CREATION_SOURCE_UNSPECIFIED: 0,
            CREATION_SOURCE_CONNECTOR_LIST_RESOURCES: 1,
            CREATION_SOURCE_CONNECTOR_LIST_GRANTS_PRINCIPAL_JIT: 2,
          }),
        ],
      ),
      message(
        'Entitlement',
        [
          field(1, 'resource', msg('Resource')),
          field(2, 'id', 'string'),
          field(3, 'display_name', 'string'),
          field(4, 'description', 'string'),
          repeated(5, 'grantable_to', msg('ResourceType')),
          repeated(6, 'annotations', ANY),
          field(7, 'purpose', enm('Entitlement.PurposeValue')),
          field(8, 'slug', 'string'),
        ],
        [
          enumType('PurposeValue', {
            PURPOSE_VALUE_UNSPECIFIED: 0,
            PURPOSE_VALUE_ASSIGNMENT: 1,
            PURPOSE_VALUE_PERMISSION: 2,
            PURPOSE_VALUE_OWNERSHIP: 3,
          }),
        ],
      ),
      message(
        'GrantSources',
        [map(1, 'sources', 'string', msg('GrantSources.GrantSource'))],
        [message('GrantSource', [field(1, 'is_direct', 'bool')])],
      ),
      message('Grant', [
        field(1, 'entitlement', msg('Entitlement')),
        field(2, 'principal', msg('Resource')),
        field(3, 'id', 'string'),
        repeated(4, 'annotations', ANY),
        field(5, 'sources', msg('GrantSources')),
      ]),
    ],
  },
  [file_google_protobuf_any, file_google_protobuf_struct, file_google_protobuf_timestamp],
);

export enum ResourceTypeTrait {
  UNSPECIFIED = 0,
  USER = 1,
  GROUP = 2,
  ROLE = 3,
  APP = 4,
  SECRET = 5,
  SECURITY_INSIGHT = 6,
  SCOPE_BINDING = 7,
  VENDOR = 8,
  VENDOR_AGREEMENT = 9,
  LICENSE_PROFILE = 10,
  AGENT = 11,
  MANAGED_DEVICE = 12,
}

export enum ResourceStatusValue {
  UNSPECIFIED = 0,
  ENABLED = 1,
  DISABLED = 2,
  DELETED = 3,
}

export enum CreationSource {
  UNSPECIFIED = 0,
  CONNECTOR_LIST_RESOURCES = 1,
  CONNECTOR_LIST_GRANTS_PRINCIPAL_JIT = 2,
}

export enum EntitlementPurpose {
  UNSPECIFIED = 0,
  ASSIGNMENT = 1,
  PERMISSION = 2,
  OWNERSHIP = 3,
}

// Hand-written shapes of the messages above, in protobuf-es's runtime form: camelCase, int64 as bigint,
// Struct fields as plain JSON objects, enums as numbers (open enums may hold values we do not name).

export type ResourceType = Message<'c1.connector.v2.ResourceType'> & {
  id: string;
  displayName: string;
  traits: ResourceTypeTrait[];
  annotations: Any[];
  description: string;
  sourcedExternally: boolean;
};

export type ResourceId = Message<'c1.connector.v2.ResourceId'> & {
  resourceType: string;
  resource: string;
  batonResource: boolean;
};

export type ExternalId = Message<'c1.connector.v2.ExternalId'> & { id: string; link: string; description: string };

export type AssetRef = Message<'c1.connector.v2.AssetRef'> & { id: string };

export type ResourceStatus = Message<'c1.connector.v2.Status'> & { status: ResourceStatusValue; details: string };

export type Resource = Message<'c1.connector.v2.Resource'> & {
  id?: ResourceId;
  parentResourceId?: ResourceId;
  displayName: string;
  annotations: Any[];
  description: string;
  batonResource: boolean;
  externalId?: ExternalId;
  creationSource: CreationSource;
  profile?: JsonObject;
  icon?: AssetRef;
  status?: ResourceStatus;
  createdAt?: Timestamp;
};

export type Entitlement = Message<'c1.connector.v2.Entitlement'> & {
  resource?: Resource;
  id: string;
  displayName: string;
  description: string;
  grantableTo: ResourceType[];
  annotations: Any[];
  purpose: EntitlementPurpose;
  slug: string;
};

export type GrantSource = Message<'c1.connector.v2.GrantSources.GrantSource'> & { isDirect: boolean };

export type GrantSources = Message<'c1.connector.v2.GrantSources'> & { sources: Record<string, GrantSource> };

export type Grant = Message<'c1.connector.v2.Grant'> & {
  entitlement?: Entitlement;
  principal?: Resource;
  id: string;
  annotations: Any[];
  sources?: GrantSources;
};

export const ResourceTypeSchema = messageSchema<ResourceType>(connectorFile, 'c1.connector.v2.ResourceType');
export const ResourceIdSchema = messageSchema<ResourceId>(connectorFile, 'c1.connector.v2.ResourceId');
export const ExternalIdSchema = messageSchema<ExternalId>(connectorFile, 'c1.connector.v2.ExternalId');
export const AssetRefSchema = messageSchema<AssetRef>(connectorFile, 'c1.connector.v2.AssetRef');
export const ResourceStatusSchema = messageSchema<ResourceStatus>(connectorFile, 'c1.connector.v2.Status');
export const ResourceSchema = messageSchema<Resource>(connectorFile, 'c1.connector.v2.Resource');
export const EntitlementSchema = messageSchema<Entitlement>(connectorFile, 'c1.connector.v2.Entitlement');
export const GrantSourceSchema = messageSchema<GrantSource>(connectorFile, 'c1.connector.v2.GrantSources.GrantSource');
export const GrantSourcesSchema = messageSchema<GrantSources>(connectorFile, 'c1.connector.v2.GrantSources');
export const GrantSchema = messageSchema<Grant>(connectorFile, 'c1.connector.v2.Grant');
