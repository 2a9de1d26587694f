/** A block's place in an SST: offset and length (without the 5-byte trailer), two uvarints on disk. */
import { readUvarint } from '../codec/varint.js';

export interface BlockHandle {
  offset: number;
  length: number;
}

/** Decodes a handle at `offset`; anything after it (block properties) is ignored. */
export function decodeBlockHandle(bytes: Uint8Array, offset = 0): [BlockHandle, number] {
  const [blockOffset, next] = readUvarint(bytes, offset);
  const [length, end] = readUvarint(bytes, next);
  return [{ offset: blockOffset, length }, end];
}
