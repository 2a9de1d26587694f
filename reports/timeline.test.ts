import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../mocks/core/journal.js';
import type { LogLine } from './evidence.js';
import { bucketWidth, buildTimeline, placeRetries } from './timeline.js';

const T0 = Date.parse('2026-05-01T12:00:00.000Z');
let seq = 0;
function entry(offsetMs: number, status: number, extra: Partial<JournalEntry> = {}): JournalEntry {
  return {
    seq: ++seq,
    provider: 'entra',
    method: 'GET',
    url: '/v1.0/users?$top=999',
    status,
    latencyMs: 1,
    at: new Date(T0 + offsetMs).toISOString(),
    ...extra,
  };
}
const retry = (error: string): LogLine => ({ level: 'warn', msg: 'retrying operation', error, waitMs: 2000, attempt: 1 });

describe('bucketWidth', () => {
  it('picks the smallest 1-2-5 width that fits the span into the limit', () => {
    expect(bucketWidth(0)).toBe(1);
    expect(bucketWidth(29)).toBe(1);
    expect(bucketWidth(30)).toBe(2);
    expect(bucketWidth(32_000)).toBe(2000);
    expect(bucketWidth(3_600_000)).toBe(200_000);
  });

  it('never gives more slices than the limit', () => {
    for (const span of [1, 7, 59, 100, 999, 12_345, 86_400_000]) {
      for (const max of [1, 5, 30]) expect(Math.floor(span / bucketWidth(span, max)) + 1).toBeLessThanOrEqual(max);
    }
  });
});

describe('buildTimeline', () => {
  it('counts every request once, throttled and errors by their definitions, in the slice of its time', () => {
    const journal = [
      entry(0, 200),
      entry(500, 429, { fault: 'throttle:every=3' }),
      entry(1999, 200),
      entry(2000, 503),
      entry(5000, 0, { fault: 'network:reset' }),
      entry(5500, 200, { fault: 'throttle:slow' }),
    ];
    const t = buildTimeline(journal, [], 3);
    expect(t.bucketMs).toBe(2000);
    expect(t.buckets.map((b) => [b.start, b.requests, b.throttled, b.errors])).toEqual([
      ['2026-05-01T12:00:00.000Z', 3, 1, 1],
      ['2026-05-01T12:00:02.000Z', 1, 0, 1],
      ['2026-05-01T12:00:04.000Z', 2, 1, 1],
    ]);
    expect(t.totals).toEqual({ requests: 6, throttled: 2, errors: 3, retries: 0 });
    expect(t.first).toBe('2026-05-01T12:00:00.000Z');
    expect(t.last).toBe('2026-05-01T12:00:05.500Z');
  });

  it('puts each retry in the slice of the failed request it retries', () => {
    const journal = [
      entry(0, 429, { url: '/v1.0/groups?$top=999' }),
      entry(0, 200),
      entry(10_000, 429, { url: '/v1.0/users?$top=999' }),
      entry(29_000, 429, { url: '/v1.0/groups?$top=999' }),
    ];
    const log = [
      retry('GET /v1.0/users: 429: TooManyRequests'),
      retry('GET /v1.0/groups: 429: TooManyRequests'),
      retry('GET /v1.0/groups: 429: TooManyRequests'),
      { level: 'info', msg: 'sync finished' } as LogLine,
    ];
    expect(placeRetries(journal, log.slice(0, 3))).toEqual([2, 0, 3]);
    const t = buildTimeline(journal, log, 30);
    expect(t.bucketMs).toBe(1000);
    expect(t.buckets[0]!.retries).toBe(1);
    expect(t.buckets[10]!.retries).toBe(1);
    expect(t.buckets[29]!.retries).toBe(1);
    expect(t.totals.retries).toBe(3);
    expect(t.unplacedRetries).toBe(0);
  });

  it('falls back to the earliest unclaimed failure when the text names no request, and counts retries with none left', () => {
    const journal = [entry(0, 200), entry(3000, 500)];
    const log = [retry('https://graph.example/v1.0/users failed'), retry('GET /v1.0/users: 500: boom')];
    expect(placeRetries(journal, log)).toEqual([1, undefined]);
    const t = buildTimeline(journal, log);
    expect(t.totals.retries).toBe(2);
    expect(t.unplacedRetries).toBe(1);
    expect(t.buckets.reduce((sum, b) => sum + b.retries, 0)).toBe(1);
  });

  it('gives no slices for an empty journal but still counts the retries', () => {
    const t = buildTimeline([], [retry('GET /x: 429: slow down')]);
    expect(t.buckets).toEqual([]);
    expect(t.totals).toEqual({ requests: 0, throttled: 0, errors: 0, retries: 1 });
    expect(t.unplacedRetries).toBe(1);
  });
});
