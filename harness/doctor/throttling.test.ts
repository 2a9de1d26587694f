import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { healthyAws, healthyEntra, JournalBuilder } from './doctor.test-support.js';

const ids = (ev: RunEvidence) => diagnose(ev).findings.map((f) => f.id);
const finding = (ev: RunEvidence, id: string) => diagnose(ev).findings.find((f) => f.id === id);
const USERS = '/v1.0/users?$top=999';

/** A 429 asking for `retryAfter` seconds, then the same request `waited` seconds later. */
function throttledThenRetried(retryAfter: number | undefined, waited: number): RunEvidence {
  const journal = new JournalBuilder('entra')
    .get(USERS, 'graph.users.list', 429, { fault: 'throttle:every=3', retryAfterSeconds: retryAfter, atSeconds: 10 })
    .get(USERS, 'graph.users.list', 200, { items: 24, atSeconds: 10 + waited }).entries;
  return { ...healthyEntra(), journal, log: [{ level: 'info', msg: 'retrying operation', attempt: 1 }] };
}

describe('throttled', () => {
  it('counts 429 answers and says the sync recovered', () => {
    const f = finding(throttledThenRetried(2, 3), 'throttled')!;
    expect(f.title).toBe('Throttled: 1 answer(s) rate limited; the sync recovered');
    expect(f.evidence[0]).toBe('#1 GET /v1.0/users?$top=999 -> 429 (throttle:every=3)');
    expect(f.evidence).toContain("1 'retrying operation' log line(s)");
  });

  it("counts AWS's 400 Throttling (a throttle fault) and a sync that gave up", () => {
    const journal = new JournalBuilder('aws').add({
      method: 'POST',
      url: '/',
      route: 'iam.ListUsers',
      status: 400,
      fault: 'throttle:every=1',
    }).entries;
    const f = finding({ ...healthyAws(), journal, outcome: 'failed', error: 'Throttling: Rate exceeded' }, 'throttled')!;
    expect(f.title).toMatch(/did not recover/);
    expect(f.fix.join('\n')).toMatch(/adaptive/);
  });

  it('is not raised without throttling', () => {
    expect(ids(healthyEntra())).not.toContain('throttled');
  });
});

describe('retry-after-ignored', () => {
  it('a retry one second after a Retry-After of 5 is a finding', () => {
    const f = finding(throttledThenRetried(5, 1), 'retry-after-ignored')!;
    expect(f.evidence[0]).toBe(
      '#1 GET /v1.0/users?$top=999 -> 429 (throttle:every=3) asked to wait 5s; #2 GET /v1.0/users?$top=999 -> 200 came 1.0s later',
    );
  });

  it('waiting long enough, a Retry-After of 0, or none at all is fine', () => {
    expect(ids(throttledThenRetried(5, 5))).not.toContain('retry-after-ignored');
    expect(ids(throttledThenRetried(0, 0))).not.toContain('retry-after-ignored');
    expect(ids(throttledThenRetried(undefined, 0))).not.toContain('retry-after-ignored');
  });

  it('judges by the same route when the retry URL differs', () => {
    const journal = new JournalBuilder('entra')
      .get(USERS, 'graph.users.list', 429, { retryAfterSeconds: 4, atSeconds: 0 })
      .get('/v1.0/groups?$top=999', 'graph.groups.list', 200, { atSeconds: 0 })
      .get('/v1.0/users?$top=999&$select=id', 'graph.users.list', 200, { atSeconds: 1 }).entries;
    expect(ids({ ...healthyEntra(), journal })).toContain('retry-after-ignored');
  });
});
