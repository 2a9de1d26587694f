import { describe, expect, it } from 'vitest';
import { stableUuid } from '../core/ids.js';
import { providerIds, type EntityKind } from './provider-ids.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('providerIds', () => {
  it.each([
    ['user', 'AIDA', 21],
    ['group', 'AGPA', 15],
    ['role', 'AROA', 16],
    ['policy', 'ANPA', 17],
  ] as Array<[EntityKind, string, number]>)('%s ids have the provider formats', (kind, prefix, googleDigits) => {
    const ids = providerIds(7, kind, 42);
    expect(ids.objectId).toMatch(GUID);
    expect(ids.scimId).toMatch(GUID);
    expect(ids.scimId).not.toBe(ids.objectId);
    expect(ids.googleId).toMatch(new RegExp(`^1\\d{${googleDigits - 1}}$`));
    expect(ids.awsId).toMatch(new RegExp(`^${prefix}[A-Z0-9]{16}$`));
  });

  it('takes the object id from stableUuid, so the seed alone predicts it', () => {
    expect(providerIds(7, 'user', 42).objectId).toBe(stableUuid(7, 'user:42'));
  });

  it('is a pure function of (seed, kind, seq)', () => {
    const first = providerIds(3, 'group', 9);
    providerIds(3, 'group', 10);
    expect(providerIds(3, 'group', 9)).toEqual(first);
    expect(providerIds(4, 'group', 9).awsId).not.toBe(first.awsId);
    expect(providerIds(3, 'user', 9).googleId).not.toBe(first.googleId);
  });

  it('never repeats an id across 5,000 users', () => {
    const seen = { objectId: new Set<string>(), googleId: new Set<string>(), awsId: new Set<string>(), scimId: new Set<string>() };
    for (let seq = 1; seq <= 5_000; seq++) {
      const ids = providerIds(1, 'user', seq);
      for (const key of Object.keys(seen) as Array<keyof typeof seen>) seen[key].add(ids[key]);
    }
    for (const set of Object.values(seen)) expect(set.size).toBe(5_000);
  });
});
