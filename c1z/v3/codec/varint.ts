/**
 * Unsigned LEB128 varints, as Pebble and LevelDB write them (block handles, row-block entries, MANIFEST
 * edits). Values past 2^53 lose precision; offsets, lengths and file numbers never get there.
 */

class VarintError extends Error {}

/** Reads a uvarint at `offset`; returns the value and the offset just past it. */
export function readUvarint(bytes: Uint8Array, offset: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = offset; i < bytes.length && i < offset + 10; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, i + 1];
    scale *= 128;
  }
  throw new VarintError(`truncated varint at offset ${offset}`);
}
