/**
 * The building blocks of the v3 (Pebble) reader on hand-made inputs: checksums against published vectors,
 * Snappy elements, the MANIFEST log framing and version edits, and the merge rules (newest wins,
 * tombstones and range deletions hide older entries, MERGE operands concatenate).
 */
import { describe, expect, it } from 'vitest';
import { snappyUncompress, SnappyError } from '../c1z/v3/codec/snappy.js';
import { crc32c, maskCrc } from '../c1z/v3/hash/crc32c.js';
import { xxh64, Xxh64 } from '../c1z/v3/hash/xxh64.js';
import { mergedScan } from '../c1z/v3/lsm/merged-scan.js';
import { RangeTombstones } from '../c1z/v3/lsm/range-tombstones.js';
import { LogCorruption, readLogRecords } from '../c1z/v3/lsm/record-log.js';
import { decodeVersionEdit } from '../c1z/v3/lsm/version-edit.js';
import { decodePrefixBytes } from '../c1z/v3/colblk/prefix-bytes.js';
import { Kind, type InternalEntry } from '../c1z/v3/sst/internal-key.js';

const text = (s: string) => Buffer.from(s, 'latin1');
const str = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('checksums', () => {
  it('XXH64 matches the reference vectors, whole and in pieces', () => {
    expect(xxh64(new Uint8Array())).toBe(0xef46db3751d8e999n);
    expect(xxh64(text('a'))).toBe(0xd24ec4f1a98c6e5bn);
    expect(xxh64(text('abc'))).toBe(0x44bc2cf5ad770999n);
    const long = Buffer.alloc(1000, 0).map((_, i) => (i * 31) & 0xff);
    const pieces = new Xxh64();
    for (let i = 0; i < long.length; i += 7) pieces.update(long.subarray(i, i + 7));
    expect(pieces.digest()).toBe(xxh64(long));
  });

  it('CRC-32C matches the standard check value and masks as LevelDB does', () => {
    expect(crc32c(text('123456789'))).toBe(0xe3069283);
    expect(crc32c(text('56789'), crc32c(text('1234')))).toBe(0xe3069283);
    const c = 0xe3069283;
    expect(maskCrc(c)).toBe((((c >>> 15) | (c << 17)) + 0xa282ead8) >>> 0);
  });
});

describe('snappy blocks', () => {
  it('decodes literals and copies, including an overlapping run', () => {
    // length 11; literal "abc" (tag (3-1)<<2); copy len 8 offset 3 with a 2-byte offset (tag ((8-1)<<2)|2).
    const block = Uint8Array.from([11, 0x08, 0x61, 0x62, 0x63, ((8 - 1) << 2) | 2, 3, 0]);
    expect(str(snappyUncompress(block))).toBe('abcabcabcab');
  });

  it('refuses a copy reaching before the start of the output', () => {
    expect(() => snappyUncompress(Uint8Array.from([4, ((4 - 1) << 2) | 2, 9, 0]))).toThrow(SnappyError);
  });
});

describe('columnar prefix bytes', () => {
  it('rebuilds keys from the column prefix, bundle prefixes and row suffixes, duplicates included', () => {
    // Rows "aab", "aac", "aac" with bundle size 2: column prefix "aa"; bundle 0 prefix "", rows "b", "c";
    // bundle 1 prefix "c", row "" (same key as the bundle prefix).
    const data = [1, 1, 2, 2, 3, 4, 5, 5, ...text('aabcc')];
    const column = decodePrefixBytes(Uint8Array.from(data), 0, 3);
    expect([0, 1, 2].map((i) => str(column.at(i)))).toEqual(['aab', 'aac', 'aac']);
  });
});

/** A log chunk: masked CRC-32C of type and payload, u16 length, type, payload. */
function chunk(type: number, payload: Uint8Array): Buffer {
  const header = Buffer.alloc(7);
  header.writeUInt32LE(maskCrc(crc32c(Buffer.concat([Buffer.from([type]), payload]))), 0);
  header.writeUInt16LE(payload.length, 4);
  header[6] = type;
  return Buffer.concat([header, payload]);
}

describe('MANIFEST log', () => {
  it('joins FIRST/MIDDLE/LAST chunks and reads FULL ones', () => {
    const log = Buffer.concat([chunk(1, text('one')), chunk(2, text('tw')), chunk(3, text('o-')), chunk(4, text('parts'))]);
    expect([...readLogRecords(log)].map(str)).toEqual(['one', 'two-parts']);
  });

  it('refuses a chunk whose checksum fails', () => {
    const log = chunk(1, text('payload'));
    log[8] = log[8]! ^ 1;
    expect(() => [...readLogRecords(log)]).toThrow(LogCorruption);
  });

  it('decodes new and deleted tables from a version edit', () => {
    const key = (user: string, seq: number) => {
      const trailer = Buffer.alloc(8);
      trailer.writeBigUInt64LE((BigInt(seq) << 8n) | 1n);
      return Buffer.concat([text(user), trailer]);
    };
    const bytes = (b: Uint8Array) => [b.length, ...b];
    const smallest = key('a', 5);
    const largest = key('z', 9);
    // tagComparator, tagNewFile2 (level 6, file 12, size 100, bounds, seqnums 5..9), tagDeletedFile (level 0, file 7)
    const edit = Uint8Array.from([
      1,
      ...bytes(text('leveldb.BytewiseComparator')),
      100,
      6,
      12,
      100,
      ...bytes(smallest),
      ...bytes(largest),
      5,
      9,
      6,
      0,
      7,
    ]);
    const decoded = decodeVersionEdit(edit);
    expect(decoded.comparer).toBe('leveldb.BytewiseComparator');
    expect(decoded.newTables).toMatchObject([{ level: 6, fileNum: 12, size: 100, smallestSeq: 5, largestSeq: 9 }]);
    expect(decoded.deletedTables).toEqual([{ level: 0, fileNum: 7 }]);
  });
});

describe('merged scan', () => {
  const entry = (key: string, seq: number, kind: number, value = ''): InternalEntry => ({ userKey: text(key), seq, kind, value: text(value) });
  const source = (name: string, entries: InternalEntry[], syntheticSeq?: number) => ({ name, entries: entries[Symbol.iterator](), syntheticSeq });
  const scan = (sources: ReturnType<typeof source>[], tombstones = new RangeTombstones([])) =>
    [...mergedScan(sources, tombstones)].map((e) => `${str(e.key)}=${str(e.value)}`);

  it('keeps the newest version of each key and drops deleted keys', () => {
    const older = source('old', [entry('a', 1, Kind.Set, 'a1'), entry('b', 2, Kind.Set, 'b2'), entry('c', 3, Kind.Set, 'c3')]);
    const newer = source('new', [entry('a', 10, Kind.Set, 'a10'), entry('b', 11, Kind.Delete), entry('d', 12, Kind.SingleDelete)]);
    expect(scan([older, newer])).toEqual(['a=a10', 'c=c3']);
  });

  it('reads an ingested table at its synthetic sequence number', () => {
    const ingested = source('ingested', [entry('a', 0, Kind.Set, 'ingested')], 20);
    const flushed = source('flushed', [entry('a', 15, Kind.Set, 'flushed')]);
    expect(scan([flushed, ingested])).toEqual(['a=ingested']);
  });

  it('lets a range deletion hide older entries only', () => {
    const table = source('t', [
      entry('a', 1, Kind.Set, 'x'),
      entry('b', 1, Kind.Set, 'x'),
      entry('c', 9, Kind.Set, 'new'),
      entry('d', 1, Kind.Set, 'x'),
    ]);
    const tombstones = new RangeTombstones([{ start: text('b'), end: text('d'), seq: 5 }]);
    expect(scan([table], tombstones)).toEqual(['a=x', 'c=new', 'd=x']);
  });

  it('concatenates MERGE operands oldest first onto the base value', () => {
    const table = source('t', [entry('k', 3, Kind.Merge, '3'), entry('k', 2, Kind.Merge, '2'), entry('k', 1, Kind.Set, 'base')]);
    expect(scan([table])).toEqual(['k=base23']);
  });
});
