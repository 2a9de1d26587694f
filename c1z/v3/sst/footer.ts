/**
 * The fixed-size footer at the end of every SST (pebble sstable/table.go, format.go, layout.go):
 *
 *   LevelDB  (48 B): metaindex handle, index handle, zero padding to 40 B, magic 57fb808b247547db
 *   RocksDB  (53 B): checksum type (1 B), the two handles padded to 40 B, version u32 LE (= 2), magic f7cff485b741e288
 *   Pebble v1-v5 (53 B): as RocksDB with magic "🪳🪳" (f09faab3f09faab3), version 1..5
 *   Pebble v6 (57 B): ... padding, footer checksum u32 LE, version, magic
 *   Pebble v7 (61 B): ... padding, attributes u32 LE, footer checksum, version, magic
 *
 * The footer checksum (v6+) is the masked CRC-32C of the footer without its own four bytes.
 */
import { crc32c, maskCrc } from '../hash/crc32c.js';
import { decodeBlockHandle, type BlockHandle } from './block-handle.js';
import type { ChecksumType } from './block-reader.js';
import { PebbleCorruption, PebbleUnsupported } from './corruption.js';
import type { TableFile } from './table-file.js';

const LEVELDB_MAGIC = Buffer.from('57fb808b247547db', 'hex');
const ROCKSDB_MAGIC = Buffer.from('f7cff485b741e288', 'hex');
const PEBBLE_MAGIC = Buffer.from('f09faab3f09faab3', 'hex');
const MAX_FOOTER = 61;

export type TableFormat = { family: 'leveldb'; version: 0 } | { family: 'rocksdb'; version: 2 } | { family: 'pebble'; version: number };

/** Bits of the v7 footer attributes (sstable/attributes.go). */
export const Attribute = {
  ValueBlocks: 1 << 0,
  RangeKeySets: 1 << 1,
  RangeKeyUnsets: 1 << 2,
  RangeKeyDels: 1 << 3,
  RangeDels: 1 << 4,
  TwoLevelIndex: 1 << 5,
  BlobValues: 1 << 6,
  PointKeys: 1 << 7,
} as const;

export interface Footer {
  format: TableFormat;
  checksum: ChecksumType;
  metaindex: BlockHandle;
  index: BlockHandle;
  /** Only Pebble v7 records them; undefined before. */
  attributes?: number;
}

/** Data, index and keyspan blocks are columnar from Pebble v5 on. */
export function columnarBlocks(format: TableFormat): boolean {
  return format.family === 'pebble' && format.version >= 5;
}

export function readFooter(file: TableFile): Footer {
  const length = Math.min(MAX_FOOTER, file.size);
  if (length < 48) throw new PebbleCorruption(file.name, `too small to be an SST (${file.size} bytes)`);
  const tail = file.read(file.size - length, length);
  const magic = tail.subarray(length - 8);
  if (magic.equals(LEVELDB_MAGIC)) {
    const footer = tail.subarray(length - 48);
    return { format: { family: 'leveldb', version: 0 }, checksum: 'crc32c', ...handles(footer, 0, file) };
  }
  const version = tail.readUInt32LE(length - 12);
  if (magic.equals(ROCKSDB_MAGIC)) {
    if (version !== 2) throw new PebbleUnsupported(file.name, `RocksDB table format version ${version} (only 2 is readable)`);
    return rocksStyle(tail.subarray(length - 53), { family: 'rocksdb', version: 2 }, file);
  }
  if (!magic.equals(PEBBLE_MAGIC)) throw new PebbleCorruption(file.name, 'not an SST (no table magic number at the end)');
  if (version < 1 || version > 7) {
    throw new PebbleUnsupported(file.name, `Pebble table format v${version}, newer than this reader knows (v1-v7)`);
  }
  const size = version >= 7 ? 61 : version === 6 ? 57 : 53;
  if (length < size) throw new PebbleCorruption(file.name, `too small for a Pebble v${version} footer`);
  const footer = tail.subarray(length - size);
  if (version >= 6) {
    const at = size - 16;
    const stored = footer.readUInt32LE(at);
    const computed = maskCrc(crc32c(footer.subarray(at + 4), crc32c(footer.subarray(0, at))));
    if (stored !== computed) throw new PebbleCorruption(file.name, 'footer checksum mismatch');
  }
  const parsed = rocksStyle(footer, { family: 'pebble', version }, file);
  if (version >= 7) parsed.attributes = footer.readUInt32LE(size - 20);
  return parsed;
}

function rocksStyle(footer: Buffer, format: TableFormat, file: TableFile): Footer {
  const type = footer[0];
  const checksum: ChecksumType | undefined = type === 1 ? 'crc32c' : type === 3 ? 'xxhash64' : type === 0 ? 'none' : undefined;
  if (!checksum) throw new PebbleUnsupported(file.name, `block checksum type ${type}`);
  return { format, checksum, ...handles(footer, 1, file) };
}

function handles(footer: Uint8Array, offset: number, file: TableFile): { metaindex: BlockHandle; index: BlockHandle } {
  try {
    const [metaindex, next] = decodeBlockHandle(footer, offset);
    const [index] = decodeBlockHandle(footer, next);
    return { metaindex, index };
  } catch {
    throw new PebbleCorruption(file.name, 'unreadable block handles in the footer');
  }
}
