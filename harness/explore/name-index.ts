/**
 * Every resource of the shown sync by type, id and display name, held in memory so a search by name needs
 * no decoding: display names live inside the protobuf blobs, which SQLite cannot index. 100k resources take
 * about 15 MB here; a search is one pass over the lowered keys (a few ms at that size).
 */
import type { NamedResource } from '../../reports/explore/sync-model.js';

export interface SearchPage {
  items: NamedResource[];
  /** How many matched in all (the page holds at most `limit` of them). */
  total: number;
}

export class NameIndex {
  private readonly types: string[] = [];
  private readonly ids: string[] = [];
  private readonly names: string[] = [];
  /** `id\u0000name`, lowered: what a search matches against. */
  private readonly keys: string[] = [];
  private readonly byRef = new Map<string, number>();

  add(resource: NamedResource): void {
    const ref = `${resource.resourceTypeId}:${resource.resourceId}`;
    if (this.byRef.has(ref)) return;
    this.byRef.set(ref, this.ids.length);
    this.types.push(resource.resourceTypeId);
    this.ids.push(resource.resourceId);
    this.names.push(resource.displayName);
    this.keys.push(`${resource.resourceId}\u0000${resource.displayName}`.toLowerCase());
  }

  get size(): number {
    return this.ids.length;
  }

  /** The display name of `type:id`, or undefined when the sync has no such resource. */
  displayName(resourceTypeId: string, resourceId: string): string | undefined {
    const at = this.byRef.get(`${resourceTypeId}:${resourceId}`);
    return at === undefined ? undefined : this.names[at];
  }

  /** Resources whose id or display name contains `query` (any case), optionally of one type, in file order. */
  search(query: string, { resourceTypeId, offset = 0, limit = 50 }: { resourceTypeId?: string; offset?: number; limit?: number } = {}): SearchPage {
    const needle = query.trim().toLowerCase();
    const items: NamedResource[] = [];
    let total = 0;
    for (let i = 0; i < this.keys.length; i++) {
      if (resourceTypeId !== undefined && this.types[i] !== resourceTypeId) continue;
      if (needle !== '' && !this.keys[i]!.includes(needle)) continue;
      if (total >= offset && items.length < limit) items.push(this.at(i));
      total++;
    }
    return { items, total };
  }

  private at(i: number): NamedResource {
    return { resourceTypeId: this.types[i]!, resourceId: this.ids[i]!, displayName: this.names[i]! };
  }
}
