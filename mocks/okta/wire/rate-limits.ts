/**
 * Okta's per-endpoint rate limits (REFERENCE §7, [D RL-MGMT], the Workforce Identity column): each request
 * counts against its bucket for the current minute, and every answer reports the bucket in
 * `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and `X-Rate-Limit-Reset` (the next minute boundary, UTC
 * epoch seconds, by the simulation clock). The counts are only reported: the simulator never throttles on
 * its own (the `throttle` fault does), so a long sync under a frozen clock is not refused by accident.
 * Which bucket sub-paths like `/groups/{id}/users` count against is [U]; they count as "other" here.
 */
export interface RateBucket {
  name: string;
  limit: number;
}

const BUCKETS: Array<{ test: RegExp; bucket: RateBucket }> = [
  { test: /^\/api\/v1\/users\/?$/, bucket: { name: '/api/v1/users', limit: 600 } },
  { test: /^\/api\/v1\/users\/[^/]+\/?$/, bucket: { name: '/api/v1/users/{id}', limit: 2000 } },
  { test: /^\/api\/v1\/groups\/?$/, bucket: { name: '/api/v1/groups', limit: 500 } },
  { test: /^\/api\/v1\/groups\/(?!rules\/?$)[^/]+\/?$/, bucket: { name: '/api/v1/groups/{id}', limit: 1000 } },
  { test: /^\/api\/v1\/apps\/?$/, bucket: { name: '/api/v1/apps', limit: 100 } },
  { test: /^\/api\/v1\/apps\/[^/]+\/?$/, bucket: { name: '/api/v1/apps/{id}', limit: 500 } },
  { test: /^\/oauth2\/v1\//, bucket: { name: '/oauth2/v1', limit: 2000 } },
];
const OTHER: RateBucket = { name: '/api/v1', limit: 1200 };

export function bucketOf(path: string): RateBucket {
  return BUCKETS.find((b) => b.test.test(path))?.bucket ?? OTHER;
}

export interface RateReport {
  limit: number;
  remaining: number;
  /** UTC epoch seconds. */
  reset: number;
}

export class RateLimits {
  private window = -1;
  private readonly used = new Map<string, number>();

  constructor(private readonly clock: () => Date) {}

  /** Counts one request against its bucket and reports what is left. */
  take(path: string): RateReport {
    const bucket = bucketOf(path);
    const window = this.roll();
    const used = (this.used.get(bucket.name) ?? 0) + 1;
    this.used.set(bucket.name, used);
    return { limit: bucket.limit, remaining: Math.max(0, bucket.limit - used), reset: (window + 1) * 60 };
  }

  /** The bucket as a throttled answer reports it: nothing left until the next window (or `waitSeconds` from now). */
  exhausted(path: string, waitSeconds?: number): RateReport {
    const window = this.roll();
    const now = Math.floor(this.clock().getTime() / 1000);
    return { limit: bucketOf(path).limit, remaining: 0, reset: waitSeconds === undefined ? (window + 1) * 60 : now + Math.ceil(waitSeconds) };
  }

  private roll(): number {
    const window = Math.floor(this.clock().getTime() / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.used.clear();
    }
    return window;
  }
}

export function rateHeaders(report: RateReport): Record<string, string> {
  return {
    'x-rate-limit-limit': String(report.limit),
    'x-rate-limit-remaining': String(report.remaining),
    'x-rate-limit-reset': String(report.reset),
  };
}
