/**
 * Pebble internal keys (internal/base/internal.go): a user key plus an 8-byte little-endian trailer,
 * seqnum << 8 | kind. In memory the trailer is a number (exact below 2^53, far above real sequence
 * numbers). Newer entries for the same user key have larger sequence numbers.
 */
import { readU64 } from '../colblk/uints.js';

export const Kind = {
  Delete: 0,
  Set: 1,
  Merge: 2,
  SingleDelete: 7,
  RangeDelete: 15,
  Separator: 17,
  SetWithDelete: 18,
  RangeKeyDelete: 19,
  RangeKeyUnset: 20,
  RangeKeySet: 21,
  DeleteSized: 23,
} as const;

/** Pebble v4+ may set this bit on kinds inside an SST to mark a shadowed entry; readers clear it. */
const OBSOLETE_MASK = 191;

export interface InternalEntry {
  userKey: Uint8Array;
  seq: number;
  kind: number;
  value: Uint8Array;
}

export function trailerSeq(trailer: number): number {
  return Math.floor(trailer / 256);
}

export function trailerKind(trailer: number): number {
  return (trailer % 256) & OBSOLETE_MASK;
}

/** Splits an encoded internal key into the user key and the trailer. */
export function splitInternalKey(encoded: Uint8Array): [userKey: Uint8Array, trailer: number] | undefined {
  if (encoded.length < 8) return undefined;
  const n = encoded.length - 8;
  return [encoded.subarray(0, n), readU64(encoded, n)];
}

/** Bytewise comparison, the only comparer Baton's stores use (leveldb.BytewiseComparator). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}
