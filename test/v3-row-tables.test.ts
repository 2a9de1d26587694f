/**
 * The table formats before Pebble's columnar blocks (LevelDB, RocksDB v2, Pebble v1-v4), on small tables
 * built here byte by byte: prefix-compressed row blocks with restart points, a two-level index announced
 * by the properties block, a range-deletion block, and the value-prefix byte of Pebble v3/v4 SET values.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32c, maskCrc } from '../c1z/v3/hash/crc32c.js';
import { PebbleCorruption } from '../c1z/v3/sst/corruption.js';
import { Kind } from '../c1z/v3/sst/internal-key.js';
import { Table } from '../c1z/v3/sst/table.js';
import { TableFile } from '../c1z/v3/sst/table-file.js';

const text = (s: string) => Buffer.from(s, 'latin1');
const str = (b: Uint8Array) => Buffer.from(b).toString('latin1');

function uvarint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function internalKey(user: string, seq: number, kind: number): Buffer {
  const trailer = Buffer.alloc(8);
  trailer.writeBigUInt64LE((BigInt(seq) << 8n) | BigInt(kind));
  return Buffer.concat([text(user), trailer]);
}

/** A row block: keys prefix-compressed against the previous one, a restart point every `interval` entries. */
function rowBlock(entries: Array<[Uint8Array, Uint8Array]>, interval = 2): Buffer {
  const parts: number[] = [];
  const restarts: number[] = [];
  let previous = Buffer.alloc(0);
  entries.forEach(([key, value], i) => {
    let shared = 0;
    if (i % interval === 0) restarts.push(parts.length);
    else while (shared < key.length && shared < previous.length && key[shared] === previous[shared]) shared++;
    parts.push(...uvarint(shared), ...uvarint(key.length - shared), ...uvarint(value.length), ...key.subarray(shared), ...value);
    previous = Buffer.from(key);
  });
  const tail = Buffer.alloc(4 * (restarts.length + 1));
  for (const [i, r] of restarts.entries()) tail.writeUInt32LE(r, 4 * i);
  tail.writeUInt32LE(restarts.length, 4 * restarts.length);
  return Buffer.concat([Buffer.from(parts), tail]);
}

/** Builds a table file block by block; each block gets the 5-byte trailer (no compression, masked CRC-32C). */
class TableBuilder {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  add(block: Buffer): number[] {
    const typed = Buffer.concat([block, Buffer.from([0])]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(maskCrc(crc32c(typed)));
    const handle = [...uvarint(this.size), ...uvarint(block.length)];
    this.chunks.push(typed, crc);
    this.size += typed.length + 4;
    return handle;
  }

  finish(metaindex: number[], index: number[], format: 'leveldb' | 'rocksdb' | 'pebble', version = 0): Buffer {
    const handles = Buffer.alloc(40);
    Buffer.from([...metaindex, ...index]).copy(handles);
    if (format === 'leveldb') return Buffer.concat([...this.chunks, handles, Buffer.from('57fb808b247547db', 'hex')]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32LE(version);
    const magic = Buffer.from(format === 'rocksdb' ? 'f7cff485b741e288' : 'f09faab3f09faab3', 'hex');
    return Buffer.concat([...this.chunks, Buffer.from([1]), handles, tail, magic]);
  }
}

let dir: string;
let serial = 0;
function open(bytes: Buffer): Table {
  const path = join(dir, `t${++serial}.sst`);
  writeFileSync(path, bytes);
  return new Table(new TableFile(path));
}

function entriesOf(table: Table, from?: string): string[] {
  return [...table.entries(from === undefined ? undefined : text(from))].map((e) => `${str(e.userKey)}#${e.seq},${e.kind}=${str(e.value)}`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'v3-row-tables-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('row-block tables', () => {
  const rows: Array<[Uint8Array, Uint8Array]> = [
    [internalKey('apple', 7, Kind.Set), text('red')],
    [internalKey('apricot', 6, Kind.Set), text('orange')],
    [internalKey('banana', 9, Kind.Delete), text('')],
    [internalKey('banana', 3, Kind.Set), text('yellow')],
    [internalKey('cherry', 2, Kind.Set), text('dark')],
  ];
  const expected = ['apple#7,1=red', 'apricot#6,1=orange', 'banana#9,0=', 'banana#3,1=yellow', 'cherry#2,1=dark'];

  for (const [format, version] of [
    ['leveldb', 0],
    ['rocksdb', 2],
    ['pebble', 2],
  ] as const) {
    it(`${format}${version ? ` v${version}` : ''}: one-level index, entries in order, seeks`, () => {
      const b = new TableBuilder();
      const first = b.add(rowBlock(rows.slice(0, 3)));
      const second = b.add(rowBlock(rows.slice(3)));
      const index = b.add(
        rowBlock(
          [
            [internalKey('banana', 9, Kind.Delete), Buffer.from(first)],
            [internalKey('cherry', 2, Kind.Set), Buffer.from(second)],
          ],
          1,
        ),
      );
      const meta = b.add(rowBlock([]));
      const table = open(b.finish(meta, index, format, version));
      expect(entriesOf(table)).toEqual(expected);
      expect(entriesOf(table, 'b')).toEqual(expected.slice(2));
      expect(entriesOf(table, 'cz')).toEqual([]);
    });
  }

  it('two-level index (properties say index type 2) and a range-deletion block', () => {
    const b = new TableBuilder();
    const data = rows.map(([k, v]) => b.add(rowBlock([[k, v]])));
    const lower1 = b.add(
      rowBlock(
        rows.slice(0, 3).map(([k], i) => [k, Buffer.from(data[i]!)] as [Uint8Array, Uint8Array]),
        1,
      ),
    );
    const lower2 = b.add(
      rowBlock(
        rows.slice(3).map(([k], i) => [k, Buffer.from(data[i + 3]!)] as [Uint8Array, Uint8Array]),
        1,
      ),
    );
    const top = b.add(
      rowBlock(
        [
          [rows[2]![0], Buffer.from(lower1)],
          [rows[4]![0], Buffer.from(lower2)],
        ],
        1,
      ),
    );
    const rangeDel = b.add(rowBlock([[internalKey('apricot', 8, Kind.RangeDelete), text('banana')]]));
    const properties = b.add(rowBlock([[text('rocksdb.block.based.table.index.type'), Buffer.from(uvarint(2))]]));
    const meta = b.add(
      rowBlock([
        [text('rocksdb.properties'), Buffer.from(properties)],
        [text('rocksdb.range_del2'), Buffer.from(rangeDel)],
      ]),
    );
    const table = open(b.finish(meta, top, 'pebble', 1));
    expect(entriesOf(table)).toEqual(expected);
    expect(table.rangeDeletions().map((s) => `${str(s.start)}-${str(s.end)}#${Math.floor(s.trailer / 256)}`)).toEqual(['apricot-banana#8']);
  });

  it('Pebble v3: strips the value-prefix byte of SET values, refuses values in value blocks', () => {
    const b = new TableBuilder();
    const data = b.add(
      rowBlock([
        [internalKey('a', 2, Kind.Set), Buffer.from([0x00, ...text('inline')])],
        [internalKey('b', 1, Kind.Merge), text('m')],
      ]),
    );
    const index = b.add(rowBlock([[internalKey('b', 1, Kind.Merge), Buffer.from(data)]], 1));
    const table = open(b.finish(b.add(rowBlock([])), index, 'pebble', 3));
    expect(entriesOf(table)).toEqual(['a#2,1=inline', 'b#1,2=m']);

    const c = new TableBuilder();
    const handle = c.add(rowBlock([[internalKey('a', 2, Kind.Set), Buffer.from([0x80, 1, 2, 3])]]));
    const idx = c.add(rowBlock([[internalKey('a', 2, Kind.Set), Buffer.from(handle)]], 1));
    expect(() => entriesOf(open(c.finish(c.add(rowBlock([])), idx, 'pebble', 3)))).toThrow(/value block/);
  });

  it('a damaged block: the checksum names the file and block', () => {
    const b = new TableBuilder();
    const data = b.add(rowBlock(rows));
    const index = b.add(rowBlock([[rows[4]![0], Buffer.from(data)]], 1));
    const bytes = b.finish(b.add(rowBlock([])), index, 'rocksdb', 2);
    bytes[3] = bytes[3]! ^ 0xff;
    expect(() => entriesOf(open(bytes))).toThrow(PebbleCorruption);
    expect(() => entriesOf(open(bytes))).toThrow(/data block at offset 0: checksum mismatch/);
  });
});
