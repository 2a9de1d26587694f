/**
 * The `c1.storage.v3` record messages as SDK v0.25.0 describes them in its manifests, for a file whose
 * manifest carries no descriptor for a record type. Field numbers from the sample's own descriptors.
 */
import type { DescMessage } from '@bufbuild/protobuf';
import { file_google_protobuf_any, file_google_protobuf_timestamp } from '@bufbuild/protobuf/wkt';
import { ANY, defineFile, field, map, message, messageSchema, msg, repeated, TIMESTAMP } from '../../proto/dsl.js';

const recordsFile = defineFile(
  {
    name: 'sync-harness/c1/storage/v3/records-fallback.proto',
    package: 'c1.storage.v3',
    dependencies: ['google/protobuf/any.proto', 'google/protobuf/timestamp.proto'],
    types: [
      message('ResourceRef', [field(1, 'resource_type_id', 'string'), field(2, 'resource_id', 'string')]),
      message('EntitlementRef', [
        field(1, 'resource_type_id', 'string'),
        field(2, 'resource_id', 'string'),
        field(3, 'entitlement_id', 'string'),
      ]),
      message('PrincipalRef', [
        field(1, 'resource_type_id', 'string'),
        field(2, 'resource_id', 'string'),
        field(3, 'parent_resource_type_id', 'string'),
        field(4, 'parent_resource_id', 'string'),
      ]),
      message('GrantExpandableRecord', [
        repeated(1, 'entitlement_ids', 'string'),
        field(2, 'shallow', 'bool'),
        repeated(3, 'resource_type_ids', 'string'),
      ]),
      message('GrantSourceRecord', [field(4, 'is_direct', 'bool')]),
      message('ResourceTypeRecord', [
        field(2, 'external_id', 'string'),
        field(3, 'display_name', 'string'),
        repeated(4, 'traits', 'string'),
        repeated(5, 'annotations', ANY),
        field(6, 'discovered_at', TIMESTAMP),
        field(7, 'description', 'string'),
        field(8, 'sourced_externally', 'bool'),
      ]),
      message('ResourceRecord', [
        field(2, 'resource_type_id', 'string'),
        field(3, 'resource_id', 'string'),
        field(4, 'display_name', 'string'),
        field(5, 'description', 'string'),
        field(6, 'parent', msg('ResourceRef')),
        repeated(7, 'annotations', ANY),
        field(8, 'discovered_at', TIMESTAMP),
      ]),
      message('EntitlementRecord', [
        field(2, 'external_id', 'string'),
        field(3, 'resource', msg('ResourceRef')),
        field(4, 'display_name', 'string'),
        field(5, 'description', 'string'),
        field(6, 'purpose', 'string'),
        repeated(7, 'annotations', ANY),
        field(8, 'discovered_at', TIMESTAMP),
        field(9, 'slug', 'string'),
        repeated(10, 'grantable_to_resource_type_ids', 'string'),
      ]),
      message('GrantRecord', [
        field(2, 'external_id', 'string'),
        field(3, 'entitlement', msg('EntitlementRef')),
        field(4, 'principal', msg('PrincipalRef')),
        field(5, 'discovered_at', TIMESTAMP),
        field(6, 'expansion', msg('GrantExpandableRecord')),
        field(7, 'needs_expansion', 'bool'),
        repeated(8, 'annotations', ANY),
        map(9, 'sources', 'string', msg('GrantSourceRecord')),
      ]),
      message('SyncRunRecord', [
        field(1, 'sync_id', 'string'),
        field(2, 'type', 'int32'),
        field(3, 'parent_sync_id', 'string'),
        field(4, 'started_at', TIMESTAMP),
        field(5, 'ended_at', TIMESTAMP),
        field(6, 'sync_token', 'string'),
        field(7, 'supports_diff', 'bool'),
        field(8, 'linked_sync_id', 'string'),
      ]),
    ],
  },
  [file_google_protobuf_any, file_google_protobuf_timestamp],
);

export function fallbackRecordSchema(typeName: string): DescMessage | undefined {
  try {
    return messageSchema(recordsFile, typeName as never);
  } catch {
    return undefined;
  }
}
