import { describe, expect, it } from 'vitest';
import { awsAccountId, awsSecret, awsUniqueId, identityStoreId, isoSeconds, seededDate, sessionToken } from './ids.js';

describe('AWS ids', () => {
  it('have the shapes connectors parse', () => {
    expect(awsUniqueId('AKIA', 1, 'k')).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(awsSecret(1, 's')).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(awsAccountId(1)).toMatch(/^[1-9]\d{11}$/);
    expect(identityStoreId(1)).toMatch(/^d-[0-9a-f]{10}$/);
    expect(sessionToken(1, 1)).toMatch(/^IQoJb3JpZ2luX2Vj[A-Za-z0-9+/]{300,}={0,2}$/);
  });

  it('repeat with the seed and differ across seeds and purposes', () => {
    expect(awsUniqueId('AKIA', 1, 'k')).toBe(awsUniqueId('AKIA', 1, 'k'));
    expect(awsUniqueId('AKIA', 2, 'k')).not.toBe(awsUniqueId('AKIA', 1, 'k'));
    expect(awsSecret(1, 'a')).not.toBe(awsSecret(1, 'b'));
    expect(sessionToken(1, 2)).not.toBe(sessionToken(1, 1));
  });

  it('writes dates to the second with Z, within five years before the reference', () => {
    expect(isoSeconds('2024-01-02T03:04:05.678Z')).toBe('2024-01-02T03:04:05Z');
    const d = seededDate(1, 'x', '2026-01-01T00:00:00Z');
    expect(d).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(d)).toBeLessThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
    expect(Date.parse(d)).toBeGreaterThan(Date.parse('2020-12-31T00:00:00Z'));
  });
});
