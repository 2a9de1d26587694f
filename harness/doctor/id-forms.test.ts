import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { healthyEntra, healthyGoogle, users } from './doctor.test-support.js';

const finding = (ev: RunEvidence) => diagnose(ev).findings.find((f) => f.id === 'id-form-mismatch');

describe('id-form-mismatch', () => {
  it('pairs ids that differ only in case', () => {
    const u = users()[0]!;
    const f = finding({ ...healthyEntra(), completeness: { missing: [`user:${u.objectId}`], extra: [`user:${u.objectId.toUpperCase()}`] } })!;
    expect(f.evidence[0]).toBe('1 of 1 missing id(s) are in the sync the same ids in another case');
    expect(f.evidence[1]).toBe(`user:${u.objectId} is in the sync as user:${u.objectId.toUpperCase()}`);
  });

  it('pairs an object id with the mail or UPN used in its place, and a numeric id behind a prefix', () => {
    const [a, b] = users();
    const entra = finding({ ...healthyEntra(), completeness: { missing: [`user:${a!.objectId}`], extra: [`user:${a!.userPrincipalName}`] } })!;
    expect(entra.evidence[0]).toContain("written as the object's userPrincipalName instead of its id");
    const google = finding({ ...healthyGoogle(), completeness: { missing: [`user:${b!.googleId}`], extra: [`user:gid-${b!.googleId}`] } })!;
    expect(google.evidence[1]).toBe(`user:${b!.googleId} is in the sync as user:gid-${b!.googleId}`);
  });

  it('not for unrelated missing and extra ids', () => {
    const [a, b] = users();
    expect(
      finding({ ...healthyEntra(), completeness: { missing: [`user:${a!.objectId}`], extra: [`user:${b!.userPrincipalName}`] } }),
    ).toBeUndefined();
  });
});
