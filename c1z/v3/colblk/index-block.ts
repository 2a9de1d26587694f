/**
 * A columnar index block (colblk/index_block.go), used for both levels of a two-level index: separator
 * user key (bytes), block offset (uint), block length (uint), block properties (bytes).
 */
import type { BlockHandle } from '../sst/block-handle.js';
import { ColumnarBlock, DataType } from './header.js';
import { decodeRawBytes, type RawBytes } from './raw-bytes.js';
import { decodeUints, type Uints } from './uints.js';

export class ColumnarIndexBlock {
  readonly rows: number;
  private readonly separators: RawBytes;
  private readonly offsets: Uints;
  private readonly lengths: Uints;

  constructor(data: Uint8Array) {
    const block = new ColumnarBlock(data, 0);
    const rows = (this.rows = block.rows);
    this.separators = decodeRawBytes(data, block.column(0, DataType.Bytes), rows);
    this.offsets = decodeUints(data, block.column(1, DataType.Uint), rows);
    this.lengths = decodeUints(data, block.column(2, DataType.Uint), rows);
  }

  separator(row: number): Uint8Array {
    return this.separators.at(row);
  }

  handle(row: number): BlockHandle {
    return { offset: this.offsets.at(row), length: this.lengths.at(row) };
  }
}
