import { describe, expect, it } from 'vitest';
import { kindDealer, pickedEvenly } from './kind-mix.js';

describe('kindDealer', () => {
  const cases = [
    { guestRatio: 0.05, externalRatio: 0.02, serviceRatio: 0.02 },
    { guestRatio: 0.33, externalRatio: 0.33, serviceRatio: 0.34 },
    { guestRatio: 0.5, externalRatio: 0, serviceRatio: 0.01 },
    { guestRatio: 0.013, externalRatio: 0.7, serviceRatio: 0.1 },
  ];

  it.each(cases)('keeps every prefix within one user of each share: %j', (ratios) => {
    const deal = kindDealer(ratios);
    const seen = { member: 0, guest: 0, external: 0, service: 0 };
    let worst = 0;
    for (let n = 1; n <= 3000; n++) {
      seen[deal()]++;
      worst = Math.max(
        worst,
        Math.abs(seen.guest - n * ratios.guestRatio),
        Math.abs(seen.external - n * ratios.externalRatio),
        Math.abs(seen.service - n * ratios.serviceRatio),
      );
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(seen.member).toBe(3000 - seen.guest - seen.external - seen.service);
  });

  it('deals members only when every ratio is zero, and no members when they add up to one', () => {
    const none = kindDealer({ guestRatio: 0, externalRatio: 0, serviceRatio: 0 });
    expect(Array.from({ length: 50 }, none).every((k) => k === 'member')).toBe(true);
    const all = kindDealer({ guestRatio: 0.5, externalRatio: 0.25, serviceRatio: 0.25 });
    expect(Array.from({ length: 400 }, all).filter((k) => k === 'member').length).toBeLessThanOrEqual(2);
  });

  it('gives user n the same kind however many users follow', () => {
    const ratios = cases[0]!;
    const short = Array.from({ length: 100 }, kindDealer(ratios));
    const long = Array.from({ length: 1000 }, kindDealer(ratios));
    expect(long.slice(0, 100)).toEqual(short);
  });
});

describe('pickedEvenly', () => {
  it('picks exactly round(n × ratio) of the first n items', () => {
    for (const ratio of [0, 0.03, 0.1, 0.5, 1]) {
      for (const n of [1, 7, 33, 200, 1001]) {
        let disabled = 0;
        for (let seq = 1; seq <= n; seq++) if (pickedEvenly(seq, ratio)) disabled++;
        expect(disabled).toBe(Math.floor(n * ratio + 0.5));
      }
    }
  });
});
