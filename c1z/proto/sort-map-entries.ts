/**
 * Go's deterministic marshal, which the SDK uses for stored `data`, writes map entries sorted by key.
 * protobuf-es writes them in JS object-key order, which is insertion order except that integer-like keys
 * ("10", "2") jump to the front in numeric order, so sorting the object first is not enough. Instead this
 * reorders the entries of every map field in the encoded bytes, in place: each entry keeps its bytes and only
 * the order changes, so no enclosing length prefix moves.
 */
import { ScalarType, type DescField, type DescMessage } from '@bufbuild/protobuf';
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

export function sortMapEntries(desc: DescMessage, bytes: Uint8Array): Uint8Array {
  if (hasMaps(desc)) sortWithin(desc, bytes, 0, bytes.length);
  return bytes;
}

interface EncodedEntry {
  start: number;
  end: number;
  key: Uint8Array | bigint;
}

function sortWithin(desc: DescMessage, buf: Uint8Array, start: number, end: number): void {
  const reader = new BinaryReader(buf.subarray(start, end));
  let run: EncodedEntry[] = [];
  let runField: DescField | undefined;
  const flush = (): void => {
    if (run.length > 1) writeSorted(buf, run);
    run = [];
    runField = undefined;
  };
  while (reader.pos < reader.len) {
    const tagStart = reader.pos;
    const [no, wireType] = reader.tag();
    const field = fieldByNumber(desc, no);
    if (wireType !== WireType.LengthDelimited || field === undefined) {
      flush();
      reader.skip(wireType, no);
      continue;
    }
    const length = reader.uint32();
    const payloadStart = start + reader.pos;
    reader.pos += length;
    const payloadEnd = start + reader.pos;
    if (field.fieldKind === 'map') {
      if (runField !== field) flush();
      runField = field;
      run.push({ start: start + tagStart, end: payloadEnd, key: readEntry(field, buf, payloadStart, payloadEnd) });
    } else {
      flush();
      const child = messageOf(field);
      if (child && hasMaps(child)) sortWithin(child, buf, payloadStart, payloadEnd);
    }
  }
  flush();
}

/** Reads a map entry's key, sorting any maps inside a message value along the way. */
function readEntry(field: DescField & { fieldKind: 'map' }, buf: Uint8Array, start: number, end: number): Uint8Array | bigint {
  const reader = new BinaryReader(buf.subarray(start, end));
  let key: Uint8Array | bigint = field.mapKey === ScalarType.STRING ? new Uint8Array(0) : 0n;
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === 1) {
      key = readKey(reader, field.mapKey);
    } else if (no === 2 && field.mapKind === 'message' && wireType === WireType.LengthDelimited && hasMaps(field.message)) {
      const length = reader.uint32();
      sortWithin(field.message, buf, start + reader.pos, start + reader.pos + length);
      reader.pos += length;
    } else {
      reader.skip(wireType, no);
    }
  }
  return key;
}

/** Keys compare like Go's sort: strings bytewise, integers numerically, false before true. */
function readKey(reader: BinaryReader, type: ScalarType): Uint8Array | bigint {
  switch (type) {
    case ScalarType.STRING:
      return reader.bytes();
    case ScalarType.BOOL:
      return reader.bool() ? 1n : 0n;
    case ScalarType.INT32:
      return BigInt(reader.int32());
    case ScalarType.UINT32:
      return BigInt(reader.uint32());
    case ScalarType.SINT32:
      return BigInt(reader.sint32());
    case ScalarType.FIXED32:
      return BigInt(reader.fixed32());
    case ScalarType.SFIXED32:
      return BigInt(reader.sfixed32());
    case ScalarType.INT64:
      return BigInt(reader.int64());
    case ScalarType.UINT64:
      return BigInt(reader.uint64());
    case ScalarType.SINT64:
      return BigInt(reader.sint64());
    case ScalarType.FIXED64:
      return BigInt(reader.fixed64());
    case ScalarType.SFIXED64:
      return BigInt(reader.sfixed64());
    default:
      throw new Error(`unsupported map key type ${type}`);
  }
}

function writeSorted(buf: Uint8Array, run: EncodedEntry[]): void {
  const sorted = [...run].sort((a, b) => compareKeys(a.key, b.key));
  const out = new Uint8Array(run[run.length - 1]!.end - run[0]!.start);
  let at = 0;
  for (const entry of sorted) {
    out.set(buf.subarray(entry.start, entry.end), at);
    at += entry.end - entry.start;
  }
  buf.set(out, run[0]!.start);
}

function compareKeys(a: Uint8Array | bigint, b: Uint8Array | bigint): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

function messageOf(field: DescField): DescMessage | undefined {
  if (field.fieldKind === 'message') return field.message;
  if (field.fieldKind === 'list' && field.listKind === 'message') return field.message;
  return undefined;
}

const fieldMaps = new WeakMap<DescMessage, Map<number, DescField>>();

function fieldByNumber(desc: DescMessage, no: number): DescField | undefined {
  let byNumber = fieldMaps.get(desc);
  if (!byNumber) {
    byNumber = new Map(desc.fields.map((f) => [f.number, f]));
    fieldMaps.set(desc, byNumber);
  }
  return byNumber.get(no);
}

const mapsMemo = new WeakMap<DescMessage, boolean>();

/** Whether any map can occur inside this message, at any depth (memoized; recursive types are fine). */
export function hasMaps(desc: DescMessage): boolean {
  let known = mapsMemo.get(desc);
  if (known === undefined) {
    known = reachesMap(desc, new Set());
    mapsMemo.set(desc, known);
  }
  return known;
}

function reachesMap(desc: DescMessage, visiting: Set<DescMessage>): boolean {
  if (visiting.has(desc)) return false;
  visiting.add(desc);
  for (const field of desc.fields) {
    if (field.fieldKind === 'map') return true;
    const child = messageOf(field);
    if (child && reachesMap(child, visiting)) return true;
  }
  return false;
}
