/**
 * A columnar bytes column (colblk/raw_bytes.go): a uint column of count+1 offsets (the first is 0), then
 * the concatenated data; slice i is data[offset(i), offset(i+1)).
 */
import { ColumnError } from './column-error.js';
import { decodeUints } from './uints.js';

export interface RawBytes {
  readonly count: number;
  at(i: number): Uint8Array;
  readonly end: number;
}

export function decodeRawBytes(data: Uint8Array, offset: number, count: number): RawBytes {
  if (count === 0) return { count, at: () => new Uint8Array(0), end: offset };
  const offsets = decodeUints(data, offset, count + 1);
  const start = offsets.end;
  const end = start + offsets.at(count);
  if (end > data.length) throw new ColumnError('bytes column runs past the block');
  return {
    count,
    at: (i) => data.subarray(start + offsets.at(i), start + offsets.at(i + 1)),
    end,
  };
}
