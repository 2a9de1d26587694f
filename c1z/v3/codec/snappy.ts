/**
 * Decoder for raw (unframed) Snappy blocks, Pebble's default block compression. Format: a uvarint of the
 * decoded length, then elements whose tag byte's low two bits say literal (0) or copy with a 1-, 2- or
 * 4-byte offset (1, 2, 3).
 */
import { readUvarint } from './varint.js';

export class SnappyError extends Error {}

export function snappyUncompress(input: Uint8Array): Uint8Array {
  let [length, i] = readUvarint(input, 0);
  const out = new Uint8Array(length);
  let o = 0;
  while (i < input.length) {
    const tag = input[i++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const extra = len - 59;
        if (i + extra > input.length) throw new SnappyError('literal length runs past the input');
        len = 0;
        for (let k = 0; k < extra; k++) len += input[i + k]! * 2 ** (8 * k);
        i += extra;
      }
      len += 1;
      if (i + len > input.length || o + len > length) throw new SnappyError('literal runs past the input or output');
      if (len > 32) {
        out.set(input.subarray(i, i + len), o);
        i += len;
        o += len;
      } else {
        for (const end = i + len; i < end; ) out[o++] = input[i++]!;
      }
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      len = 4 + ((tag >>> 2) & 7);
      offset = ((tag >>> 5) << 8) | input[i++]!;
    } else if (kind === 2) {
      len = (tag >>> 2) + 1;
      offset = input[i]! | (input[i + 1]! << 8);
      i += 2;
    } else {
      len = (tag >>> 2) + 1;
      offset = (input[i]! | (input[i + 1]! << 8) | (input[i + 2]! << 16) | (input[i + 3]! << 24)) >>> 0;
      i += 4;
    }
    if (i > input.length) throw new SnappyError('copy element cut short');
    if (offset === 0 || offset > o || o + len > length) throw new SnappyError('copy points outside the output');
    if (offset >= len && len > 32) {
      out.copyWithin(o, o - offset, o - offset + len);
      o += len;
    } else {
      // Short or overlapping copy (the run repeats the last `offset` bytes): byte by byte.
      for (let k = 0; k < len; k++, o++) out[o] = out[o - offset]!;
    }
  }
  if (o !== length) throw new SnappyError(`decoded ${o} bytes, expected ${length}`);
  return out;
}
