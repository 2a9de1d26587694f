import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../harness/seeded-random.js';
import { GraphFailure } from '../errors.js';
import type { PageState } from '../odata/skiptoken.js';
import { arraySource } from './list-source.js';
import { servePage, type BadPaginationMode } from './pager.js';

const items = Array.from({ length: 25 }, (_, i) => i + 1);
const source = arraySource(items);

/** Follows continuations for at most `limit` pages; `same` re-uses the request state. */
function follow(mode?: BadPaginationMode, limit = 10): { pages: number[][]; states: Array<PageState | undefined> } {
  const pages: number[][] = [];
  const states: Array<PageState | undefined> = [];
  let state: PageState | undefined;
  for (let i = 0; i < limit; i++) {
    states.push(state);
    const out = servePage(source, state, 10, mode, seededRandom(i + 1));
    pages.push(out.items);
    if (!out.next) break;
    state = out.next === 'same' ? state : out.next;
  }
  return { pages, states };
}

describe('servePage', () => {
  it('pages correctly without a fault', () => {
    expect(follow().pages).toEqual([items.slice(0, 10), items.slice(10, 20), items.slice(20)]);
  });

  it('repeat-token hands the request token back from page 2 on', () => {
    const { pages } = follow('repeat-token', 4);
    expect(pages.slice(1)).toEqual([items.slice(10, 20), items.slice(10, 20), items.slice(10, 20)]);
  });

  it('cycle goes back to page 1 after page 3', () => {
    expect(follow('cycle', 5).pages.map((p) => p[0])).toEqual([1, 11, 21, 1, 11]);
  });

  it('empty-page-with-token serves an empty page before each real one', () => {
    const { pages } = follow('empty-page-with-token');
    expect(pages.filter((p) => p.length === 0)).toHaveLength(3);
    expect(pages.flat()).toEqual(items);
  });

  it('duplicate-across-pages overlaps by one', () => {
    const flat = follow('duplicate-across-pages').pages.flat();
    expect(flat.filter((x) => x === 10)).toHaveLength(2);
    expect(new Set(flat)).toEqual(new Set(items));
  });

  it('drop-items loses the first item of every later page', () => {
    const flat = follow('drop-items').pages.flat();
    expect(items.filter((x) => !flat.includes(x))).toEqual([11, 22]);
  });

  it('stale-token fails any request that carries a token', () => {
    expect(servePage(source, undefined, 10, 'stale-token').items).toHaveLength(10);
    expect(() => servePage(source, { after: 10, page: 2 }, 10, 'stale-token')).toThrow(GraphFailure);
  });

  it('unstable-order shuffles and resumes off the true boundary', () => {
    const first = servePage(source, undefined, 10, 'unstable-order', seededRandom(3));
    expect([...first.items].sort((a, b) => a - b)).toEqual(items.slice(0, 10));
    expect(first.next).not.toEqual({ after: 10, page: 2 });
  });
});
