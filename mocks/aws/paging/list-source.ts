/**
 * A listing as the pager sees it: pages from a resume point, with the tenant store's keyset semantics
 * (`after` exclusive and opaque, `next` absent on the last page). Filters and in-memory lists are
 * adapters over the same shape.
 */
import type { Page } from '../../tenant/model.js';

export interface ListSource<T> {
  page(after: number, limit: number): Page<T>;
}

export function storeSource<T>(fetch: (page: { after: number; limit: number }) => Page<T>): ListSource<T> {
  return { page: (after, limit) => fetch({ after, limit }) };
}

export function mapSource<T, U>(source: ListSource<T>, map: (item: T) => U): ListSource<U> {
  return {
    page(after, limit) {
      const p = source.page(after, limit);
      return p.next === undefined ? { items: p.items.map(map) } : { items: p.items.map(map), next: p.next };
    },
  };
}

/**
 * Only items matching `keep`. Pulls store pages no larger than what is still missing, so every item it
 * consumed is before the store's `next` and the resume point stays exact even though it is opaque.
 */
export function filterSource<T>(source: ListSource<T>, keep: (item: T) => boolean): ListSource<T> {
  return {
    page(after, limit) {
      const items: T[] = [];
      let cursor = after;
      while (items.length < limit) {
        const p = source.page(cursor, limit - items.length);
        items.push(...p.items.filter(keep));
        if (p.next === undefined) return { items };
        cursor = p.next;
      }
      return { items, next: cursor };
    },
  };
}

/** An in-memory list; `after` is an offset. */
export function arraySource<T>(list: readonly T[]): ListSource<T> {
  return {
    page(after, limit) {
      const items = list.slice(after, after + limit);
      return after + limit < list.length ? { items, next: after + limit } : { items };
    },
  };
}

/** Every item, for listings that are small or must be counted. */
export function drain<T>(source: ListSource<T>, chunk = 999): T[] {
  const all: T[] = [];
  let after = 0;
  for (;;) {
    const p = source.page(after, chunk);
    all.push(...p.items);
    if (p.next === undefined) return all;
    after = p.next;
  }
}
