/**
 * A listing as the pager sees it: pages from a resume point, the tenant store's keyset semantics (`after`
 * is exclusive and opaque; `next` absent on the last page). Filters, mappings, in-memory lists (transitive
 * members, sorted or derived results) and concatenations are adapters over the same shape. Shared by every
 * simulator that pages by token (Entra, Google, AWS); SCIM pages by index and does not use it.
 */
import type { Page } from '../../tenant/model.js';

export interface ListSource<T> {
  page(after: number, limit: number): Page<T>;
}

/** A store listing. */
export function storeSource<T>(fetch: (page: { after: number; limit: number }) => Page<T>): ListSource<T> {
  return { page: (after, limit) => fetch({ after, limit }) };
}

/**
 * Each item mapped; an item that maps to `undefined` is left out (and the page filled from further on, as
 * {@link filterSource} does), so a mapping can also drop what it cannot render.
 */
export function mapSource<T, U>(source: ListSource<T>, map: (item: T) => U | undefined): ListSource<U> {
  return filterSource(
    {
      page(after, limit) {
        const p = source.page(after, limit);
        return { items: p.items.map(map) as U[], ...(p.next === undefined ? {} : { next: p.next }) };
      },
    },
    (item) => item !== undefined,
  );
}

/**
 * Only items matching `keep`. Pulls pages no larger than what is still missing, so every item it consumed
 * is before the underlying `next` and the resume point stays exact even though it is opaque.
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

/**
 * `first` then `second`. Resume points: 0 is the start; `c + 1` is `first` resumed after its `c`; `-(c + 1)`
 * is `second` resumed after its `c` (so -1 is `second` from the start). Both sources' resume points are
 * whole numbers ≥ 0, as the store's are.
 */
export function concatSource<T>(first: ListSource<T>, second: ListSource<T>): ListSource<T> {
  const fromSecond = (after: number, limit: number, head: T[]): Page<T> => {
    const p = second.page(after, limit);
    const items = [...head, ...p.items];
    return p.next === undefined ? { items } : { items, next: -(p.next + 1) };
  };
  return {
    page(after, limit) {
      if (after < 0) return fromSecond(-after - 1, limit, []);
      const p = first.page(after === 0 ? 0 : after - 1, limit);
      if (p.next !== undefined) return { items: p.items, next: p.next + 1 };
      if (p.items.length === limit) {
        // `first` ended exactly on the page boundary: the next page starts `second`, if it has anything.
        return second.page(0, 1).items.length ? { items: p.items, next: -1 } : { items: p.items };
      }
      return fromSecond(0, limit - p.items.length, p.items);
    },
  };
}

/** Every item, for counting, sorting or listings that do not page (or are built in memory). */
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
