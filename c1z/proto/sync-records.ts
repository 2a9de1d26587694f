/**
 * Small sync-level messages: the sync-id annotation (c1.c1z.v1.SyncDetails) and the reader's view of a sync
 * run and its counts (c1.reader.v2.SyncRun / SyncStats), which `baton stats -o json` prints. Generated from
 * c1/c1z/v1/sync_details.proto and c1/reader/v2/sync.proto.
 */
export { SyncDetailsSchema, type SyncDetails } from './c1/c1z/v1/sync_details_pb.js';
export { SyncRunSchema, SyncStatsSchema, type SyncRun, type SyncStats } from './c1/reader/v2/sync_pb.js';
