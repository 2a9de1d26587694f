import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { healthyAws, healthyEntra, healthyGoogle, healthyScim, JournalBuilder } from './doctor.test-support.js';

describe('diagnose', () => {
  it('finds nothing in healthy runs of every provider', () => {
    for (const ev of [healthyEntra(), healthyGoogle(), healthyAws(), healthyScim()]) expect(diagnose(ev).findings).toEqual([]);
  });

  it('summarises a healthy run with the least permissions the successful calls needed', () => {
    const entra = diagnose(healthyEntra());
    expect(entra.minimalPermissions).toEqual(['Group.Read.All', 'GroupMember.Read.All', 'User.Read.All']);
    expect(entra.summary).toBe(
      `healthy: ${healthyEntra().journal.length} requests, permissions needed: Group.Read.All, GroupMember.Read.All, User.Read.All`,
    );
    expect(diagnose(healthyAws()).minimalPermissions).toEqual(['iam:ListGroups', 'iam:ListUsers']);
    expect(diagnose(healthyGoogle()).minimalPermissions).toEqual([
      'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
      'https://www.googleapis.com/auth/admin.directory.group.readonly',
      'https://www.googleapis.com/auth/admin.directory.user.readonly',
    ]);
    expect(diagnose(healthyScim()).summary).toBe('healthy: 2 requests, permissions needed: none');
  });

  it('leaves refused calls out of the minimal permissions', () => {
    const journal = new JournalBuilder('entra')
      .get('/v1.0/users', 'graph.users.list')
      .get('/v1.0/roleManagement/directory/roleAssignments', 'graph.roleAssignments.list', 403).entries;
    expect(diagnose({ ...healthyEntra(), journal }).minimalPermissions).toEqual(['User.Read.All']);
  });

  it('sorts findings by id and joins their titles, the same every time', () => {
    const base = healthyEntra();
    const journal = new JournalBuilder('entra')
      .get('/v1.0/users?$top=999', 'graph.users.list', 429, { retryAfterSeconds: 5, fault: 'throttle:every=1', atSeconds: 0 })
      .get('/v1.0/users?$top=999', 'graph.users.list', 200, { atSeconds: 1 })
      .add({ method: 'GET', url: '/v1.0/userz', status: 0, nearestRoute: 'GET https://graph.microsoft.com/v1.0/users' }).entries;
    const run: RunEvidence = { ...base, journal, sync: { ...base.sync!, resources: base.sync!.resources.map((r) => ({ ...r, rawId: undefined })) } };
    const first = diagnose(run);
    expect(first.findings.map((f) => f.id)).toEqual(['endpoint-not-simulated', 'missing-raw-id', 'retry-after-ignored', 'throttled']);
    expect(first.summary).toBe(first.findings.map((f) => f.title).join('; '));
    expect(diagnose(run)).toEqual(first);
    for (const f of first.findings) {
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.fix.length).toBeGreaterThan(0);
    }
  });
});
