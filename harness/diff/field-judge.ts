/**
 * {@link changedFields} for many pairs at once, faster: each blob is cut into its top-level fields on the
 * wire, and only the fields whose bytes differ are decoded and canonicalised, each on its own and once per
 * distinct bytes. A changed grant mostly differs in its sources or annotations while its entitlement and
 * principal (large nested messages with Any annotations, most of the decoding cost) are byte-identical.
 *
 * The answer is the same as decoding whole messages: a proto3 message's JSON is the union of its fields'
 * JSON, each a function of that field's bytes alone (repeated occurrences concatenated in order, tags
 * included, so the bytes also say which field). A field with the same bytes on both sides is the same
 * value and is not decoded at all, as byte-identical rows never are. Any failure, or anything the cut
 * cannot handle (groups, a GrantExpandable in the `expansion` column to merge), goes through
 * {@link changedFields} itself, so its errors are the ones reported.
 */
import type { JsonValue } from '@bufbuild/protobuf';
import { fromBinary } from '@bufbuild/protobuf';
import { messageToJson } from '../../c1z/index.js';
import type { Table } from '../../reports/diff/report.js';
import { canonicalField, changedFields, schemaOf, type StoredBlob } from './semantic.js';

/** Distinct field values kept; past this the cache starts over, so memory stays bounded. */
const CACHE_LIMIT = 50_000;

export class FieldJudge {
  private readonly cache = new Map<string, { name: string; canonical: string } | null>();

  /** Fields of a oneof would each decode alone where the whole message keeps only the last: never cut those. */
  private readonly cuttable: boolean;

  constructor(private readonly table: Table) {
    this.cuttable = schemaOf(table).oneofs.length === 0;
  }

  changedFields(base: StoredBlob, compare: StoredBlob, where: string): string[] {
    const merges = this.table === 'grants' && (hasBytes(base.expansion) || hasBytes(compare.expansion));
    const fast = this.cuttable && !merges ? this.tryFast(base, compare) : undefined;
    return fast ?? changedFields(this.table, base, compare, where);
  }

  private tryFast(base: StoredBlob, compare: StoredBlob): string[] | undefined {
    const a = splitFields(base.data);
    const b = splitFields(compare.data);
    if (!a || !b) return undefined;
    try {
      const changed: string[] = [];
      for (const number of new Set([...a.keys(), ...b.keys()])) {
        const left = a.get(number);
        const right = b.get(number);
        if (left === right) continue;
        const x = left === undefined ? null : this.field(left);
        const y = right === undefined ? null : this.field(right);
        if (x?.canonical !== y?.canonical) changed.push((x ?? y)!.name);
      }
      return changed.sort();
    } catch {
      return undefined;
    }
  }

  private field(bytes: string): { name: string; canonical: string } | null {
    let entry = this.cache.get(bytes);
    if (entry === undefined) {
      entry = this.decodeField(bytes);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(bytes, entry);
    }
    return entry;
  }

  /** The one field's JSON name and canonical value, or null when it is the default (absent from JSON). */
  private decodeField(bytes: string): { name: string; canonical: string } | null {
    const schema = schemaOf(this.table);
    const json = messageToJson(schema, fromBinary(schema, Buffer.from(bytes, 'latin1'))) as Record<string, JsonValue>;
    const entries = Object.entries(json);
    if (entries.length === 0) return null;
    if (entries.length > 1) throw new Error('one field gave several JSON members');
    const [name, value] = entries[0]!;
    return { name, canonical: canonicalField(name, value) };
  }
}

function hasBytes(value: Uint8Array | null | undefined): boolean {
  return value !== null && value !== undefined && value.length > 0;
}

/**
 * The top-level fields of an encoded message by field number, each the concatenation of its occurrences'
 * bytes (tag included) as a latin1 string; undefined when the bytes do not parse or hold a group.
 */
export function splitFields(data: Uint8Array): Map<number, string> | undefined {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const fields = new Map<number, string>();
  let at = 0;
  const varint = (): number | undefined => {
    let value = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      if (at >= buffer.length) return undefined;
      const byte = buffer[at++]!;
      if (shift < 35) value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
    return undefined;
  };
  while (at < buffer.length) {
    const start = at;
    const tag = varint();
    if (tag === undefined || tag > 0xffffffff) return undefined;
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    if (number === 0) return undefined;
    if (wire === 0) {
      if (varint() === undefined) return undefined;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const length = varint();
      if (length === undefined) return undefined;
      at += length;
    } else return undefined;
    if (at > buffer.length) return undefined;
    const bytes = buffer.toString('latin1', start, at);
    fields.set(number, (fields.get(number) ?? '') + bytes);
  }
  return fields;
}
