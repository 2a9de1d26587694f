import { describe, expect, it } from 'vitest';
import { FaultEngine, type RouteCall } from './engine.js';
import { parseFaultSpec } from './spec.js';

const call = (route: string, provider = 'entra'): RouteCall => ({
  provider,
  route,
  method: 'GET',
  url: new URL('https://graph.microsoft.com/v1.0/users'),
});

function firing(engine: FaultEngine, calls: RouteCall[]): boolean[] {
  return calls.map((c) => engine.check(c, ['throttle', 'server-error']) !== undefined);
}

describe('fault engine', () => {
  it('every=n fires on the n-th, 2n-th... targeted call only', () => {
    const engine = new FaultEngine([parseFaultSpec('throttle:every=3,route=graph.users.*')]);
    const calls = [1, 2, 3, 4, 5, 6].map(() => call('graph.users.list'));
    calls.splice(1, 0, call('graph.groups.list')); // not targeted: does not count
    expect(firing(engine, calls)).toEqual([false, false, false, true, false, false, true]);
  });

  it('after, count and from bound when a rule fires', () => {
    expect(firing(new FaultEngine([parseFaultSpec('throttle:after=2,count=2')]), Array(6).fill(call('x')))).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(firing(new FaultEngine([parseFaultSpec('server-error:from=4')]), Array(5).fill(call('x')))).toEqual([false, false, false, true, true]);
  });

  it('targets a provider', () => {
    const engine = new FaultEngine([parseFaultSpec('throttle:provider=google')]);
    expect(firing(engine, [call('x', 'entra'), call('x', 'google')])).toEqual([false, true]);
  });

  it('probability is seeded: the same seed gives the same calls, another seed others', () => {
    const run = (seed: number) => firing(new FaultEngine([parseFaultSpec('throttle:probability=0.5')], seed), Array(40).fill(call('x')));
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const fired = run(7).filter(Boolean).length;
    expect(fired).toBeGreaterThan(8);
    expect(fired).toBeLessThan(32);
  });

  it('the first firing rule wins, but every targeting rule counts the call', () => {
    const engine = new FaultEngine([parseFaultSpec('throttle:every=2'), parseFaultSpec('server-error:every=2,status=500')]);
    const hits = Array.from({ length: 4 }, () => engine.check(call('x'), ['throttle', 'server-error'])?.spec.kind);
    expect(hits).toEqual([undefined, 'throttle', undefined, 'throttle']);
    expect(engine.check(call('x'), ['server-error'])).toBeUndefined(); // its 5th call
    expect(engine.check(call('x'), ['server-error'])?.spec.kind).toBe('server-error'); // its 6th
  });

  it('only answers for the kinds asked about', () => {
    const engine = new FaultEngine([parseFaultSpec('expired-secret')]);
    expect(engine.check(call('x'), ['throttle'])).toBeUndefined();
    expect(engine.check(call('x'), ['expired-secret'])?.spec.text).toBe('expired-secret');
  });
});
