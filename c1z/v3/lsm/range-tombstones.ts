/**
 * Range deletions of the whole store. A tombstone [start, end) at sequence number S hides every point
 * entry in that range with a smaller sequence number, in any table. Queries come in ascending key order
 * (a merged scan), so tombstones are swept once, start-sorted, with the currently open ones kept aside.
 */
import { compareBytes } from '../sst/internal-key.js';

export interface Tombstone {
  start: Uint8Array;
  end: Uint8Array;
  seq: number;
}

export class RangeTombstones {
  private readonly sorted: Tombstone[];

  constructor(tombstones: Tombstone[]) {
    this.sorted = [...tombstones].sort((a, b) => compareBytes(a.start, b.start));
  }

  get size(): number {
    return this.sorted.length;
  }

  /** A cursor for one ascending scan; `deletes(key, seq)` must be called with non-decreasing keys. */
  cursor(): { deletes(key: Uint8Array, seq: number): boolean } {
    const sorted = this.sorted;
    let next = 0;
    const open: Tombstone[] = [];
    return {
      deletes(key, seq) {
        while (next < sorted.length && compareBytes(sorted[next]!.start, key) <= 0) open.push(sorted[next++]!);
        let deleted = false;
        // Drop tombstones the scan has passed, in place: this runs once per key.
        let kept = 0;
        for (const t of open) {
          if (compareBytes(key, t.end) >= 0) continue;
          open[kept++] = t;
          if (t.seq > seq) deleted = true;
        }
        open.length = kept;
        return deleted;
      },
    };
  }

  /** For a single lookup, out of scan order. */
  deletes(key: Uint8Array, seq: number): boolean {
    return this.sorted.some((t) => t.seq > seq && compareBytes(t.start, key) <= 0 && compareBytes(key, t.end) < 0);
  }
}
