/**
 * The store's visible key/value pairs in key order, merged from every live table: for each user key the
 * entry with the highest sequence number decides (SET: its value; DEL, SINGLEDEL, DELSIZED: gone), unless
 * a range deletion with a higher sequence number covers it. MERGE operands are concatenated oldest first,
 * which is what Pebble's default merger (pebble.concatenate) does.
 */
import { PebbleCorruption } from '../sst/corruption.js';
import { compareBytes, Kind, type InternalEntry } from '../sst/internal-key.js';
import type { RangeTombstones } from './range-tombstones.js';

export interface VisibleEntry {
  key: Uint8Array;
  value: Uint8Array;
  seq: number;
}

export interface EntrySource {
  name: string;
  entries: Iterator<InternalEntry>;
  /** Read every entry at this sequence number (an ingested table's), if set. */
  syntheticSeq?: number;
}

interface Head {
  source: EntrySource;
  entry: InternalEntry;
  seq: number;
}

/** Heap order: user key ascending, then newest (highest seq) first. */
function before(a: Head, b: Head): boolean {
  const c = compareBytes(a.entry.userKey, b.entry.userKey);
  return c < 0 || (c === 0 && a.seq > b.seq);
}

function head(source: EntrySource, entry: InternalEntry): Head {
  return { source, entry, seq: source.syntheticSeq || entry.seq };
}

export function* mergedScan(sources: EntrySource[], tombstones: RangeTombstones): Generator<VisibleEntry> {
  const heap: Head[] = [];
  for (const source of sources) {
    const first = source.entries.next();
    if (!first.done) push(heap, head(source, first.value));
  }
  const deletions = tombstones.cursor();
  while (heap.length > 0) {
    const key = heap[0]!.entry.userKey;
    // All versions of this key, newest first.
    const versions: Version[] = [];
    while (heap.length > 0 && compareBytes(heap[0]!.entry.userKey, key) === 0) {
      const top = heap[0]!;
      versions.push({ entry: top.entry, seq: top.seq, source: top.source.name });
      const next = top.source.entries.next();
      if (next.done) pop(heap);
      else {
        heap[0] = head(top.source, next.value);
        siftDown(heap, 0);
      }
    }
    const visible = resolve(key, versions, deletions);
    if (visible) yield visible;
  }
}

/** One stored version of a key: the entry, the sequence number it is read at, and its table. */
export interface Version {
  entry: InternalEntry;
  seq: number;
  source: string;
}

/** The visible value of one key from its versions (newest first), if any. */
export function resolve(
  key: Uint8Array,
  versions: Version[],
  deletions: { deletes(key: Uint8Array, seq: number): boolean },
): VisibleEntry | undefined {
  const operands: Uint8Array[] = [];
  const newest = versions[0]!.seq;
  for (const { entry, seq, source } of versions) {
    if (deletions.deletes(key, seq)) break;
    switch (entry.kind) {
      case Kind.Set:
      case Kind.SetWithDelete:
        return { key, value: operands.length ? concat([entry.value, ...operands.reverse()]) : entry.value, seq: newest };
      case Kind.Merge:
        operands.push(entry.value);
        continue;
      case Kind.Delete:
      case Kind.SingleDelete:
      case Kind.DeleteSized:
        break;
      default:
        throw new PebbleCorruption(source, `unexpected key kind ${entry.kind} among point keys`);
    }
    break;
  }
  return operands.length ? { key, value: concat(operands.reverse()), seq: newest } : undefined;
}

function concat(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

function push(heap: Head[], head: Head): void {
  heap.push(head);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function pop(heap: Head[]): void {
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    siftDown(heap, 0);
  }
}

function siftDown(heap: Head[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let best = i;
    if (l < heap.length && before(heap[l]!, heap[best]!)) best = l;
    if (r < heap.length && before(heap[r]!, heap[best]!)) best = r;
    if (best === i) return;
    [heap[i], heap[best]] = [heap[best]!, heap[i]!];
    i = best;
  }
}
