/**
 * Decoded data blocks kept for reuse. Listing grants looks up each grant's entitlement and principal,
 * which land in the same few blocks again and again; without a cache every lookup would re-read and
 * re-decompress them. Bounded by the decoded bytes held, oldest use evicted first.
 */
import type { InternalEntry } from './internal-key.js';

export class BlockCache {
  private readonly entries = new Map<string, { block: InternalEntry[]; bytes: number }>();
  private held = 0;

  constructor(private readonly capacityBytes = 64 << 20) {}

  get(key: string, load: () => { block: InternalEntry[]; bytes: number }): InternalEntry[] {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.block;
    }
    const loaded = load();
    this.entries.set(key, loaded);
    this.held += loaded.bytes;
    for (const [oldest, value] of this.entries) {
      if (this.held <= this.capacityBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.held -= value.bytes;
    }
    return loaded.block;
  }
}
