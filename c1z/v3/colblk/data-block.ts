/**
 * A columnar data block with Pebble's DefaultKeySchema (colblk/data_block.go): a 4-byte custom header (the
 * longest key, u32 LE), then 7 columns: key prefix (prefix bytes), key suffix (bytes), trailer (uint:
 * seqnum << 8 | kind), prefix-changed (bool), value (bytes), is-value-external (bool), is-obsolete (bool).
 * An external value starts with a value-prefix byte and points into a value block or blob file.
 */
import { decodeBitmap, type Bitmap } from './bitmap.js';
import { ColumnarBlock, DataType } from './header.js';
import { decodePrefixBytes, type PrefixBytes } from './prefix-bytes.js';
import { decodeRawBytes, type RawBytes } from './raw-bytes.js';
import { decodeUints, type Uints } from './uints.js';

const CUSTOM_HEADER = 4;

export class ColumnarDataBlock {
  readonly rows: number;
  private readonly prefixes: PrefixBytes;
  private readonly suffixes: RawBytes;
  private readonly trailers: Uints;
  private readonly values: RawBytes;
  private readonly external: Bitmap;

  constructor(data: Uint8Array) {
    const block = new ColumnarBlock(data, CUSTOM_HEADER);
    const rows = (this.rows = block.rows);
    this.prefixes = decodePrefixBytes(data, block.column(0, DataType.PrefixBytes), rows);
    this.suffixes = decodeRawBytes(data, block.column(1, DataType.Bytes), rows);
    this.trailers = decodeUints(data, block.column(2, DataType.Uint), rows);
    this.values = decodeRawBytes(data, block.column(4, DataType.Bytes), rows);
    this.external = decodeBitmap(data, block.column(5, DataType.Bool), rows);
  }

  userKey(row: number): Uint8Array {
    const prefix = this.prefixes.at(row);
    const suffix = this.suffixes.at(row);
    if (suffix.length === 0) return prefix;
    const key = new Uint8Array(prefix.length + suffix.length);
    key.set(prefix, 0);
    key.set(suffix, prefix.length);
    return key;
  }

  trailer(row: number): number {
    return this.trailers.at(row);
  }

  value(row: number): Uint8Array {
    return this.values.at(row);
  }

  isValueExternal(row: number): boolean {
    return this.external.at(row);
  }
}
