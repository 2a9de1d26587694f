/**
 * CRC-32C (Castagnoli), the checksum of Pebble block trailers, SST footers and MANIFEST log records.
 * LevelDB-family formats store it "masked" (rotated and offset) so that a CRC of data holding CRCs stays
 * well distributed.
 */

const TABLE = makeTable();

function makeTable(): Uint32Array {
  const table = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  // Slicing-by-8 tables: eight bytes per step keeps checksumming well below the cost of decompressing.
  for (let n = 0; n < 256; n++) {
    let c = table[n]!;
    for (let k = 1; k < 8; k++) {
      c = table[c & 0xff]! ^ (c >>> 8);
      table[k * 256 + n] = c >>> 0;
    }
  }
  return table;
}

/** Continues a CRC-32C over `bytes` (pass the previous result to chain several pieces). */
export function crc32c(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  let i = 0;
  const end8 = bytes.length - (bytes.length % 8);
  const t = TABLE;
  for (; i < end8; i += 8) {
    const lo = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) ^ crc;
    crc =
      t[7 * 256 + (lo & 0xff)]! ^
      t[6 * 256 + ((lo >>> 8) & 0xff)]! ^
      t[5 * 256 + ((lo >>> 16) & 0xff)]! ^
      t[4 * 256 + (lo >>> 24)]! ^
      t[3 * 256 + bytes[i + 4]!]! ^
      t[2 * 256 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** The masked form LevelDB, RocksDB and Pebble store. */
export function maskCrc(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}
