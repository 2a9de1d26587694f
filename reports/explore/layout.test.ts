import { describe, expect, it } from 'vitest';
import { href, link, page, pager } from './layout.js';

describe('explore layout', () => {
  it('builds query strings without empty values', () => {
    expect(href('/resources', { type: 'user', q: '', offset: 50 })).toBe('/resources?type=user&offset=50');
    expect(href('/resources', { q: 'a&b c' })).toBe('/resources?q=a%26b+c');
    expect(href('/resources')).toBe('/resources');
  });

  it('pages with previous and next links that keep the query', () => {
    expect(pager('/r', { q: 'x' }, 0, 50, 120)).toBe(
      '<p class="pager"><span>1-50 of <span data-total="120">120</span></span><a href="/r?q=x&amp;offset=50" rel="next">next →</a></p>',
    );
    expect(pager('/r', {}, 100, 50, 120)).toBe(
      '<p class="pager"><a href="/r?offset=50" rel="prev">← previous</a><span>101-120 of <span data-total="120">120</span></span></p>',
    );
    expect(pager('/r', {}, 50, 50, 120)).toContain('<a href="/r" rel="prev">');
    expect(pager('/r', {}, 0, 50, 0)).toBe('<p class="pager">none</p>');
  });

  it('escapes link text and targets, and loads only its own script and stylesheet', () => {
    expect(link('/a?b="c"', '<b>')).toBe('<a href="/a?b=&quot;c&quot;">&lt;b&gt;</a>');
    const html = page({ title: '<t>', subject: 's&', body: '<p>x</p>' });
    expect(html).toContain('<h1>&lt;t&gt;</h1>');
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/static/explore.js" defer>']);
    expect(html).not.toMatch(/style=|<style/);
  });
});
