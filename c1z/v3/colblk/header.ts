/**
 * The columnar block header (colblk/block.go): after an optional block-kind-specific custom header,
 * version (1 B, = 1), column count (u16 LE), row count (u32 LE), then per column a data type (1 B) and the
 * u32 LE offset of its data from the block start. The block ends with one padding byte.
 * Data types as written by current Pebble: 1 bool, 2 uint, 3 bytes, 4 prefix bytes.
 */
import { ColumnError } from './column-error.js';
import { readU32 } from './uints.js';

export const DataType = { Bool: 1, Uint: 2, Bytes: 3, PrefixBytes: 4 } as const;

export class ColumnarBlock {
  readonly columns: number;
  readonly rows: number;

  constructor(
    readonly data: Uint8Array,
    private readonly customHeaderSize: number,
  ) {
    const h = customHeaderSize;
    if (data.length < h + 8) throw new ColumnError('columnar block too short for its header');
    if (data[h] !== 1) throw new ColumnError(`unknown columnar block version ${data[h]}`);
    this.columns = data[h + 1]! | (data[h + 2]! << 8);
    this.rows = readU32(data, h + 3);
    if (h + 7 + 5 * this.columns > data.length) throw new ColumnError('columnar block header runs past the block');
  }

  /** Where column `col`'s data starts, checking it has the expected type. */
  column(col: number, type: number): number {
    if (col >= this.columns) throw new ColumnError(`missing column ${col} (block has ${this.columns})`);
    const at = this.customHeaderSize + 7 + 5 * col;
    const actual = this.data[at]!;
    if (actual !== type) throw new ColumnError(`column ${col} has type ${actual}, expected ${type}`);
    const start = readU32(this.data, at + 1);
    if (start >= this.data.length) throw new ColumnError(`column ${col} starts past the block`);
    return start;
  }
}
