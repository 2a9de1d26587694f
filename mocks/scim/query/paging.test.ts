import { describe, expect, it } from 'vitest';
import type { ScimFailure } from '../wire/errors.js';
import { MAX_COUNT, pageBounds, readWindow } from './paging.js';

const window = (query: string) => readWindow(new URLSearchParams(query));

describe('readWindow', () => {
  it('defaults to the first index and the server page size', () => {
    expect(window('')).toEqual({ startIndex: 1, count: MAX_COUNT });
  });

  it('treats startIndex below 1 as 1, negative count as 0, and caps count', () => {
    expect(window('startIndex=0&count=-5')).toEqual({ startIndex: 1, count: 0 });
    expect(window('startIndex=-3&count=7')).toEqual({ startIndex: 1, count: 7 });
    expect(window(`startIndex=42&count=${MAX_COUNT * 10}`)).toEqual({ startIndex: 42, count: MAX_COUNT });
  });

  it('refuses values that are not integers with 400 invalidValue', () => {
    for (const q of ['startIndex=abc', 'count=1.5', 'count=1e2']) {
      let error: unknown;
      try {
        window(q);
      } catch (e) {
        error = e;
      }
      expect((error as ScimFailure).scimType, q).toBe('invalidValue');
    }
  });
});

describe('pageBounds', () => {
  it('turns the 1-based window into a zero-based slice clipped to the list', () => {
    expect(pageBounds(25, { startIndex: 1, count: 10 })).toEqual({ offset: 0, take: 10 });
    expect(pageBounds(25, { startIndex: 21, count: 10 })).toEqual({ offset: 20, take: 5 });
    expect(pageBounds(25, { startIndex: 26, count: 10 })).toEqual({ offset: 25, take: 0 });
    expect(pageBounds(25, { startIndex: 90, count: 10 })).toEqual({ offset: 89, take: 0 });
    expect(pageBounds(25, { startIndex: 3, count: 0 })).toEqual({ offset: 2, take: 0 });
  });
});
