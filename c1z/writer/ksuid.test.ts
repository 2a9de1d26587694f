import { describe, expect, it } from 'vitest';
import { KsuidSource, ksuid, ksuidTime } from './ksuid.js';

describe('ksuid', () => {
  it('encodes the reference KSUID of the spec (zero payload at the epoch is all zeros)', () => {
    expect(ksuid(new Date(1_400_000_000_000), new Uint8Array(16))).toBe('000000000000000000000000000');
    expect(ksuid(new Date(1_400_000_000_000 + 0xffffffff * 1000), new Uint8Array(16).fill(255))).toBe('aWgEPTl1tmebfsQzFP4bxwgy80V');
  });

  it('reads back the time of a real SDK sync id', () => {
    // Its v1_sync_runs row says started_at 2025-12-17 16:31:25: the SDK writes local time without a zone,
    // and the id shows that writer ran at UTC-7.
    expect(ksuidTime('36zfOAoWMxQdISbixanQCRBiX7E').toISOString()).toBe('2025-12-17T23:31:25.000Z');
  });

  it('is deterministic per seed and sorts by time', () => {
    const t1 = new Date('2026-01-01T00:00:00Z');
    const t2 = new Date('2026-01-01T00:00:01Z');
    const a = new KsuidSource(7);
    const b = new KsuidSource(7);
    const ids = [a.next(t1), a.next(t2)];
    expect([b.next(t1), b.next(t2)]).toEqual(ids);
    expect(ids[0]! < ids[1]!).toBe(true);
    expect(new KsuidSource(8).next(t1)).not.toBe(ids[0]);
    expect(ids[0]).toHaveLength(27);
  });
});
