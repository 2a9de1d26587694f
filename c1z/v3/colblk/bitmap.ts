/**
 * A columnar bool column (colblk/bitmap.go): one encoding byte (0 = bitmap follows, 1 = all false); the
 * bitmap is 8-byte aligned, ceil(n/64) little-endian u64 words (bit i of word i/64) plus summary words.
 */
import { ColumnError } from './column-error.js';
import { align } from './uints.js';

export interface Bitmap {
  at(i: number): boolean;
  readonly end: number;
}

export function decodeBitmap(data: Uint8Array, offset: number, count: number): Bitmap {
  if (count === 0) return { at: () => false, end: offset };
  const encoding = data[offset]!;
  if (encoding === 1) return { at: () => false, end: offset + 1 };
  if (encoding !== 0) throw new ColumnError(`unknown bitmap encoding ${encoding}`);
  const start = align(offset + 1, 8);
  const words = Math.ceil(count / 64);
  const summary = Math.ceil(words / 64);
  const end = start + 8 * (words + summary);
  if (end > data.length) throw new ColumnError('bitmap runs past the block');
  return { at: (i) => (data[start + (i >>> 3)]! & (1 << (i & 7))) !== 0, end };
}
