import { describe, expect, it } from 'vitest';
import { shortPageLimit } from './short-page.js';

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
