/**
 * c1.connector.v2 annotations: small messages packed as `google.protobuf.Any` into the `annotations` lists of
 * resource types, resources, entitlements and grants. Traits (UserTrait...) live in connector-traits.ts.
 */
import type { JsonObject, Message } from '@bufbuild/protobuf';
import { file_google_protobuf_struct, file_google_protobuf_timestamp, type Timestamp } from '@bufbuild/protobuf/wkt';
import { defineFile, enm, enumType, field, message, messageSchema, repeated, STRUCT, TIMESTAMP } from './dsl.js';

export const annotationsFile = defineFile(
  {
    name: 'c1/connector/v2/annotations.proto',
    package: 'c1.connector.v2',
    dependencies: ['google/protobuf/struct.proto', 'google/protobuf/timestamp.proto'],
    types: [
      message('RawId', [field(1, 'id', 'string')]),
      message('V1Identifier', [field(1, 'id', 'string')]),
      message('ExternalLink', [field(1, 'url', 'string')]),
      message('GrantExpandable', [
        repeated(1, 'entitlement_ids', 'string'),
        field(2, 'shallow', 'bool'),
        repeated(3, 'resource_type_ids', 'string'),
      ]),
      message('GrantImmutable', [field(1, 'source_id', 'string'), field(2, 'metadata', STRUCT)]),
      message('GrantMetadata', [field(1, 'metadata', STRUCT)]),
      // The reference names no fields for this one; whatever it carries passes through as unknown fields.
      message('EntitlementImmutable', []),
      message('InsertResourceGrants', []),
      message('ChildResourceType', [field(1, 'resource_type_id', 'string')]),
      message('SkipEntitlementsAndGrants', []),
      message('SkipGrants', []),
      message('SkipEntitlements', []),
      message(
        'RateLimitDescription',
        [
          field(1, 'status', enm('RateLimitDescription.Status')),
          field(2, 'limit', 'int64'),
          field(3, 'remaining', 'int64'),
          field(4, 'reset_at', TIMESTAMP),
        ],
        [enumType('Status', { STATUS_UNSPECIFIED: 0, STATUS_OK: 1, STATUS_OVERLIMIT: 2, STATUS_ERROR: 3 })],
      ),
    ],
  },
  [file_google_protobuf_struct, file_google_protobuf_timestamp],
);

export enum RateLimitStatus {
  UNSPECIFIED = 0,
  OK = 1,
  OVERLIMIT = 2,
  ERROR = 3,
}

export type RawId = Message<'c1.connector.v2.RawId'> & { id: string };
export type V1Identifier = Message<'c1.connector.v2.V1Identifier'> & { id: string };
export type ExternalLink = Message<'c1.connector.v2.ExternalLink'> & { url: string };
export type GrantExpandable = Message<'c1.connector.v2.GrantExpandable'> & {
  entitlementIds: string[];
  shallow: boolean;
  resourceTypeIds: string[];
};
export type GrantImmutable = Message<'c1.connector.v2.GrantImmutable'> & { sourceId: string; metadata?: JsonObject };
export type GrantMetadata = Message<'c1.connector.v2.GrantMetadata'> & { metadata?: JsonObject };
export type EntitlementImmutable = Message<'c1.connector.v2.EntitlementImmutable'>;
export type InsertResourceGrants = Message<'c1.connector.v2.InsertResourceGrants'>;
export type ChildResourceType = Message<'c1.connector.v2.ChildResourceType'> & { resourceTypeId: string };
export type SkipEntitlementsAndGrants = Message<'c1.connector.v2.SkipEntitlementsAndGrants'>;
export type SkipGrants = Message<'c1.connector.v2.SkipGrants'>;
export type SkipEntitlements = Message<'c1.connector.v2.SkipEntitlements'>;
export type RateLimitDescription = Message<'c1.connector.v2.RateLimitDescription'> & {
  status: RateLimitStatus;
  limit: bigint;
  remaining: bigint;
  resetAt?: Timestamp;
};

const f = annotationsFile;
export const RawIdSchema = messageSchema<RawId>(f, 'c1.connector.v2.RawId');
export const V1IdentifierSchema = messageSchema<V1Identifier>(f, 'c1.connector.v2.V1Identifier');
export const ExternalLinkSchema = messageSchema<ExternalLink>(f, 'c1.connector.v2.ExternalLink');
export const GrantExpandableSchema = messageSchema<GrantExpandable>(f, 'c1.connector.v2.GrantExpandable');
export const GrantImmutableSchema = messageSchema<GrantImmutable>(f, 'c1.connector.v2.GrantImmutable');
export const GrantMetadataSchema = messageSchema<GrantMetadata>(f, 'c1.connector.v2.GrantMetadata');
export const EntitlementImmutableSchema = messageSchema<EntitlementImmutable>(f, 'c1.connector.v2.EntitlementImmutable');
export const InsertResourceGrantsSchema = messageSchema<InsertResourceGrants>(f, 'c1.connector.v2.InsertResourceGrants');
export const ChildResourceTypeSchema = messageSchema<ChildResourceType>(f, 'c1.connector.v2.ChildResourceType');
export const SkipEntitlementsAndGrantsSchema = messageSchema<SkipEntitlementsAndGrants>(
  f,
  'c1.connector.v2.SkipEntitlementsAndGrants',
);
export const SkipGrantsSchema = messageSchema<SkipGrants>(f, 'c1.connector.v2.SkipGrants');
export const SkipEntitlementsSchema = messageSchema<SkipEntitlements>(f, 'c1.connector.v2.SkipEntitlements');
export const RateLimitDescriptionSchema = messageSchema<RateLimitDescription>(f, 'c1.connector.v2.RateLimitDescription');
