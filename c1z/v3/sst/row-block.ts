/**
 * A row-oriented block (LevelDB/RocksDB layout, pebble sstable/rowblk): entries of
 * uvarint shared-key-length, uvarint unshared-length, uvarint value-length, the unshared key bytes, the
 * value; keys are prefix-compressed against the previous entry, except at restart points. The block ends
 * with the restart offsets (u32 LE each) and their count (u32 LE).
 */
import { readUvarint } from '../codec/varint.js';
import { ColumnError } from '../colblk/column-error.js';
import { readU32 } from '../colblk/uints.js';

export interface RowEntry {
  key: Uint8Array;
  value: Uint8Array;
}

export function* rowBlockEntries(data: Uint8Array): Generator<RowEntry> {
  if (data.length < 4) throw new ColumnError('row block too short');
  const restarts = readU32(data, data.length - 4);
  const limit = data.length - 4 * (restarts + 1);
  if (limit < 0) throw new ColumnError('row block restart table larger than the block');
  let key = new Uint8Array(0);
  let at = 0;
  while (at < limit) {
    const [shared, a] = readUvarint(data, at);
    const [unshared, b] = readUvarint(data, a);
    const [valueLength, c] = readUvarint(data, b);
    if (shared > key.length || c + unshared + valueLength > limit) throw new ColumnError(`bad row block entry at offset ${at}`);
    const next = new Uint8Array(shared + unshared);
    next.set(key.subarray(0, shared), 0);
    next.set(data.subarray(c, c + unshared), shared);
    key = next;
    const valueStart = c + unshared;
    yield { key, value: data.subarray(valueStart, valueStart + valueLength) };
    at = valueStart + valueLength;
  }
}
