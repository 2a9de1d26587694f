/**
 * The LevelDB-style log Pebble uses for its MANIFEST (pebble record/record.go): 32 KiB blocks of chunks,
 * each with a 7-byte header: masked CRC-32C (u32 LE, over the type byte and the payload), payload length
 * (u16 LE), chunk type (1 FULL, 2 FIRST, 3 MIDDLE, 4 LAST; 5-8 are the "recyclable" variants with a 4-byte
 * log number after the type). A block tail too short for a header is zero padding.
 */
import { crc32c, maskCrc } from '../hash/crc32c.js';
import { readU32 } from '../colblk/uints.js';

const BLOCK_SIZE = 32 * 1024;

export class LogCorruption extends Error {}

/** The records of a log, in order. A torn final record (a crash mid-write) ends the log quietly, as in Pebble. */
export function* readLogRecords(log: Uint8Array): Generator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let at = 0;
  while (at < log.length) {
    const blockEnd = Math.min(log.length, (Math.floor(at / BLOCK_SIZE) + 1) * BLOCK_SIZE);
    if (blockEnd - at < 7) {
      at = blockEnd;
      continue;
    }
    const length = log[at + 4]! | (log[at + 5]! << 8);
    const type = log[at + 6]!;
    if (type === 0 && length === 0) {
      // Zeroed space: preallocated or padding to the end of the block.
      at = blockEnd;
      continue;
    }
    const recyclable = type >= 5 && type <= 8;
    const header = recyclable ? 11 : 7;
    const start = at + header;
    const end = start + length;
    if (end > blockEnd) {
      if (end > log.length) return; // torn tail
      throw new LogCorruption(`log chunk at offset ${at} crosses a block boundary`);
    }
    const stored = readU32(log, at);
    const computed = maskCrc(crc32c(log.subarray(at + 6, end)));
    if (stored !== computed) throw new LogCorruption(`log chunk at offset ${at}: checksum mismatch`);
    const payload = log.subarray(start, end);
    const kind = recyclable ? type - 4 : type;
    if (kind === 1) {
      yield payload;
      parts = [];
    } else if (kind === 2) {
      parts = [payload];
    } else if (kind === 3 || kind === 4) {
      if (parts.length === 0) throw new LogCorruption(`log chunk at offset ${at} continues a record that never began`);
      parts.push(payload);
      if (kind === 4) {
        yield Buffer.concat(parts);
        parts = [];
      }
    } else {
      throw new LogCorruption(`unknown log chunk type ${type} at offset ${at}`);
    }
    at = end;
  }
}
