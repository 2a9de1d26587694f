/**
 * A Pebble store unpacked on disk, read-only: the live tables from the MANIFEST, opened once, read through
 * a merged scan (every visible key/value in key order, optionally under a key prefix) or a point lookup.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BlockCache } from '../sst/block-cache.js';
import { compareBytes, type InternalEntry } from '../sst/internal-key.js';
import { Table } from '../sst/table.js';
import { TableFile } from '../sst/table-file.js';
import { ManifestError, readLiveTables, type LiveTable } from './live-tables.js';
import { mergedScan, resolve, type EntrySource, type Version, type VisibleEntry } from './merged-scan.js';
import { RangeTombstones, type Tombstone } from './range-tombstones.js';

interface OpenTable {
  live: LiveTable;
  table: Table;
}

export class PebbleStore {
  private constructor(
    readonly manifest: string,
    private readonly tables: OpenTable[],
    private readonly files: TableFile[],
    private readonly tombstones: RangeTombstones,
  ) {}

  static open(dir: string): PebbleStore {
    const { manifest, tables: live } = readLiveTables(dir);
    const files = new Map<string, TableFile>();
    const cache = new BlockCache();
    const physical = new Map<string, Table>();
    try {
      const tables = live.map((t): OpenTable => {
        let table = physical.get(t.fileName);
        if (!table) {
          if (!existsSync(join(dir, t.fileName))) {
            throw new ManifestError(`${manifest} lists ${t.fileName}, which is missing from the payload`);
          }
          const file = new TableFile(join(dir, t.fileName));
          files.set(t.fileName, file);
          table = new Table(file, cache);
          physical.set(t.fileName, table);
        }
        return { live: t, table };
      });
      const tombstones: Tombstone[] = tables.flatMap(({ live: t, table }) =>
        table.rangeDeletions().flatMap((span): Tombstone[] => {
          const seq = t.syntheticSeq || Math.floor(span.trailer / 256);
          return clip({ start: span.start, end: span.end, seq }, t);
        }),
      );
      return new PebbleStore(manifest, tables, [...files.values()], new RangeTombstones(tombstones));
    } catch (error) {
      for (const file of files.values()) file.close();
      throw error;
    }
  }

  /** Visible entries in key order; with a prefix, only keys starting with it. */
  scan(prefix?: Uint8Array): Generator<VisibleEntry> {
    const sources: EntrySource[] = this.tables
      .filter(({ live }) => !prefix || overlapsPrefix(live, prefix))
      .map(({ live, table }) => ({ name: table.file.name, entries: tableEntries(live, table, prefix), syntheticSeq: live.syntheticSeq }));
    return mergedScan(sources, this.tombstones);
  }

  get(key: Uint8Array): Uint8Array | undefined {
    const versions: Version[] = [];
    for (const { live, table } of this.tables) {
      if (!inBounds(live, key)) continue;
      for (const entry of tableEntries(live, table, key)) {
        if (compareBytes(entry.userKey, key) !== 0) break;
        versions.push({ entry, seq: live.syntheticSeq || entry.seq, source: table.file.name });
      }
    }
    if (versions.length === 0) return undefined;
    versions.sort((a, b) => b.seq - a.seq);
    return resolve(key, versions, this.tombstones)?.value;
  }

  close(): void {
    for (const file of this.files) file.close();
  }
}

/** One table's entries (those starting with `prefix`, if given) in order, within a virtual table's bounds. */
function* tableEntries(live: LiveTable, table: Table, prefix?: Uint8Array): Generator<InternalEntry> {
  const { smallest, largest, largestExclusive } = live.bounds;
  const start = live.virtual && (!prefix || compareBytes(prefix, smallest) < 0) ? smallest : prefix;
  for (const entry of table.entries(start)) {
    if (prefix && !startsWith(entry.userKey, prefix)) return;
    if (live.virtual) {
      const c = compareBytes(entry.userKey, largest);
      if (c > 0 || (c === 0 && largestExclusive)) return;
    }
    yield entry;
  }
}

/** A virtual table's tombstones apply only within its bounds. */
function clip(tombstone: Tombstone, live: LiveTable): Tombstone[] {
  if (!live.virtual) return [tombstone];
  const { smallest, largest, largestExclusive } = live.bounds;
  const start = compareBytes(tombstone.start, smallest) < 0 ? smallest : tombstone.start;
  const limit = largestExclusive ? largest : successor(largest);
  const end = compareBytes(tombstone.end, limit) > 0 ? limit : tombstone.end;
  return compareBytes(start, end) < 0 ? [{ start, end, seq: tombstone.seq }] : [];
}

function inBounds(live: LiveTable, key: Uint8Array): boolean {
  const { smallest, largest, largestExclusive } = live.bounds;
  const c = compareBytes(key, largest);
  return compareBytes(key, smallest) >= 0 && (c < 0 || (c === 0 && !largestExclusive));
}

/** Whether any key starting with `prefix` can lie within the table's bounds. */
function overlapsPrefix(live: LiveTable, prefix: Uint8Array): boolean {
  const { smallest, largest } = live.bounds;
  if (compareBytes(largest, prefix) < 0) return false;
  return startsWith(smallest, prefix) || compareBytes(smallest, prefix) < 0;
}

function startsWith(key: Uint8Array, prefix: Uint8Array): boolean {
  if (key.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (key[i] !== prefix[i]) return false;
  return true;
}

/** The smallest key greater than `key`. */
function successor(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length + 1);
  out.set(key);
  return out;
}
