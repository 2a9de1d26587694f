import { describe, expect, it } from 'vitest';
import { mdBlock, mdCell, mdCode, mdText } from './markdown-text.js';

describe('Markdown escaping', () => {
  it('shows run text literally: no links, emphasis, table breaks or HTML', () => {
    expect(mdText('a *b* [c](http://x) | <img src=x> _d_')).toBe('a \\*b\\* \\[c\\](http://x) \\| \\<img src=x> \\_d\\_');
    expect(mdText('# not a heading\nsecond line')).toBe('\\# not a heading second line');
    expect(mdText('> not a quote')).toBe('\\> not a quote');
    expect(mdText('&amp; &#60; &#x3c; stay literal')).toBe('\\&amp; \\&#60; \\&#x3c; stay literal');
  });

  it('leaves alone what cannot start formatting, so raw text reads as written', () => {
    const step = 'Microsoft Entra admin center > App registrations > Certificates & secrets > New client secret.';
    expect(mdText(step)).toBe(step);
    expect(mdText('AT&T; R&D a && b')).toBe('AT\\&T; R&D a && b');
  });

  it('fences code longer than any backtick run inside it', () => {
    expect(mdCode('plain')).toBe('`plain`');
    expect(mdCode('has ` one')).toBe('``has ` one``');
    expect(mdCode('`edge`')).toBe('`` `edge` ``');
    expect(mdBlock('x\n```\ny')).toEqual(['````text', 'x', '```', 'y', '````']);
  });

  it('keeps a diff cell on one line with its pipes literal and the rest as written', () => {
    expect(mdCell('a|b\n\tc  d')).toBe('a\\|b c d');
    expect(mdCell('<img src=x> *b* `t` Zoë 😀')).toBe('<img src=x> *b* `t` Zoë 😀');
  });
});
