import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { healthyEntra, JournalBuilder } from './doctor.test-support.js';

const ids = (ev: RunEvidence) => diagnose(ev).findings.map((f) => f.id);
const finding = (ev: RunEvidence, id: string) => diagnose(ev).findings.find((f) => f.id === id);

describe('provisioner-missing', () => {
  it("the SDK's text on a failed action", () => {
    const run: RunEvidence = {
      ...healthyEntra(),
      writeBack: true,
      actions: [
        {
          op: 'grant',
          entitlement: 'role:r1:member',
          principal: 'user:u1',
          ok: false,
          error: 'resource type role does not have provisioner configured',
        },
      ],
    };
    expect(finding(run, 'provisioner-missing')!.evidence[0]).toBe(
      'grant role:r1:member user:u1: resource type role does not have provisioner configured',
    );
  });

  it('not when actions succeed', () => {
    expect(ids({ ...healthyEntra(), actions: [{ op: 'grant', entitlement: 'group:g1:member', principal: 'user:u1', ok: true }] })).not.toContain(
      'provisioner-missing',
    );
  });
});

describe('endpoint-not-simulated', () => {
  it('an unmatched request, with the nearest route', () => {
    const journal = new JournalBuilder('entra').add({
      method: 'GET',
      url: '/v1.0/userz',
      status: 0,
      nearestRoute: 'GET https://graph.microsoft.com/v1.0/users',
    }).entries;
    expect(finding({ ...healthyEntra(), journal }, 'endpoint-not-simulated')!.evidence).toEqual([
      '#1 GET /v1.0/userz -> 0 (nearest: GET https://graph.microsoft.com/v1.0/users)',
    ]);
  });

  it('a network-error fault (status 0 on a known route) is not', () => {
    const journal = new JournalBuilder('entra')
      .get('/v1.0/users', 'graph.users.list', 0, { fault: 'network-error:every=2' })
      .get('/v1.0/users', 'graph.users.list', 200).entries;
    expect(ids({ ...healthyEntra(), journal })).not.toContain('endpoint-not-simulated');
  });
});
