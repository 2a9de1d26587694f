/**
 * The INDEXED_ZSTD payload's directory (baton-sdk pkg/dotc1z/format/v3/indexed.go): one zstd frame per
 * Pebble file, then a `c1.c1z.v3.IndexedFrameIndex` protobuf, then a 28-byte big-endian footer:
 * u64 index offset (absolute) | u32 index length | u64 XXH64 of the index bytes | "C1ZIDX1\0".
 */
import { fromBinary } from '@bufbuild/protobuf';
import { fileError } from '../../../lib/errors.js';
import { IndexedFrameIndexSchema } from '../../proto/index.js';
import { xxh64 } from '../hash/xxh64.js';

export const INDEX_FOOTER_LENGTH = 28;
const INDEX_MAGIC = Buffer.from('C1ZIDX1\0', 'latin1');

export interface FrameEntry {
  name: string;
  offset: number;
  compressedSize: number;
  rawSize: number;
  /** 0n when the writer did not record it. */
  rawXxh64: bigint;
  /** Empty when the writer did not record it. */
  rawSha256: Uint8Array;
}

const DAMAGED = 'the file is damaged or was cut short; ask for it again';

/** Parses and checks the frame index. `tail` is the last 28 bytes; `readIndex` reads a byte range. */
export function parseFrameIndex(
  path: string,
  payloadStart: number,
  fileSize: number,
  tail: Buffer,
  readIndex: (offset: number, length: number) => Buffer,
): FrameEntry[] {
  if (fileSize < payloadStart + INDEX_FOOTER_LENGTH || !tail.subarray(20).equals(INDEX_MAGIC)) {
    throw fileError(path, 'truncated v3 payload: the frame index footer ("C1ZIDX1") is missing at the end of the file', DAMAGED);
  }
  const indexOffset = Number(tail.readBigUInt64BE(0));
  const indexLength = tail.readUInt32BE(8);
  const indexEnd = fileSize - INDEX_FOOTER_LENGTH;
  if (indexOffset < payloadStart || indexOffset + indexLength !== indexEnd) {
    throw fileError(
      path,
      `damaged v3 payload: the frame index footer points at bytes ${indexOffset}-${indexOffset + indexLength}, not just before it (${indexEnd})`,
      DAMAGED,
    );
  }
  const indexBytes = readIndex(indexOffset, indexLength);
  if (xxh64(indexBytes) !== tail.readBigUInt64BE(12)) {
    throw fileError(path, 'damaged v3 payload: the frame index fails its XXH64 checksum', DAMAGED);
  }
  let index;
  try {
    index = fromBinary(IndexedFrameIndexSchema, indexBytes);
  } catch (error) {
    throw fileError(path, `damaged v3 payload: unreadable frame index (${(error as Error).message})`, DAMAGED, error);
  }
  const seen = new Set<string>();
  const entries = index.entries.map((e): FrameEntry => {
    const entry = {
      name: e.name,
      offset: Number(e.frameOffset),
      compressedSize: Number(e.compressedSize),
      rawSize: Number(e.rawSize),
      rawXxh64: e.rawXxh64,
      rawSha256: e.rawSha256,
    };
    // Names become file names in our temporary folder: plain names only.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(entry.name) || seen.has(entry.name)) {
      throw fileError(path, `damaged v3 payload: frame index entry with an unusable name ${JSON.stringify(entry.name)}`, DAMAGED);
    }
    seen.add(entry.name);
    if (entry.offset < payloadStart || entry.offset + entry.compressedSize > indexOffset) {
      throw fileError(
        path,
        `damaged v3 payload: frame for ${entry.name} (bytes ${entry.offset}-${entry.offset + entry.compressedSize}) lies outside the payload`,
        DAMAGED,
      );
    }
    return entry;
  });
  return entries;
}
