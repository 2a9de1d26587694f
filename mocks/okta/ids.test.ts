import { describe, expect, it } from 'vitest';
import { oktaId, seqOfOktaId } from './ids.js';

describe('Okta ids', () => {
  it('are 20 characters with the type prefix and read back to their seq', () => {
    for (const seq of [1, 2, 17, 999, 1_000_000]) {
      const id = oktaId(7, 'user', seq);
      expect(id).toMatch(/^00u[0-9A-Za-z]{17}$/);
      expect(seqOfOktaId(7, 'user', id)).toBe(seq);
    }
    expect(oktaId(7, 'group', 3)).toMatch(/^00g[0-9A-Za-z]{17}$/);
    expect(oktaId(7, 'app', 3)).toMatch(/^0oa[0-9A-Za-z]{17}$/);
  });

  it('differ by seed and kind, and refuse ids of another seed, kind or a typo', () => {
    expect(oktaId(7, 'user', 1)).not.toBe(oktaId(8, 'user', 1));
    expect(seqOfOktaId(8, 'user', oktaId(7, 'user', 1))).toBeUndefined();
    expect(seqOfOktaId(7, 'group', oktaId(7, 'user', 1))).toBeUndefined();
    const id = oktaId(7, 'user', 5);
    expect(seqOfOktaId(7, 'user', `${id.slice(0, 19)}${id.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(seqOfOktaId(7, 'user', 'missing@example.com')).toBeUndefined();
  });

  it('do not count up visibly', () => {
    const bodies = [1, 2, 3].map((seq) => oktaId(7, 'user', seq).slice(3, 9));
    expect(new Set(bodies).size).toBe(3);
    expect(bodies[1]! > bodies[0]! && bodies[2]! > bodies[1]!).toBe(false);
  });
});
