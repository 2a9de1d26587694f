import { describe, expect, it } from 'vitest';
import { ConnectorHttpError } from '../../c1z/contract/sync-errors.js';
import { Retryer, goDuration, type RetryLogEvent } from './retry.js';

/** A sleeper that records what it was asked and returns at once. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** An operation that throws the given errors in turn, then answers 'ok'. */
function failing(...errors: Error[]) {
  let calls = 0;
  const op = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return 'ok';
  };
  return { op, calls: () => calls };
}

describe('Retryer', () => {
  it('waits attempts × 1 s between retries, without jitter', async () => {
    const { waits, sleep } = recordingSleep();
    const { op, calls } = failing(new ConnectorHttpError(503), new ConnectorHttpError(502), new ConnectorHttpError(500));
    await expect(new Retryer({ sleep }).run(op)).resolves.toBe('ok');
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(calls()).toBe(4);
  });

  it('caps the linear wait at 60 s', async () => {
    const { waits, sleep } = recordingSleep();
    const { op } = failing(...Array.from({ length: 62 }, () => new ConnectorHttpError(503)));
    await new Retryer({ sleep }).run(op);
    expect(waits.slice(58)).toEqual([59000, 60000, 60000, 60000]);
  });

  it('waits Retry-After, rounded up to whole seconds and capped at 60 s', async () => {
    const { waits, sleep } = recordingSleep();
    const { op } = failing(new ConnectorHttpError(429, { retryAfterSeconds: 2.2 }), new ConnectorHttpError(429, { retryAfterSeconds: 120 }));
    await new Retryer({ sleep }).run(op);
    expect(waits).toEqual([3000, 60000]);
  });

  it('waits until a reset time read on the injected clock', async () => {
    const { waits, sleep } = recordingSleep();
    const now = new Date('2026-01-01T00:00:00Z');
    const { op } = failing(new ConnectorHttpError(429, { resetAt: new Date(now.getTime() + 4500) }));
    await new Retryer({ sleep, clock: () => now }).run(op);
    expect(waits).toEqual([5000]);
  });

  it('starts counting again after a success', async () => {
    const { waits, sleep } = recordingSleep();
    const retryer = new Retryer({ sleep });
    await retryer.run(failing(new ConnectorHttpError(503), new ConnectorHttpError(503)).op);
    await retryer.run(failing(new ConnectorHttpError(503)).op);
    expect(waits).toEqual([1000, 2000, 1000]);
  });

  it('does not retry what the SDK does not retry', async () => {
    const { waits, sleep } = recordingSleep();
    const { op, calls } = failing(new ConnectorHttpError(401));
    await expect(new Retryer({ sleep }).run(op)).rejects.toThrow('401 Unauthorized');
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('gives up after maxAttempts calls when configured', async () => {
    const { waits, sleep } = recordingSleep();
    const { op, calls } = failing(...Array.from({ length: 9 }, () => new ConnectorHttpError(503)));
    await expect(new Retryer({ sleep, maxAttempts: 5 }).run(op)).rejects.toThrow('503 Service Unavailable');
    expect(calls()).toBe(5);
    expect(waits).toEqual([1000, 2000, 3000, 4000]);
  });

  it('logs each retry as the SDK does', async () => {
    const events: RetryLogEvent[] = [];
    await new Retryer({ sleep: async () => undefined, log: (e) => events.push(e) }).run(
      failing(new ConnectorHttpError(429, { retryAfterSeconds: 3 })).op,
    );
    expect(events).toEqual([{ level: 'warn', msg: 'retrying operation', error: '429 Too Many Requests', wait: '3s', waitMs: 3000, attempt: 1 }]);
  });
});

describe('goDuration', () => {
  it('prints Go duration text', () => {
    expect(goDuration(1000)).toBe('1s');
    expect(goDuration(60000)).toBe('1m0s');
    expect(goDuration(1500)).toBe('1.5s');
  });
});
