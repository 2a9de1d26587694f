/**
 * Rate limits and server errors mid-sync are retried the SDK's way — Retry-After when given (capped at
 * 60 s), else attempts × 1 s — and the sync then completes. Nothing really sleeps: the sleeper records.
 */
import { describe, expect, it } from 'vitest';
import { ConnectorHttpError } from '../c1z/contract/sync-errors.js';
import { fakeDirectory, type FakeCall } from '../harness/sync/fake-connector.test-support.js';
import { syncToFile } from '../harness/sync/test-kit.test-support.js';

/** Throws `errors` in turn on the calls `match` picks (undefined: let that one through), then lets all through. */
function failOn(match: (call: FakeCall) => boolean, ...errors: (Error | undefined)[]) {
  let calls = 0;
  return (call: FakeCall) => {
    if (!match(call)) return;
    const error = errors[calls++];
    if (error) throw error;
  };
}

const groupGrants = (call: FakeCall) => call.op === 'grants' && call.type === 'group' && call.resourceId === 'g2';

describe('retrying a sync through rate limits and outages', () => {
  it('waits the Retry-After of a 429, then succeeds', async () => {
    const out = await syncToFile(
      fakeDirectory({ users: 3, groups: 2, before: failOn(groupGrants, new ConnectorHttpError(429, { retryAfterSeconds: 3 })) }),
    );
    expect(out.sleeps).toEqual([3000]);
    expect(out.result.outcome).toBe('succeeded');
    expect(out.stats.grants).toBe(6);
    expect(out.syncs[0]?.endedAt).toBeDefined();
    expect(out.logs).toContainEqual({
      level: 'warn',
      msg: 'retrying operation',
      error: '429 Too Many Requests',
      wait: '3s',
      waitMs: 3000,
      attempt: 1,
    });
  });

  it('waits 1 s then 2 s for two 503s in a row', async () => {
    const out = await syncToFile(
      fakeDirectory({
        users: 3,
        groups: 2,
        before: failOn((c) => c.op === 'resources' && c.type === 'user' && c.token === '2', new ConnectorHttpError(503), new ConnectorHttpError(503)),
      }),
    );
    expect(out.sleeps).toEqual([1000, 2000]);
    expect(out.result.outcome).toBe('succeeded');
    expect(out.stats.resources).toBe(5);
  });

  it('caps a Retry-After of 120 s at 60 s', async () => {
    const capped = await syncToFile(
      fakeDirectory({
        users: 1,
        groups: 1,
        before: failOn((c) => c.op === 'grants' && c.type === 'group', new ConnectorHttpError(429, { retryAfterSeconds: 120 })),
      }),
    );
    expect(capped.sleeps).toEqual([60000]);
    expect(capped.result.outcome).toBe('succeeded');
  });

  it('resets the wait after a success: separate outages each start at 1 s', async () => {
    const outage = failOn((c) => c.op === 'entitlements' && c.type === 'group', new ConnectorHttpError(502), undefined, new ConnectorHttpError(504));
    const out = await syncToFile(fakeDirectory({ users: 1, groups: 3, before: outage }));
    expect(out.sleeps).toEqual([1000, 1000]);
    expect(out.result.outcome).toBe('succeeded');
  });

  it('gives up after maxAttempts and fails the sync, unfinished', async () => {
    const always = (c: FakeCall) => {
      if (c.op === 'grants' && c.type === 'group') throw new ConnectorHttpError(503);
    };
    const out = await syncToFile(fakeDirectory({ users: 1, groups: 1, before: always }), { maxAttempts: 4 });
    expect(out.sleeps).toEqual([1000, 2000, 3000]);
    expect(out.result.outcome).toBe('failed');
    expect(out.syncs[0]?.endedAt).toBeUndefined();
  });
});
