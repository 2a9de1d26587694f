/**
 * Reads one physical block: its bytes, the 5-byte trailer (compression indicator, then a 4-byte checksum
 * over the bytes and the indicator), the checksum check, and decompression.
 * Indicators (pebble sstable/block/compression.go): 0 none, 1 snappy, 7 zstd (Pebble prefixes the zstd
 * frame with the decoded length as a uvarint), 8 MinLZ.
 */
import { decompress as zstdDecompress } from 'zstd-napi';
import { snappyUncompress } from '../codec/snappy.js';
import { readUvarint } from '../codec/varint.js';
import { crc32c, maskCrc } from '../hash/crc32c.js';
import { xxh64 } from '../hash/xxh64.js';
import type { BlockHandle } from './block-handle.js';
import { PebbleCorruption, PebbleUnsupported } from './corruption.js';
import type { TableFile } from './table-file.js';

const BLOCK_TRAILER_LENGTH = 5;

/** Footer byte 0 (sstable/block ChecksumType): 1 crc32c, 3 xxhash64; LevelDB tables are always crc32c. */
export type ChecksumType = 'crc32c' | 'xxhash64' | 'none';

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export function readBlock(file: TableFile, handle: BlockHandle, checksum: ChecksumType, what: string): Uint8Array {
  const raw = file.read(handle.offset, handle.length + BLOCK_TRAILER_LENGTH);
  const indicator = raw[handle.length]!;
  const stored = raw.readUInt32LE(handle.length + 1);
  const covered = raw.subarray(0, handle.length + 1);
  if (checksum !== 'none') {
    const computed = checksum === 'crc32c' ? maskCrc(crc32c(covered)) : Number(xxh64(covered) & 0xffffffffn);
    if (computed !== stored) {
      throw new PebbleCorruption(
        file.name,
        `${what} block at offset ${handle.offset}: checksum mismatch (stored ${hex(stored)}, computed ${hex(computed)})`,
      );
    }
  }
  const body = raw.subarray(0, handle.length);
  try {
    return decompressBlock(indicator, body, file.name);
  } catch (error) {
    if (error instanceof PebbleUnsupported || error instanceof PebbleCorruption) throw error;
    throw new PebbleCorruption(file.name, `${what} block at offset ${handle.offset}: cannot decompress (${(error as Error).message})`);
  }
}

function decompressBlock(indicator: number, body: Uint8Array, file: string): Uint8Array {
  switch (indicator) {
    case 0:
      return body;
    case 1:
      return snappyUncompress(body);
    case 7: {
      const [, start] = readUvarint(body, 0);
      const frame = ZSTD_MAGIC.every((b, i) => body[start + i] === b) ? body.subarray(start) : body;
      return zstdDecompress(frame);
    }
    case 8:
      throw new PebbleUnsupported(file, 'uses MinLZ block compression, which this reader does not decode');
    default:
      throw new PebbleUnsupported(file, `uses block compression ${indicator}, which Pebble itself does not write`);
  }
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
