import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['90', '5 minutes', '0s', '', 's', '-1s'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('formatDuration', () => {
  it('writes what parseDuration reads back', () => {
    for (const ms of [500, 1000, 90_000, 120_000, 3_661_000]) expect(parseDuration(formatDuration(ms))).toBe(ms);
    expect(formatDuration(90_000)).toBe('1m30s');
  });
});
