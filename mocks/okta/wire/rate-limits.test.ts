import { describe, expect, it } from 'vitest';
import { bucketOf, RateLimits } from './rate-limits.js';

describe('Okta rate-limit buckets', () => {
  it('tell the list, the single object and the other endpoints apart', () => {
    expect(bucketOf('/api/v1/users')).toEqual({ name: '/api/v1/users', limit: 600 });
    expect(bucketOf('/api/v1/users/00u1').limit).toBe(2000);
    expect(bucketOf('/api/v1/groups').limit).toBe(500);
    expect(bucketOf('/api/v1/groups/00g1').limit).toBe(1000);
    expect(bucketOf('/api/v1/groups/rules').limit).toBe(1200);
    expect(bucketOf('/api/v1/groups/00g1/users').limit).toBe(1200);
    expect(bucketOf('/api/v1/apps').limit).toBe(100);
    expect(bucketOf('/oauth2/v1/token').limit).toBe(2000);
  });

  it('count down within the minute and reset at the next minute boundary, by the injected clock', () => {
    let now = Date.parse('2026-03-01T10:00:30Z');
    const limits = new RateLimits(() => new Date(now));
    expect(limits.take('/api/v1/users')).toEqual({ limit: 600, remaining: 599, reset: Date.parse('2026-03-01T10:01:00Z') / 1000 });
    expect(limits.take('/api/v1/users').remaining).toBe(598);
    expect(limits.take('/api/v1/groups').remaining).toBe(499);
    now += 30_000;
    expect(limits.take('/api/v1/users')).toEqual({ limit: 600, remaining: 599, reset: Date.parse('2026-03-01T10:02:00Z') / 1000 });
  });

  it('report an exhausted bucket until the window ends, or for the wait asked for', () => {
    const now = Date.parse('2026-03-01T10:00:30Z');
    const limits = new RateLimits(() => new Date(now));
    expect(limits.exhausted('/api/v1/users')).toEqual({ limit: 600, remaining: 0, reset: now / 1000 + 30 });
    expect(limits.exhausted('/api/v1/users', 7).reset).toBe(now / 1000 + 7);
  });
});
