/**
 * A prefix-compressed, sorted bytes column (colblk/prefix_bytes.go). One byte gives log2(bundle size);
 * then a bytes-style offset table and data holding 1 column-wide prefix, then per bundle of rows: the
 * bundle prefix and each row's suffix. Unlike RawBytes the first offset is the end of the column prefix
 * (its start is 0), so slice k spans [offset(k-1), offset(k)). An empty row suffix means "same key as the
 * row before" (duplicate keys), resolved by walking back within the bundle.
 */
import { ColumnError } from './column-error.js';
import { decodeUints } from './uints.js';

export interface PrefixBytes {
  readonly count: number;
  /** The full value of row i (column prefix + bundle prefix + row suffix), as a new array. */
  at(i: number): Uint8Array;
  readonly end: number;
}

export function decodePrefixBytes(data: Uint8Array, offset: number, count: number): PrefixBytes {
  if (count === 0) return { count, at: () => new Uint8Array(0), end: offset };
  const shift = data[offset]!;
  if (shift > 16) throw new ColumnError(`invalid prefix-bytes bundle size 2^${shift}`);
  const bundleSize = 1 << shift;
  const bundles = Math.ceil(count / bundleSize);
  const slices = count + bundles;
  const offsets = decodeUints(data, offset + 1, slices + 1);
  const start = offsets.end;
  const end = start + offsets.at(slices);
  if (end > data.length) throw new ColumnError('prefix-bytes column runs past the block');
  const sharedLength = offsets.at(0);
  const shared = data.subarray(start, start + sharedLength);

  return {
    count,
    end,
    at(row: number): Uint8Array {
      const bundleIndex = (row >>> shift) * (bundleSize + 1);
      const bundleStart = offsets.at(bundleIndex);
      const bundleEnd = offsets.at(bundleIndex + 1);
      let index = bundleIndex + 1 + (row & (bundleSize - 1));
      let low = offsets.at(index);
      let high = offsets.at(index + 1);
      // Duplicate key: step back to the nearest non-empty suffix in the same bundle.
      while (low === high && index > bundleIndex + 1) {
        index--;
        high = low;
        low = offsets.at(index);
      }
      const bundleLength = bundleEnd - bundleStart;
      const out = new Uint8Array(sharedLength + bundleLength + (high - low));
      out.set(shared, 0);
      // Byte loops: keys are short, and two subarray views per row would cost more than the copy.
      let o = sharedLength;
      for (let i = start + bundleStart; i < start + bundleEnd; i++) out[o++] = data[i]!;
      for (let i = start + low; i < start + high; i++) out[o++] = data[i]!;
      return out;
    },
  };
}
