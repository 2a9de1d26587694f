import { describe, expect, it } from 'vitest';
import { compareWithTruth } from './completeness.js';

describe('compareWithTruth', () => {
  it('lists what the tenant exposes that the sync lacks, and what the sync has that the tenant does not', () => {
    const sync = {
      resourceTypes: ['group', 'user'],
      resources: [
        { type: 'user', id: 'u1' },
        { type: 'user', id: 'U2' },
        { type: 'group', id: 'g1' },
      ],
      grants: [{ id: 'group:g1:member:user:u1', entitlementId: 'group:g1:member', principalType: 'user', principalId: 'u1' }],
      entitlements: 1,
    };
    const truth = { resources: ['user:u1', 'user:u2', 'group:g1'], grants: ['group:g1:member:user:u1', 'group:g1:member:user:u2'] };
    expect(compareWithTruth(sync, truth)).toEqual({ missing: ['group:g1:member:user:u2', 'user:u2'], extra: ['user:U2'] });
  });
});
