import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../harness/seeded-random.js';
import { DirectoryFailure } from '../errors.js';
import { arraySource } from './list-source.js';
import type { PageState } from './page-token.js';
import { badPaginationMode, servePage, type BadPaginationMode } from './pager.js';

const items = Array.from({ length: 25 }, (_, i) => i + 1);
const source = arraySource(items);

function follow(mode?: BadPaginationMode, limit = 10): number[][] {
  const pages: number[][] = [];
  let state: PageState | undefined;
  for (let i = 0; i < limit; i++) {
    const out = servePage(source, state, 10, mode, seededRandom(i + 1));
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

  it('repeat-token serves page 2 forever', () => {
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

  it('duplicate-across-pages overlaps by one, drop-items loses one per page', () => {
    expect(follow('duplicate-across-pages').flat().filter((x) => x === 10)).toHaveLength(2);
    const kept = follow('drop-items').flat();
    expect(items.filter((x) => !kept.includes(x))).toEqual([11, 22]);
  });

  it('stale-token fails any request that carries a token with 400 invalid', () => {
    expect(servePage(source, undefined, 10, 'stale-token').items).toHaveLength(10);
    expect(() => servePage(source, { after: 10, page: 2 }, 10, 'stale-token')).toThrow(DirectoryFailure);
  });

  it('unstable-order shuffles within the page and resumes off the true boundary', () => {
    const first = servePage(source, undefined, 10, 'unstable-order', seededRandom(3));
    expect([...first.items].sort((a, b) => a - b)).toEqual(items.slice(0, 10));
    expect(first.next).not.toEqual({ after: 10, page: 2 });
  });

  it('refuses an unknown mode by name', () => {
    expect(() => badPaginationMode('sideways')).toThrow(/unknown mode=sideways/);
    expect(badPaginationMode(undefined)).toBe('repeat-token');
  });
});
