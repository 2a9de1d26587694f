/**
 * A columnar uint column (pebble sstable/colblk/uints.go): one encoding byte (low bits = bytes per value:
 * 0, 1, 2, 4 or 8; bit 7 = delta against a following u64 LE base), then, aligned to the value width
 * (relative to the block start), `count` little-endian values. Width 0 means every value is the base (or 0).
 * Values are returned as JS numbers: exact below 2^53, which covers offsets and Pebble sequence numbers.
 */
import { ColumnError } from './column-error.js';

export interface Uints {
  readonly count: number;
  at(i: number): number;
  /** Offset just past the column's data. */
  readonly end: number;
}

export function decodeUints(data: Uint8Array, offset: number, count: number): Uints {
  if (count === 0) return { count, at: () => 0, end: offset };
  const encoding = data[offset]!;
  const width = encoding & 0x7f;
  const delta = (encoding & 0x80) !== 0;
  let at = offset + 1;
  let base = 0;
  if (delta) {
    base = readU64(data, at);
    at += 8;
  }
  if (width === 0) return { count, at: () => base, end: at };
  if (width !== 1 && width !== 2 && width !== 4 && width !== 8) throw new ColumnError(`invalid uint encoding 0x${encoding.toString(16)}`);
  at = align(at, width);
  const start = at;
  const end = start + count * width;
  if (end > data.length) throw new ColumnError('uint column runs past the block');
  const read =
    width === 1
      ? (i: number) => base + data[start + i]!
      : width === 2
        ? (i: number) => base + (data[start + 2 * i]! | (data[start + 2 * i + 1]! << 8))
        : width === 4
          ? (i: number) => base + readU32(data, start + 4 * i)
          : (i: number) => readU64(data, start + 8 * i);
  return { count, at: read, end };
}

export function align(offset: number, to: number): number {
  return (offset + to - 1) & ~(to - 1);
}

export function readU32(data: Uint8Array, at: number): number {
  return (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0;
}

export function readU64(data: Uint8Array, at: number): number {
  return readU32(data, at + 4) * 4294967296 + readU32(data, at);
}
