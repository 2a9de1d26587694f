import { describe, expect, it } from 'vitest';
import { IdSource, stableUuid } from './ids.js';

describe('seeded ids', () => {
  it('repeat per seed and kind, and look like v4 GUIDs', () => {
    const a = new IdSource(3);
    const b = new IdSource(3);
    const seqA = [a.uuid('request'), a.uuid('request'), a.uuid('trace')];
    expect([b.uuid('request'), b.uuid('request'), b.uuid('trace')]).toEqual(seqA);
    expect(seqA[0]).not.toBe(seqA[1]);
    for (const id of seqA) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new IdSource(4).uuid('request')).not.toBe(seqA[0]);
  });

  it('stable GUIDs depend on seed and name only', () => {
    expect(stableUuid(1, 'tenant')).toBe(stableUuid(1, 'tenant'));
    expect(stableUuid(1, 'tenant')).not.toBe(stableUuid(2, 'tenant'));
  });
});
