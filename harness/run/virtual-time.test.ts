import { describe, expect, it } from 'vitest';
import { VirtualTime } from './virtual-time.js';

const T0 = new Date('2026-05-01T00:00:00Z');

describe('VirtualTime', () => {
  it('moves only when slept, by exactly the wait', async () => {
    const time = new VirtualTime(T0);
    expect(time.now()).toEqual(T0);
    await time.sleep(2_000);
    expect(time.now().getTime() - T0.getTime()).toBe(2_000);
  });

  it('wakes concurrent sleepers from the same moment together, earliest first', async () => {
    const time = new VirtualTime(T0);
    const woke: [string, number][] = [];
    const at = (name: string) => () => woke.push([name, time.now().getTime() - T0.getTime()]);
    await Promise.all([time.sleep(2_000).then(at('a')), time.sleep(2_000).then(at('b')), time.sleep(500).then(at('c'))]);
    expect(woke).toEqual([
      ['c', 500],
      ['a', 2_000],
      ['b', 2_000],
    ]);
  });
});
