import { describe, expect, it } from 'vitest';
import { MAX_USERS, sizeTenant } from './tenant-size.js';

describe('sizeTenant', () => {
  it('is small when the report gives no counts', () => {
    expect(sizeTenant({ needs: [] })).toEqual({
      tenant: { seed: 7, users: 50, groups: 10 },
      notes: ['the report gives no counts: a small tenant (50 users, 10 groups)'],
    });
  });

  it("takes the log's counts, citing their lines", () => {
    const sizing = sizeTenant({ counts: { user: { value: 120, line: 4 }, group: { value: 18, line: 8 }, role: { value: 3, line: 9 } }, needs: [] });
    expect(sizing.tenant).toEqual({ seed: 7, users: 120, groups: 18 });
    expect(sizing.notes[0]).toBe('the log reported user: 120 (line 4), group: 18 (line 8), role: 3 (line 9)');
  });

  it('caps a large report and says so, then raises to what the symptom needs', () => {
    const capped = sizeTenant({ users: 50_000, needs: [] });
    expect(capped.tenant.users).toBe(MAX_USERS);
    expect(capped.notes.join(' ')).toMatch(/users capped at 2000 \(the report has 50000\)/);
    const raised = sizeTenant({ users: 20, needs: [{ users: 1199 }] });
    expect(raised.tenant.users).toBe(1199);
    expect(raised.notes.join(' ')).toMatch(/users raised to 1199/);
  });

  it('gives an empty tenant when the symptom needs one', () => {
    expect(sizeTenant({ users: 300, needs: [{ fixed: { users: 0, groups: 0 } }] }).tenant).toEqual({ seed: 7, users: 0, groups: 0 });
  });
});
