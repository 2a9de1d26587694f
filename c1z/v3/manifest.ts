/**
 * The header of a v3 (Pebble) c1z: `C1Z3\0`, a u32 big-endian length, then a `c1.c1z.v3.C1ZManifestV3`.
 * The manifest lists the file's sync with its counts, so a v3 file can be summarized without a Pebble reader;
 * only the header bytes are read, however large the payload behind them.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { timestampDate, type FileDescriptorSet, type Timestamp } from '@bufbuild/protobuf/wkt';
import { fileError } from '../../lib/errors.js';
import { describeOpenError, V3_MAGIC } from '../format.js';
import { C1ZManifestV3Schema, decodeMessage, PayloadEncoding, SyncTypeV3, type SyncRunSummary, type SyncStatsRecord } from '../proto/index.js';
import type { SyncStats } from '../types.js';
import { timestampRfc3339 } from './timestamp.js';

type V3SyncType = 'full' | 'partial' | 'resources_only' | 'partial_upserts' | 'partial_deletions' | 'unknown';

interface V3SyncStats extends SyncStats {
  assets: number;
}

export interface V3Sync {
  id: string;
  type: V3SyncType;
  startedAt?: Date;
  endedAt?: Date;
  /** The same times in full precision (the SDK keeps microseconds), as RFC 3339. */
  startedAtRfc3339?: string;
  endedAtRfc3339?: string;
  parentSyncId: string;
  /** Absent when the writer could not compute them; the payload is then the only source. */
  stats?: V3SyncStats;
}

export interface V3Manifest {
  engine: string;
  engineSchemaVersion: number;
  /** `TAR_ZSTD`, `TAR`, `INDEXED_ZSTD`, `UNSPECIFIED`, or `UNKNOWN_<n>` from a newer SDK. */
  payloadEncoding: string;
  syncs: V3Sync[];
  /** The descriptors of the payload's record types (`c1.storage.v3.*Record`), for decoding the rows. */
  descriptors?: FileDescriptorSet;
  /** Where the payload (the packed Pebble files) starts: just past the manifest. */
  payloadOffset: number;
}

const PREFIX_LENGTH = V3_MAGIC.length + 4;
// Real manifests are tens of KiB (mostly the descriptor set); a larger length means a damaged header.
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export async function readV3Manifest(path: string): Promise<V3Manifest> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw describeOpenError(path, error);
  }
  try {
    const size = (await handle.stat()).size;
    const prefix = await readAt(handle, 0, Math.min(PREFIX_LENGTH, size));
    if (!startsLikeV3(prefix)) throw fileError(path, 'not a v3 c1z file (does not start with "C1Z3\\0")');
    if (size < PREFIX_LENGTH) throw fileError(path, `truncated v3 header (${size} bytes, no manifest length)`);
    const length = prefix.readUInt32BE(V3_MAGIC.length);
    if (length > MAX_MANIFEST_BYTES) {
      throw fileError(path, `truncated v3 header or corrupt manifest length (${length} bytes claimed)`);
    }
    if (PREFIX_LENGTH + length > size) {
      throw fileError(path, `truncated v3 header (manifest of ${length} bytes, only ${size - PREFIX_LENGTH} present)`);
    }
    const bytes = await readAt(handle, PREFIX_LENGTH, length);
    const manifest = decodeMessage(C1ZManifestV3Schema, bytes, `${path}: v3 manifest`);
    return {
      engine: manifest.engine,
      engineSchemaVersion: manifest.engineSchemaVersion,
      payloadEncoding: payloadEncodingName(manifest.payloadEncoding),
      syncs: manifest.syncRuns.map(toSync),
      descriptors: manifest.descriptors,
      payloadOffset: PREFIX_LENGTH + length,
    };
  } finally {
    await handle.close();
  }
}

/** True for the magic or, in a file cut short, a prefix of it. */
function startsLikeV3(prefix: Buffer): boolean {
  const n = Math.min(prefix.length, V3_MAGIC.length);
  return prefix.subarray(0, n).equals(V3_MAGIC.subarray(0, n));
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function toSync(summary: SyncRunSummary): V3Sync {
  return {
    id: summary.syncId,
    type: SYNC_TYPES[summary.type] ?? 'unknown',
    startedAt: toDate(summary.startedAt),
    endedAt: toDate(summary.endedAt),
    startedAtRfc3339: summary.startedAt && timestampRfc3339(summary.startedAt),
    endedAtRfc3339: summary.endedAt && timestampRfc3339(summary.endedAt),
    parentSyncId: summary.parentSyncId,
    stats: summary.stats ? toStats(summary.stats) : undefined,
  };
}

const SYNC_TYPES: Partial<Record<SyncTypeV3, V3SyncType>> = {
  [SyncTypeV3.FULL]: 'full',
  [SyncTypeV3.PARTIAL]: 'partial',
  [SyncTypeV3.RESOURCES_ONLY]: 'resources_only',
  [SyncTypeV3.PARTIAL_UPSERTS]: 'partial_upserts',
  [SyncTypeV3.PARTIAL_DELETIONS]: 'partial_deletions',
};

function toDate(timestamp: Timestamp | undefined): Date | undefined {
  return timestamp ? timestampDate(timestamp) : undefined;
}

function toStats(record: SyncStatsRecord): V3SyncStats {
  return {
    resourceTypes: Number(record.resourceTypes),
    resources: Number(record.resources),
    entitlements: Number(record.entitlements),
    grants: Number(record.grants),
    assets: Number(record.assets),
    resourcesByResourceType: toNumbers(record.resourcesByResourceType),
    entitlementsByResourceType: toNumbers(record.entitlementsByResourceType),
    grantsByResourceType: toNumbers(record.grantsByEntitlementResourceType),
  };
}

function toNumbers(counts: Record<string, bigint>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([key, count]) => [key, Number(count)]));
}

function payloadEncodingName(value: number): string {
  return PayloadEncoding[value] ?? `UNKNOWN_${value}`;
}
