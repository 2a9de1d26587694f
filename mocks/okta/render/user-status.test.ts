import { describe, expect, it } from 'vitest';
import { userStatus } from './user-status.js';

describe('Okta user statuses', () => {
  it("keep the tenant's enabled flag (SUSPENDED and DEPROVISIONED are the disabled ones) and depend on seed and seq only", () => {
    const seen = new Set<string>();
    for (let seq = 1; seq <= 400; seq++) {
      for (const enabled of [true, false]) {
        const status = userStatus(9, { seq, enabled });
        seen.add(status);
        expect(['SUSPENDED', 'DEPROVISIONED'].includes(status)).toBe(!enabled);
        expect(userStatus(9, { seq, enabled })).toBe(status);
      }
    }
    expect([...seen].sort()).toEqual(['ACTIVE', 'DEPROVISIONED', 'PROVISIONED', 'STAGED', 'SUSPENDED']);
  });
});
