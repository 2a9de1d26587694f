/**
 * A read-only SST: footer, metaindex, (two-level) index, data blocks and range deletions, for every table
 * format Pebble reads: LevelDB, RocksDB v2 and Pebble v1-v7. Row blocks up to Pebble v4, columnar data,
 * index and keyspan blocks from v5, columnar metaindex from v6 and columnar properties from v7
 * (pebble sstable/layout.go, reader.go). Values kept out of line (value blocks, blob files) are refused.
 */
import { readUvarint } from '../codec/varint.js';
import { ColumnarDataBlock } from '../colblk/data-block.js';
import { ColumnarIndexBlock } from '../colblk/index-block.js';
import { decodeKeyValueBlock } from '../colblk/key-value-block.js';
import { decodeKeyspanBlock, type KeySpan } from '../colblk/keyspan-block.js';
import { decodeBlockHandle, type BlockHandle } from './block-handle.js';
import { BlockCache } from './block-cache.js';
import { readBlock } from './block-reader.js';
import { PebbleCorruption, PebbleUnsupported } from './corruption.js';
import { Attribute, columnarBlocks, readFooter, type Footer } from './footer.js';
import { compareBytes, Kind, splitInternalKey, trailerKind, trailerSeq, type InternalEntry } from './internal-key.js';
import { rowBlockEntries } from './row-block.js';
import type { TableFile } from './table-file.js';

interface IndexEntry {
  /** Every key in the block is <= this user key. */
  separator: Uint8Array;
  handle: BlockHandle;
}

export class Table {
  readonly footer: Footer;
  private readonly columnar: boolean;
  private readonly meta: Map<string, BlockHandle>;
  private properties: Map<string, Uint8Array> | undefined;
  private dataIndex: IndexEntry[] | undefined;

  constructor(
    readonly file: TableFile,
    private readonly cache = new BlockCache(),
  ) {
    this.footer = readFooter(file);
    this.columnar = columnarBlocks(this.footer.format);
    this.meta = this.guard('metaindex', () => this.readMetaindex());
    if (this.footer.attributes !== undefined && this.footer.attributes & (Attribute.ValueBlocks | Attribute.BlobValues)) {
      throw new PebbleUnsupported(file.name, 'keeps values out of line (value blocks or blob files), which this reader does not follow');
    }
  }

  /** Every point entry in key order (user key ascending, newer first). */
  *entries(from?: Uint8Array): Generator<InternalEntry> {
    const index = this.index();
    let i = 0;
    if (from) {
      // First block whose separator is >= from: earlier blocks hold only smaller keys.
      let lo = 0;
      let hi = index.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareBytes(index[mid]!.separator, from) < 0) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    for (; i < index.length; i++) {
      const handle = index[i]!.handle;
      const block = this.cache.get(`${this.file.path}@${handle.offset}`, () => this.decodeDataBlock(handle));
      let row = 0;
      if (from) {
        let hi = block.length;
        while (row < hi) {
          const mid = (row + hi) >>> 1;
          if (compareBytes(block[mid]!.userKey, from) < 0) row = mid + 1;
          else hi = mid;
        }
      }
      for (; row < block.length; row++) yield block[row]!;
    }
  }

  /** Range deletions, as [start, end) spans with their sequence numbers. */
  rangeDeletions(): KeySpan[] {
    const handle = this.meta.get('rocksdb.range_del2') ?? this.meta.get('rocksdb.range_del');
    if (!handle) return [];
    return this.guard(`range-deletion block at ${handle.offset}`, () => {
      const data = readBlock(this.file, handle, this.footer.checksum, 'range-deletion');
      if (this.columnar) return decodeKeyspanBlock(data).filter((s) => trailerKind(s.trailer) === Kind.RangeDelete);
      const spans: KeySpan[] = [];
      for (const { key, value } of rowBlockEntries(data)) {
        const split = splitInternalKey(key);
        if (split && trailerKind(split[1]) === Kind.RangeDelete) spans.push({ start: split[0], end: value, trailer: split[1] });
      }
      return spans;
    });
  }

  /** Whether the table holds range keys, which Baton never writes and this reader does not interpret. */
  hasRangeKeys(): boolean {
    return this.meta.has('pebble.range_key');
  }

  /** The block's entries, and roughly the memory they hold (the decoded block plus per-entry overhead). */
  private decodeDataBlock(handle: BlockHandle): { block: InternalEntry[]; bytes: number } {
    const data = readBlock(this.file, handle, this.footer.checksum, 'data');
    const block = [...this.blockEntries(data, `data block at ${handle.offset}`)];
    return { block, bytes: data.length + block.length * 96 };
  }

  private *blockEntries(data: Uint8Array, what: string): Generator<InternalEntry> {
    if (this.columnar) {
      const block = this.guard(what, () => new ColumnarDataBlock(data));
      for (let row = 0; row < block.rows; row++) {
        if (block.isValueExternal(row)) {
          throw new PebbleUnsupported(this.file.name, `${what}: a value kept in a value block or blob file`);
        }
        const trailer = block.trailer(row);
        yield { userKey: block.userKey(row), seq: trailerSeq(trailer), kind: trailerKind(trailer), value: block.value(row) };
      }
      return;
    }
    const prefixed = this.footer.format.family === 'pebble' && this.footer.format.version >= 3;
    for (const { key, value } of this.guard(what, () => [...rowBlockEntries(data)])) {
      const split = splitInternalKey(key);
      if (!split) throw new PebbleCorruption(this.file.name, `${what}: key shorter than its 8-byte trailer`);
      const kind = trailerKind(split[1]);
      let v = value;
      // Pebble v3/v4 row blocks put a value-prefix byte before SET values (sstable/block/value.go).
      if (prefixed && kind === Kind.Set && v.length > 0) {
        if ((v[0]! & 0xc0) !== 0) throw new PebbleUnsupported(this.file.name, `${what}: a value kept in a value block`);
        v = v.subarray(1);
      }
      yield { userKey: split[0], seq: trailerSeq(split[1]), kind, value: v };
    }
  }

  private index(): IndexEntry[] {
    if (this.dataIndex) return this.dataIndex;
    const top = this.readIndexBlock(this.footer.index, 'index');
    this.dataIndex = this.twoLevel() ? top.flatMap((entry) => this.readIndexBlock(entry.handle, 'second-level index')) : top;
    return this.dataIndex;
  }

  private twoLevel(): boolean {
    if (this.footer.attributes !== undefined) return (this.footer.attributes & Attribute.TwoLevelIndex) !== 0;
    const type = this.readProperties().get('rocksdb.block.based.table.index.type');
    return type !== undefined && readUvarint(type, 0)[0] === 2;
  }

  private readIndexBlock(handle: BlockHandle, what: string): IndexEntry[] {
    return this.guard(`${what} block at ${handle.offset}`, () => {
      const data = readBlock(this.file, handle, this.footer.checksum, what);
      if (this.columnar) {
        const block = new ColumnarIndexBlock(data);
        return Array.from({ length: block.rows }, (_, i) => ({ separator: block.separator(i), handle: block.handle(i) }));
      }
      return [...rowBlockEntries(data)].map(({ key, value }) => ({
        separator: splitInternalKey(key)?.[0] ?? key,
        handle: decodeBlockHandle(value)[0],
      }));
    });
  }

  private readMetaindex(): Map<string, BlockHandle> {
    const data = readBlock(this.file, this.footer.metaindex, this.footer.checksum, 'metaindex');
    const columnar = this.footer.format.family === 'pebble' && this.footer.format.version >= 6;
    const pairs = columnar ? decodeKeyValueBlock(data) : [...rowBlockEntries(data)].map((e) => [e.key, e.value] as const);
    const meta = new Map<string, BlockHandle>();
    for (const [key, value] of pairs) {
      const name = Buffer.from(key).toString('latin1');
      // The value-index handle carries extra fields after the handle; only its presence matters here.
      meta.set(name, decodeBlockHandle(value)[0]);
    }
    return meta;
  }

  readProperties(): Map<string, Uint8Array> {
    if (this.properties) return this.properties;
    const handle = this.meta.get('rocksdb.properties');
    const properties = new Map<string, Uint8Array>();
    if (handle) {
      this.guard('properties block', () => {
        const data = readBlock(this.file, handle, this.footer.checksum, 'properties');
        const columnar = this.footer.format.family === 'pebble' && this.footer.format.version >= 7;
        const pairs = columnar ? decodeKeyValueBlock(data) : [...rowBlockEntries(data)].map((e) => [e.key, e.value] as const);
        for (const [key, value] of pairs) properties.set(Buffer.from(key).toString('latin1'), value);
      });
    }
    return (this.properties = properties);
  }

  /** Runs a decoding step, naming the file and block in any decoding failure. */
  private guard<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof PebbleCorruption || error instanceof PebbleUnsupported) throw error;
      throw new PebbleCorruption(this.file.name, `${what}: ${(error as Error).message}`);
    }
  }
}
