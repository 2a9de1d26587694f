import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/seeded-random.js';
import { badPaginationMode, planPage, type ScimBadPaginationMode } from './bad-pagination.js';

const TOTAL = 25;
const items = Array.from({ length: TOTAL }, (_, i) => i + 1);

/** A client that advances its own counter by `count` until it passes the totalResults it was last told. */
function collect(mode: ScimBadPaginationMode | undefined, count = 10, maxPages = 10) {
  const seen = new Set<string>();
  const pages: Array<{ items: number[]; startIndex: number; totalResults: number }> = [];
  let startIndex = 1;
  let total = Infinity;
  while (startIndex <= total && pages.length < maxPages) {
    const plan = planPage(TOTAL, { startIndex, count }, mode, {
      random: seededRandom(startIndex),
      firstVisit: () => !seen.has(String(startIndex)) && Boolean(seen.add(String(startIndex))),
    });
    pages.push({ items: items.slice(plan.offset, plan.offset + plan.take), startIndex: plan.startIndex, totalResults: plan.totalResults });
    total = plan.totalResults;
    startIndex += count;
  }
  return { pages, flat: pages.flatMap((p) => p.items) };
}

describe('planPage', () => {
  it('pages exactly without a fault', () => {
    const { pages, flat } = collect(undefined);
    expect(flat).toEqual(items);
    expect(pages.map((p) => p.startIndex)).toEqual([1, 11, 21]);
  });

  it('repeat-token ignores startIndex and says 1', () => {
    const { pages } = collect('repeat-token');
    expect(pages.map((p) => p.items[0])).toEqual([1, 1, 1]);
    expect(pages.every((p) => p.startIndex === 1)).toBe(true);
  });

  it('drop-items loses the item at each boundary', () => {
    expect(items.filter((x) => !collect('drop-items').flat.includes(x))).toEqual([11, 21]);
  });

  it('duplicate-across-pages repeats the previous last item and loses nothing', () => {
    const { flat } = collect('duplicate-across-pages');
    expect(new Set(flat)).toEqual(new Set(items));
    expect(flat.filter((x) => x === 10 || x === 20)).toEqual([10, 10, 20, 20]);
  });

  it('total-mismatch inflates later totals (one page by default, or by delta)', () => {
    expect(collect('total-mismatch').pages.map((p) => p.totalResults)).toEqual([25, 35, 35, 35]);
    const under = planPage(TOTAL, { startIndex: 11, count: 10 }, 'total-mismatch', { random: Math.random, firstVisit: () => true, delta: -10 });
    expect(under.totalResults).toBe(15);
  });

  it('unstable-order shuffles the first page and shifts later ones', () => {
    const first = planPage(TOTAL, { startIndex: 1, count: 10 }, 'unstable-order', { random: seededRandom(1), firstVisit: () => true });
    expect(first).toMatchObject({ offset: 0, take: 10, shuffle: true });
    const later = planPage(TOTAL, { startIndex: 11, count: 10 }, 'unstable-order', { random: seededRandom(1), firstVisit: () => true });
    expect(later.offset).not.toBe(10);
    expect(Math.abs(later.offset - 10)).toBeLessThanOrEqual(5);
  });

  it('empty-page-with-token serves each later page empty once, then for real', () => {
    let visited = false;
    const ctx = { random: Math.random, firstVisit: () => !visited && (visited = true) };
    expect(planPage(TOTAL, { startIndex: 11, count: 10 }, 'empty-page-with-token', ctx)).toMatchObject({ take: 0, totalResults: 25 });
    expect(planPage(TOTAL, { startIndex: 11, count: 10 }, 'empty-page-with-token', ctx)).toMatchObject({ offset: 10, take: 10 });
    expect(planPage(TOTAL, { startIndex: 1, count: 10 }, 'empty-page-with-token', { random: Math.random, firstVisit: () => true }).take).toBe(10);
  });

  it('names the Entra modes that have no index-paging form', () => {
    expect(badPaginationMode(undefined)).toBe('repeat-token');
    expect(() => badPaginationMode('cycle')).toThrow(/does not apply to SCIM index paging/);
    expect(() => badPaginationMode('stale-token')).toThrow(/stale-token/);
  });
});
