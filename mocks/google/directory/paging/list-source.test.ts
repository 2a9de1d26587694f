import { describe, expect, it } from 'vitest';
import type { Page } from '../../../tenant/model.js';
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
  it('filter across pages without losing the exact resume point', () => {
    const evens = filterSource(opaque(50), (n) => n % 2 === 0);
    expect(pages(evens, 7)[1]).toEqual([14, 16, 18, 20, 22, 24, 26]);
    expect(drain(evens, 7)).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
  });

  it('map drops what maps to undefined', () => {
    expect(drain(mapSource(arraySource([1, 2, 3, 4]), (n) => (n % 2 ? `#${n}` : undefined)))).toEqual(['#1', '#3']);
  });

  it('concatenate two sources across every page boundary', () => {
    const head = ['a', 'b', 'c'];
    for (const limit of [1, 2, 3, 4, 5, 10]) {
      const joined = concatSource(arraySource(head), mapSource(opaque(5), (n) => `n${n}`));
      const seen = pages(joined, limit);
      expect(seen.flat(), `limit ${limit}`).toEqual(['a', 'b', 'c', 'n0', 'n1', 'n2', 'n3', 'n4']);
      expect(seen.every((p) => p.length > 0 && p.length <= limit)).toBe(true);
    }
  });

  it('concatenate with an empty side', () => {
    expect(pages(concatSource(arraySource([1, 2]), arraySource<number>([])), 2)).toEqual([[1, 2]]);
    expect(pages(concatSource(arraySource<number>([]), arraySource([1, 2, 3])), 2)).toEqual([[1, 2], [3]]);
  });
});
