import { describe, expect, it } from 'vitest';
import { mdBlock, mdCode, mdText } from './markdown-text.js';

describe('Markdown escaping', () => {
  it('shows run text literally: no links, emphasis, table breaks or HTML', () => {
    expect(mdText('a *b* [c](http://x) | <img src=x> _d_')).toBe('a \\*b\\* \\[c\\](http://x) \\| &lt;img src=x&gt; \\_d\\_');
    expect(mdText('# not a heading\nsecond line')).toBe('\\# not a heading second line');
  });

  it('fences code longer than any backtick run inside it', () => {
    expect(mdCode('plain')).toBe('`plain`');
    expect(mdCode('has ` one')).toBe('``has ` one``');
    expect(mdCode('`edge`')).toBe('`` `edge` ``');
    expect(mdBlock('x\n```\ny')).toEqual(['````text', 'x', '```', 'y', '````']);
  });
});
