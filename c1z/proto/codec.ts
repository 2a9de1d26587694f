/** Binary encode/decode for stored protobufs: decode errors become one-line user errors, encoding matches Go. */
import { fromBinary, toBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { UserError } from '../../lib/errors.js';
import { needsMapSort } from './needs-map-sort.js';
import { sortMapEntries } from './sort-map-entries.js';

/**
 * Decodes `bytes` as `schema`. `where` names the bytes for the user (`"v1_resources row 12"`): corrupt data
 * is a damaged file, not a bug, so it is reported as a {@link UserError}.
 */
export function decodeMessage<Desc extends DescMessage>(schema: Desc, bytes: Uint8Array, where: string): MessageShape<Desc> {
  try {
    return fromBinary(schema, bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${where}: corrupt ${schema.typeName} protobuf (${reason})`, { cause: error });
  }
}

/**
 * Encodes like Go's deterministic marshal, which wrote the stored blobs: known fields in field-number order
 * (protobuf-es sorts them too), then unknown fields as read, with map entries sorted by key. Decoding a blob
 * and encoding it again therefore gives the same bytes, so byte comparison of re-encoded data is meaningful.
 * The sorting pass re-reads the bytes, so it only runs when the message holds a map that could be out of order.
 */
export function encodeMessage<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): Uint8Array {
  const bytes = toBinary(schema, message);
  return needsMapSort(schema, message) ? sortMapEntries(schema, bytes) : bytes;
}
