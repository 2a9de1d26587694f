/**
 * A columnar keyspan block (colblk/keyspan.go), which holds range deletions (and range keys). A 4-byte
 * custom header counts the distinct boundary user keys; columns: boundary keys (bytes, that many rows),
 * boundary key indices (uint, same rows: index of the first key starting at each boundary), then per key:
 * trailer (uint), suffix (bytes), value (bytes). Keys i in [index(b), index(b+1)) span
 * [boundary(b), boundary(b+1)).
 */
import { readU32, decodeUints } from './uints.js';
import { ColumnarBlock, DataType } from './header.js';
import { decodeRawBytes } from './raw-bytes.js';

export interface KeySpan {
  start: Uint8Array;
  end: Uint8Array;
  /** seqnum << 8 | kind */
  trailer: number;
}

export function decodeKeyspanBlock(data: Uint8Array): KeySpan[] {
  const boundaries = readU32(data, 0);
  const block = new ColumnarBlock(data, 4);
  const bounds = decodeRawBytes(data, block.column(0, DataType.Bytes), boundaries);
  const indices = decodeUints(data, block.column(1, DataType.Uint), boundaries);
  const trailers = decodeUints(data, block.column(2, DataType.Uint), block.rows);
  const spans: KeySpan[] = [];
  for (let b = 0; b + 1 < boundaries; b++) {
    for (let k = indices.at(b); k < indices.at(b + 1); k++) {
      spans.push({ start: bounds.at(b), end: bounds.at(b + 1), trailer: trailers.at(k) });
    }
  }
  return spans;
}
