/**
 * The v3 (Pebble) envelope: the `c1.c1z.v3.C1ZManifestV3` header and the record holding a sync's counts
 * (`c1.storage.v3.SyncStatsRecord`), generated from c1/c1z/v3/manifest.proto and c1/storage/v3/records.proto.
 * The storage `SyncType` is exported as `SyncTypeV3`, apart from the reader's string sync type (types.ts).
 */
export {
  SyncType as SyncTypeV3,
  SyncStatsRecordSchema,
  type SyncStatsRecord,
} from './c1/storage/v3/records_pb.js';
export {
  C1ZManifestV3Schema,
  GrantDigestRootSchema,
  IndexedFrameIndexSchema,
  PayloadEncoding,
  SyncRunSummarySchema,
  type C1ZManifestV3,
  type GrantDigestRoot,
  type IndexedFrameIndex,
  type SyncRunSummary,
} from './c1/c1z/v3/manifest_pb.js';
