import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../harness/seeded-random.js';
import { arraySource, drain, filterSource } from './list-source.js';
import { PageTokenCodec, type PageState } from './page-token.js';
import { servePage, type BadPaginationMode } from './pager.js';
import { shortPageLimit } from './short-page.js';

const items = Array.from({ length: 25 }, (_, i) => i + 1);
const source = arraySource(items);
const staleToken = () => new Error('stale');

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

  it('empty-page-with-token serves an empty page before each real one', () => {
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

  it('stale-token fails any request that carries a token', () => {
    expect(servePage(source, undefined, 10, { mode: 'stale-token', staleToken }).items).toHaveLength(10);
    expect(() => servePage(source, { after: 10, page: 2 }, 10, { mode: 'stale-token', staleToken })).toThrow('stale');
  });

  it('unstable-order shuffles and resumes off the true boundary', () => {
    const first = servePage(source, undefined, 10, { mode: 'unstable-order', random: seededRandom(3), staleToken });
    expect([...first.items].sort((a, b) => a - b)).toEqual(items.slice(0, 10));
    expect(first.next).not.toEqual({ after: 10, page: 2 });
  });
});

describe('list sources', () => {
  it('filters across pages without losing the resume point', () => {
    const evens = filterSource(source, (n) => n % 2 === 0);
    const first = evens.page(0, 4);
    expect(first.items).toEqual([2, 4, 6, 8]);
    expect(evens.page(first.next!, 4).items).toEqual([10, 12, 14, 16]);
    expect(drain(evens, 3)).toEqual(items.filter((n) => n % 2 === 0));
  });
});

describe('PageTokenCodec', () => {
  const codec = new PageTokenCodec(7, 'marker');

  it('round-trips a state within its listing only', () => {
    const token = codec.encode('users', { after: 40, page: 3 });
    expect(token).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(codec.decode('users', token)).toEqual({ after: 40, page: 3 });
    expect(codec.decode('groups', token)).toBeUndefined();
  });

  it('refuses tampered, truncated and foreign tokens', () => {
    const token = codec.encode('users', { after: 40, page: 3, emptied: true });
    expect(codec.decode('users', token)).toEqual({ after: 40, page: 3, emptied: true });
    expect(codec.decode('users', token.slice(0, -4))).toBeUndefined();
    expect(codec.decode('users', `A${token.slice(1)}`)).toBeUndefined();
    expect(codec.decode('users', new PageTokenCodec(8, 'marker').encode('users', { after: 40, page: 3 }))).toBeUndefined();
    expect(codec.decode('users', new PageTokenCodec(7, 'next-token').encode('users', { after: 40, page: 3 }))).toBeUndefined();
  });
});

describe('shortPageLimit', () => {
  it('cuts some pages short, seeded and repeatable, never to zero', () => {
    const limits = Array.from({ length: 200 }, (_, after) => shortPageLimit(5, 'users', after, 100));
    const short = limits.filter((l) => l < 100);
    expect(short.length).toBeGreaterThan(20);
    expect(short.length).toBeLessThan(100);
    expect(Math.min(...limits)).toBeGreaterThanOrEqual(1);
    expect(Array.from({ length: 200 }, (_, after) => shortPageLimit(5, 'users', after, 100))).toEqual(limits);
  });

  it('leaves a one-item page alone', () => {
    expect(shortPageLimit(5, 'users', 0, 1)).toBe(1);
  });
});
