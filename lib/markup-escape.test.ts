import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeText, escapeXml } from './markup-escape.js';

const HOSTILE = `<script>alert("x")</script> & 'quoted' \`tick\` &amp; ]]> <!-- -->`;

describe('escapeText', () => {
  it('escapes what starts markup and keeps quotes and backticks as written', () => {
    expect(escapeText(HOSTILE)).toBe(`&lt;script&gt;alert("x")&lt;/script&gt; &amp; 'quoted' \`tick\` &amp;amp; ]]&gt; &lt;!-- --&gt;`);
  });
  it('escapes an entity already written, so it reads literally', () => {
    expect(escapeText('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('escapeHtml', () => {
  it('escapes both quotes, so a value cannot leave an attribute of either kind', () => {
    expect(escapeHtml(`" onmouseover='x'`)).toBe('&quot; onmouseover=&#39;x&#39;');
    expect(escapeHtml(HOSTILE)).not.toMatch(/[<>"']/);
  });
  it('takes numbers and leaves unicode, backticks and control characters alone', () => {
    expect(escapeHtml(42)).toBe('42');
    expect(escapeHtml('Zoë 名前 😀 `x` \u0001')).toBe('Zoë 名前 😀 `x` \u0001');
  });
});

describe('escapeXml', () => {
  it('drops the control characters XML 1.0 forbids and keeps tab, line feed and carriage return', () => {
    expect(escapeXml('a\u0000b\u0008c\u000bd\u000ce\u001ff\tg\nh\ri')).toBe('abcdef\tg\nh\ri');
  });
  it('escapes double quotes but not single ones (attributes are written in double quotes)', () => {
    expect(escapeXml(`<a b="c" d='e'>&</a>`)).toBe(`&lt;a b=&quot;c&quot; d='e'&gt;&amp;&lt;/a&gt;`);
  });
  it('keeps unicode beyond the BMP whole', () => {
    expect(escapeXml('😀 Zoë')).toBe('😀 Zoë');
  });
});
