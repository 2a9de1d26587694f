import { describe, expect, it } from 'vitest';
import { expectSchema } from '../scenario/expect-schema.js';
import { createTenant } from '../../mocks/tenant/store.js';
import { unmetExpectations, type RunFacts } from './expectations.js';

const tenant = createTenant({ seed: 7, users: 10, groups: 2 });
const stats = {
  resourceTypes: 2,
  resources: 12,
  entitlements: 4,
  grants: 9,
  resourcesByResourceType: { user: 10, group: 2 },
  entitlementsByResourceType: {},
  grantsByResourceType: {},
};

function facts(over: Partial<RunFacts> = {}): RunFacts {
  return {
    outcome: 'succeeded',
    connectors: [{ name: 'builtin:entra', outcome: 'succeeded', stats, missing: [], extra: [] }],
    requests: 20,
    requestsByRoute: { 'graph.users.list': 2, 'graph.groups.list': 1, 'graph.groups.members.list': 17 },
    findings: [],
    peakMemoryMb: 40,
    tenant,
    ...over,
  };
}
const unmet = (expect: unknown, over: Partial<RunFacts> = {}) => unmetExpectations(expectSchema.parse(expect), facts(over));

describe('unmetExpectations', () => {
  it('a run that does what is expected meets everything', () => {
    expect(
      unmet({
        counts: { user: 10, group: { min: 1, max: 2 }, grants: 9 },
        complete: true,
        requests: { max: 20, perRoute: { 'graph.groups.*': 18 } },
        peakMemoryMb: 64,
        findings: [],
      }),
    ).toEqual([]);
  });

  it('says what was expected and what happened, one line each', () => {
    expect(
      unmet(
        { counts: { user: 11 }, complete: true, requests: { max: 10, perRoute: { 'graph.users.*': 1 } }, peakMemoryMb: 32, findings: ['throttled'] },
        { connectors: [{ name: 'builtin:entra', outcome: 'succeeded', stats, missing: ['user:a', 'user:b'], extra: [] }] },
      ),
    ).toEqual([
      'counts.user: expected exactly 11, got 10',
      'complete: 2 missing (user:a, user:b), 0 extra',
      'requests.max: expected at most 10, got 20',
      'requests.perRoute.graph.users.*: expected at most 1, got 2',
      'peakMemoryMb: expected at most 32, got 40.0',
      'findings: expected [throttled], got []',
    ]);
  });

  it('an expected error must be in the run error; an expected failure that succeeded is named', () => {
    expect(unmet({ error: 'AADSTS7000222' }, { outcome: 'failed', error: 'invalid_client: AADSTS7000215: Invalid client secret' })).toEqual([
      'error: expected "AADSTS7000222", got "invalid_client: AADSTS7000215: Invalid client secret"',
    ]);
    expect(unmet({ outcome: 'failed' })).toEqual(['outcome: expected failed, got succeeded']);
  });

  it('complete: false asserts a loss, so a fixed bug shows as a changed scenario', () => {
    expect(unmet({ complete: false })).toEqual(['complete: expected missing or extra ids, but the sync matches the tenant exactly']);
  });

  it('retryAfterHonoured reads the doctor', () => {
    const ignored = [{ id: 'retry-after-ignored', title: '', evidence: [], fix: [] }];
    expect(unmet({ retryAfterHonoured: true, findings: ['retry-after-ignored'] }, { findings: ignored })).toEqual([
      'retryAfterHonoured: expected true, but a retry came sooner than Retry-After asked',
    ]);
    expect(unmet({ retryAfterHonoured: false })).toEqual([
      'retryAfterHonoured: expected false, but a retry never came sooner than Retry-After asked',
    ]);
  });

  it('state checks read the tenant: a member holds the group, a non-member does not', () => {
    const group = tenant.group(1)!;
    const member = tenant.user(tenant.members(1, { limit: 100 }).items.find((m) => m.memberType === 'user')!.memberSeq)!;
    const pair = { entitlement: `group:${group.mail}:member`, principal: `user:${member.userPrincipalName}` };
    expect(unmet({ state: { granted: [pair] } })).toEqual([]);
    expect(unmet({ state: { notGranted: [pair] } })).toEqual([`state.notGranted: ${pair.principal} still holds ${pair.entitlement}`]);
  });
});
