import { describe, expect, it } from 'vitest';
import type { Page } from '../../tenant/model.js';
import { arraySource, concatSource, drain, filterSource, mapSource } from './list-source.js';

/** A store-like source whose resume points are opaque (multiplied), like the members listing. */
function opaque(n: number) {
  return {
    page(after: number, limit: number): Page<number> {
      const start = after / 1000;
      const items = Array.from({ length: n }, (_, i) => i).slice(start, start + limit);
      return start + limit < n ? { items, next: (start + limit) * 1000 } : { items };
    },
  };
}

function pages<T>(source: { page(after: number, limit: number): Page<T> }, limit: number): T[][] {
  const out: T[][] = [];
  let after = 0;
  for (;;) {
    const p = source.page(after, limit);
    out.push(p.items);
    if (p.next === undefined) return out;
    after = p.next;
  }
}

describe('list sources', () => {
  it('filters across store pages without losing the exact resume point', () => {
    const evens = filterSource(opaque(50), (n) => n % 2 === 0);
    const first = evens.page(0, 7);
    expect(first.items).toEqual([0, 2, 4, 6, 8, 10, 12]);
    const second = evens.page(first.next!, 7);
    expect(second.items).toEqual([14, 16, 18, 20, 22, 24, 26]);
    expect(drain(evens, 7)).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
  });

  it('filters an in-memory list across pages without losing the resume point', () => {
    const items = Array.from({ length: 25 }, (_, i) => i + 1);
    const evens = filterSource(arraySource(items), (n) => n % 2 === 0);
    const first = evens.page(0, 4);
    expect(first.items).toEqual([2, 4, 6, 8]);
    expect(evens.page(first.next!, 4).items).toEqual([10, 12, 14, 16]);
    expect(drain(evens, 3)).toEqual(items.filter((n) => n % 2 === 0));
  });

  it('maps items and keeps the continuation', () => {
    const p = mapSource(arraySource([1, 2, 3]), (n) => `#${n}`).page(0, 2);
    expect(p).toEqual({ items: ['#1', '#2'], next: 2 });
  });

  it('map drops what maps to undefined', () => {
    expect(drain(mapSource(arraySource([1, 2, 3, 4]), (n) => (n % 2 ? `#${n}` : undefined)))).toEqual(['#1', '#3']);
  });

  it('ends an array listing without a next', () => {
    expect(arraySource([1, 2]).page(0, 2)).toEqual({ items: [1, 2] });
  });

  it('concatenates two sources across every page boundary', () => {
    const head = ['a', 'b', 'c'];
    for (const limit of [1, 2, 3, 4, 5, 10]) {
      const joined = concatSource(
        arraySource(head),
        mapSource(opaque(5), (n) => `n${n}`),
      );
      const seen = pages(joined, limit);
      expect(seen.flat(), `limit ${limit}`).toEqual(['a', 'b', 'c', 'n0', 'n1', 'n2', 'n3', 'n4']);
      expect(seen.every((p) => p.length > 0 && p.length <= limit)).toBe(true);
    }
  });

  it('concatenates with an empty side', () => {
    expect(pages(concatSource(arraySource([1, 2]), arraySource<number>([])), 2)).toEqual([[1, 2]]);
    expect(pages(concatSource(arraySource<number>([]), arraySource([1, 2, 3])), 2)).toEqual([[1, 2], [3]]);
  });
});
