import { describe, expect, it } from 'vitest';
import { echo, oneLine } from './echo.js';

describe('echo', () => {
  it('escapes control characters so the value stays on one line', () => {
    expect(echo('a\nb\r\tc\0\x1b[31m\u2028')).toBe('a\\nb\\r\\tc\\0\\u001b[31m\\u2028');
  });

  it('cuts long values and says how long they were', () => {
    expect(echo('x'.repeat(100_000))).toBe(`${'x'.repeat(80)}… (100000 characters)`);
    expect(echo('x'.repeat(80))).toBe('x'.repeat(80));
  });

  it('counts characters, not UTF-16 units, so a cut never splits an emoji', () => {
    expect(echo('😀'.repeat(5), 3)).toBe('😀😀😀… (5 characters)');
  });
});

describe('oneLine', () => {
  it('escapes without cutting', () => {
    expect(oneLine(`x\n${'y'.repeat(500)}`)).toBe(`x\\n${'y'.repeat(500)}`);
  });
});
