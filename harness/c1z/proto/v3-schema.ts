/**
 * The v3 (Pebble) envelope: the `c1.c1z.v3.C1ZManifestV3` header and the record holding a sync's counts
 * (`c1.storage.v3.SyncStatsRecord`), enough to report a v3 file's syncs and counts without a Pebble reader.
 */
import type { Message } from '@bufbuild/protobuf';
import {
  file_google_protobuf_any,
  file_google_protobuf_descriptor,
  file_google_protobuf_timestamp,
  type Any,
  type FileDescriptorSet,
  type Timestamp,
} from '@bufbuild/protobuf/wkt';
import { ANY, defineFile, enm, enumType, field, map, message, messageSchema, msg, repeated, TIMESTAMP } from './dsl.js';

export const storageV3File = defineFile(
  {
    name: 'c1/storage/v3/records.proto',
    package: 'c1.storage.v3',
    dependencies: ['google/protobuf/timestamp.proto'],
    types: [
      enumType('SyncType', {
        SYNC_TYPE_UNSPECIFIED: 0,
        SYNC_TYPE_FULL: 1,
        SYNC_TYPE_PARTIAL: 2,
        SYNC_TYPE_RESOURCES_ONLY: 3,
        SYNC_TYPE_PARTIAL_UPSERTS: 4,
        SYNC_TYPE_PARTIAL_DELETIONS: 5,
      }),
      message('SyncStatsRecord', [
        field(1, 'sync_id', 'string'),
        field(2, 'resource_types', 'int64'),
        field(3, 'resources', 'int64'),
        field(4, 'entitlements', 'int64'),
        field(5, 'grants', 'int64'),
        field(6, 'assets', 'int64'),
        map(7, 'resources_by_resource_type', 'string', 'int64'),
        map(8, 'grants_by_entitlement_resource_type', 'string', 'int64'),
        map(9, 'entitlements_by_resource_type', 'string', 'int64'),
        field(100, 'written_at', TIMESTAMP),
      ]),
    ],
  },
  [file_google_protobuf_timestamp],
);

export const manifestV3File = defineFile(
  {
    name: 'c1/c1z/v3/manifest.proto',
    package: 'c1.c1z.v3',
    dependencies: [
      'c1/storage/v3/records.proto',
      'google/protobuf/any.proto',
      'google/protobuf/descriptor.proto',
      'google/protobuf/timestamp.proto',
    ],
    types: [
      // 3 and 4 are reserved (an older numbering); 5 is what v0.25.0 writes.
      enumType('PayloadEncoding', {
        PAYLOAD_ENCODING_UNSPECIFIED: 0,
        PAYLOAD_ENCODING_TAR_ZSTD: 1,
        PAYLOAD_ENCODING_TAR: 2,
        PAYLOAD_ENCODING_INDEXED_ZSTD: 5,
      }),
      // 11 record_types has no documented type; it stays an unknown field.
      message('C1ZManifestV3', [
        field(1, 'engine', 'string'),
        field(2, 'engine_schema_version', 'uint32'),
        field(3, 'engine_config', ANY),
        field(4, 'payload_encoding', enm('PayloadEncoding')),
        field(10, 'descriptors', msg('.google.protobuf.FileDescriptorSet')),
        repeated(40, 'sync_runs', msg('SyncRunSummary')),
        field(43, 'grant_digest_root', msg('GrantDigestRoot')),
      ]),
      message('SyncRunSummary', [
        field(1, 'sync_id', 'string'),
        field(2, 'type', enm('.c1.storage.v3.SyncType')),
        field(3, 'started_at', TIMESTAMP),
        field(4, 'ended_at', TIMESTAMP),
        field(5, 'parent_sync_id', 'string'),
        field(6, 'stats', msg('.c1.storage.v3.SyncStatsRecord')),
      ]),
      // 1 xor_digest: its wire type is undocumented, and guessing wrong would misparse the rest; left unknown.
      message('GrantDigestRoot', [field(2, 'count', 'int64'), field(3, 'abi_version', 'uint32')]),
      message('IndexedFrameIndex', [repeated(1, 'entries', msg('IndexedFrameIndex.Entry'))], [
        message('Entry', [
          field(1, 'name', 'string'),
          field(2, 'frame_offset', 'uint64'),
          field(3, 'compressed_size', 'uint64'),
          field(4, 'raw_size', 'uint64'),
          field(5, 'raw_xxh64', 'fixed64'),
          field(6, 'raw_sha256', 'bytes'),
        ]),
      ]),
    ],
  },
  [storageV3File, file_google_protobuf_any, file_google_protobuf_descriptor, file_google_protobuf_timestamp],
);

export enum SyncTypeV3 {
  UNSPECIFIED = 0,
  FULL = 1,
  PARTIAL = 2,
  RESOURCES_ONLY = 3,
  PARTIAL_UPSERTS = 4,
  PARTIAL_DELETIONS = 5,
}

export enum PayloadEncoding {
  UNSPECIFIED = 0,
  TAR_ZSTD = 1,
  TAR = 2,
  INDEXED_ZSTD = 5,
}

export type SyncStatsRecord = Message<'c1.storage.v3.SyncStatsRecord'> & {
  syncId: string;
  resourceTypes: bigint;
  resources: bigint;
  entitlements: bigint;
  grants: bigint;
  assets: bigint;
  resourcesByResourceType: Record<string, bigint>;
  grantsByEntitlementResourceType: Record<string, bigint>;
  entitlementsByResourceType: Record<string, bigint>;
  writtenAt?: Timestamp;
};

export type SyncRunSummary = Message<'c1.c1z.v3.SyncRunSummary'> & {
  syncId: string;
  type: SyncTypeV3;
  startedAt?: Timestamp;
  endedAt?: Timestamp;
  parentSyncId: string;
  stats?: SyncStatsRecord;
};

export type GrantDigestRoot = Message<'c1.c1z.v3.GrantDigestRoot'> & { count: bigint; abiVersion: number };

export type C1ZManifestV3 = Message<'c1.c1z.v3.C1ZManifestV3'> & {
  engine: string;
  engineSchemaVersion: number;
  engineConfig?: Any;
  payloadEncoding: PayloadEncoding;
  descriptors?: FileDescriptorSet;
  syncRuns: SyncRunSummary[];
  grantDigestRoot?: GrantDigestRoot;
};

export type IndexedFrameIndexEntry = Message<'c1.c1z.v3.IndexedFrameIndex.Entry'> & {
  name: string;
  frameOffset: bigint;
  compressedSize: bigint;
  rawSize: bigint;
  rawXxh64: bigint;
  rawSha256: Uint8Array;
};

export type IndexedFrameIndex = Message<'c1.c1z.v3.IndexedFrameIndex'> & { entries: IndexedFrameIndexEntry[] };

export const SyncStatsRecordSchema = messageSchema<SyncStatsRecord>(storageV3File, 'c1.storage.v3.SyncStatsRecord');
export const C1ZManifestV3Schema = messageSchema<C1ZManifestV3>(manifestV3File, 'c1.c1z.v3.C1ZManifestV3');
export const SyncRunSummarySchema = messageSchema<SyncRunSummary>(manifestV3File, 'c1.c1z.v3.SyncRunSummary');
export const GrantDigestRootSchema = messageSchema<GrantDigestRoot>(manifestV3File, 'c1.c1z.v3.GrantDigestRoot');
export const IndexedFrameIndexSchema = messageSchema<IndexedFrameIndex>(manifestV3File, 'c1.c1z.v3.IndexedFrameIndex');
export const IndexedFrameIndexEntrySchema = messageSchema<IndexedFrameIndexEntry>(
  manifestV3File,
  'c1.c1z.v3.IndexedFrameIndex.Entry',
);
