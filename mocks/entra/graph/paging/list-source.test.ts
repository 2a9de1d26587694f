import { describe, expect, it } from 'vitest';
import type { Page } from '../../../tenant/model.js';
import { arraySource, drain, filterSource, mapSource } from './list-source.js';

describe('list sources', () => {
  // A store whose resume points are opaque (multiplied), like the members listing.
  const opaque = {
    page(after: number, limit: number): Page<number> {
      const start = after / 1000;
      const items = Array.from({ length: 50 }, (_, i) => i).slice(start, start + limit);
      return start + limit < 50 ? { items, next: (start + limit) * 1000 } : { items };
    },
  };

  it('filters across store pages without losing the exact resume point', () => {
    const evens = filterSource(opaque, (n) => n % 2 === 0);
    const first = evens.page(0, 7);
    expect(first.items).toEqual([0, 2, 4, 6, 8, 10, 12]);
    const second = evens.page(first.next!, 7);
    expect(second.items).toEqual([14, 16, 18, 20, 22, 24, 26]);
    expect(drain(evens, 7)).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
  });

  it('maps items and keeps the continuation', () => {
    const p = mapSource(arraySource([1, 2, 3]), (n) => `#${n}`).page(0, 2);
    expect(p).toEqual({ items: ['#1', '#2'], next: 2 });
  });

  it('ends an array listing without a next', () => {
    expect(arraySource([1, 2]).page(0, 2)).toEqual({ items: [1, 2] });
  });
});
