/**
 * A columnar key/value block (colblk/key_value_block.go): two bytes columns, keys and values. Pebble v6+
 * writes the metaindex this way and v7+ the properties block.
 */
import { ColumnarBlock, DataType } from './header.js';
import { decodeRawBytes } from './raw-bytes.js';

export function decodeKeyValueBlock(data: Uint8Array): Array<[key: Uint8Array, value: Uint8Array]> {
  const block = new ColumnarBlock(data, 0);
  const keys = decodeRawBytes(data, block.column(0, DataType.Bytes), block.rows);
  const values = decodeRawBytes(data, block.column(1, DataType.Bytes), block.rows);
  return Array.from({ length: block.rows }, (_, i) => [keys.at(i), values.at(i)]);
}
