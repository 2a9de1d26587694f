/**
 * Small sync-level messages: the sync-id annotation (c1.c1z.v1.SyncDetails) and the reader's view of a sync
 * run and its counts (c1.reader.v2.SyncRun / SyncStats), which `baton stats -o json` prints.
 */
import type { Message } from '@bufbuild/protobuf';
import { file_google_protobuf_timestamp, type Timestamp } from '@bufbuild/protobuf/wkt';
import { defineFile, field, map, message, messageSchema, msg, TIMESTAMP } from './dsl.js';

export const syncDetailsFile = defineFile(
  {
    name: 'c1/c1z/v1/sync_details.proto',
    package: 'c1.c1z.v1',
    dependencies: [],
    types: [message('SyncDetails', [field(1, 'id', 'string')])],
  },
  [],
);

export const readerSyncFile = defineFile(
  {
    name: 'c1/reader/v2/sync.proto',
    package: 'c1.reader.v2',
    dependencies: ['google/protobuf/timestamp.proto'],
    types: [
      message('SyncRun', [
        field(1, 'id', 'string'),
        field(2, 'started_at', TIMESTAMP),
        field(3, 'ended_at', TIMESTAMP),
        field(4, 'sync_token', 'string'),
        field(5, 'sync_type', 'string'),
        field(6, 'parent_sync_id', 'string'),
        field(7, 'stats', msg('SyncStats')),
      ]),
      // Counts are int64 (the SDK CLI prints them as JSON strings). 9-11 (timings) have no documented type.
      message('SyncStats', [
        field(1, 'resource_types', 'int64'),
        field(2, 'resources', 'int64'),
        field(3, 'entitlements', 'int64'),
        field(4, 'grants', 'int64'),
        map(5, 'resources_by_resource_type', 'string', 'int64'),
        map(6, 'grants_by_resource_type', 'string', 'int64'),
        map(7, 'entitlements_by_resource_type', 'string', 'int64'),
        field(8, 'assets', 'int64'),
      ]),
    ],
  },
  [file_google_protobuf_timestamp],
);

export type SyncDetails = Message<'c1.c1z.v1.SyncDetails'> & { id: string };

export type SyncStats = Message<'c1.reader.v2.SyncStats'> & {
  resourceTypes: bigint;
  resources: bigint;
  entitlements: bigint;
  grants: bigint;
  resourcesByResourceType: Record<string, bigint>;
  grantsByResourceType: Record<string, bigint>;
  entitlementsByResourceType: Record<string, bigint>;
  assets: bigint;
};

export type SyncRun = Message<'c1.reader.v2.SyncRun'> & {
  id: string;
  startedAt?: Timestamp;
  endedAt?: Timestamp;
  syncToken: string;
  syncType: string;
  parentSyncId: string;
  stats?: SyncStats;
};

export const SyncDetailsSchema = messageSchema<SyncDetails>(syncDetailsFile, 'c1.c1z.v1.SyncDetails');
export const SyncRunSchema = messageSchema<SyncRun>(readerSyncFile, 'c1.reader.v2.SyncRun');
export const SyncStatsSchema = messageSchema<SyncStats>(readerSyncFile, 'c1.reader.v2.SyncStats');
