import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/seeded-random.js';
import { arraySource } from './list-source.js';
import { badPaginationMode, servePage, type BadPaginationMode, type PageState } from './pager.js';

const items = Array.from({ length: 25 }, (_, i) => i + 1);
const source = arraySource(items);
const staleToken = () => new Error('stale');

/** Follows continuations for at most `limit` pages; `same` re-uses the request state. */
function follow(mode?: BadPaginationMode, limit = 10): number[][] {
  const pages: number[][] = [];
  let state: PageState | undefined;
  for (let i = 0; i < limit; i++) {
    const out = servePage(source, state, 10, { mode, random: seededRandom(i + 1), staleToken });
    pages.push(out.items);
    if (!out.next) break;
    state = out.next === 'same' ? state : out.next;
  }
  return pages;
}

describe('servePage', () => {
  it('pages correctly without a fault', () => {
    expect(follow()).toEqual([items.slice(0, 10), items.slice(10, 20), items.slice(20)]);
  });

  it('repeat-token hands the request token back from page 2 on', () => {
    expect(follow('repeat-token', 4).slice(1)).toEqual([items.slice(10, 20), items.slice(10, 20), items.slice(10, 20)]);
  });

  it('cycle goes back to page 1 after page 3', () => {
    expect(follow('cycle', 5).map((p) => p[0])).toEqual([1, 11, 21, 1, 11]);
  });

  it('empty-page-with-token serves an empty page before each real one and loses nothing', () => {
    const pages = follow('empty-page-with-token');
    expect(pages.filter((p) => p.length === 0)).toHaveLength(3);
    expect(pages.flat()).toEqual(items);
  });

  it('duplicate-across-pages overlaps by one', () => {
    const flat = follow('duplicate-across-pages').flat();
    expect(flat.filter((x) => x === 10)).toHaveLength(2);
    expect(new Set(flat)).toEqual(new Set(items));
  });

  it('drop-items loses the first item of every later page', () => {
    const flat = follow('drop-items').flat();
    expect(items.filter((x) => !flat.includes(x))).toEqual([11, 22]);
  });

  it("stale-token fails any request that carries a token with the provider's error", () => {
    expect(servePage(source, undefined, 10, { mode: 'stale-token', staleToken }).items).toHaveLength(10);
    expect(() => servePage(source, { after: 10, page: 2 }, 10, { mode: 'stale-token', staleToken })).toThrow('stale');
  });

  it('unstable-order shuffles within the page and resumes off the true boundary', () => {
    const first = servePage(source, undefined, 10, { mode: 'unstable-order', random: seededRandom(3), staleToken });
    expect([...first.items].sort((a, b) => a - b)).toEqual(items.slice(0, 10));
    expect(first.next).not.toEqual({ after: 10, page: 2 });
  });
});

describe('badPaginationMode', () => {
  it('refuses an unknown mode by name', () => {
    expect(() => badPaginationMode('sideways')).toThrow(/unknown mode=sideways/);
    expect(badPaginationMode(undefined)).toBe('repeat-token');
  });
});
