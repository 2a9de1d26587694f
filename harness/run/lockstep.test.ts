import { describe, expect, it } from 'vitest';
import { Lockstep } from './lockstep.js';

const T0 = new Date('2026-05-01T00:00:00Z');

describe('Lockstep', () => {
  it('moves time only when slept, by exactly the wait', async () => {
    const step = new Lockstep(T0, 1);
    await step.sleepFor(0)(2_000);
    expect(step.now().getTime() - T0.getTime()).toBe(2_000);
  });

  it('wakes sleepers from the same moment together, earliest first', async () => {
    const step = new Lockstep(T0, 3);
    const woke: [number, number][] = [];
    // A woken connector runs until it blocks again; here it just finishes.
    const nap = (who: number, ms: number) =>
      step
        .sleepFor(who)(ms)
        .then(() => {
          woke.push([who, step.now().getTime() - T0.getTime()]);
          step.done(who);
        });
    await Promise.all([nap(0, 2_000), nap(1, 2_000), nap(2, 500)]);
    expect(woke).toEqual([
      [2, 500],
      [0, 2_000],
      [1, 2_000],
    ]);
  });

  it('lets requests through one at a time, round robin, whatever each request costs in real time', async () => {
    const order: string[] = [];
    // The first connector's requests are slow in real time; without turns the fast one would overtake it.
    const slow = async (input: string | URL | Request) => {
      await new Promise((r) => setTimeout(r, 5));
      order.push(new URL((input as Request).url).pathname.slice(1));
      return new Response('');
    };
    const fast = async (input: string | URL | Request) => {
      order.push(new URL((input as Request).url).pathname.slice(1));
      return new Response('');
    };
    const step = new Lockstep(T0, 2);
    const connector = async (who: number, fetch: typeof globalThis.fetch) => {
      for (let i = 0; i < 3; i++) await fetch(`https://sim.invalid/${who}/${i}`);
      step.done(who);
    };
    await Promise.all([connector(0, step.fetchFor(0, slow as typeof fetch)), connector(1, step.fetchFor(1, fast as typeof fetch))]);
    expect(order).toEqual(['0/0', '1/0', '0/1', '1/1', '0/2', '1/2']);
  });
});
