/**
 * A 401 or 403 mid-sync is not retried: the sync stops, stays unfinished (resumable, as the SDK leaves it),
 * and the file is still written with everything stored before the failure and the checkpoint token.
 */
import { describe, expect, it } from 'vitest';
import { ConnectorHttpError } from '../c1z/contract/sync-errors.js';
import { fakeDirectory, type FakeCall } from '../harness/sync/fake-connector.test-support.js';
import { syncToFile } from '../harness/sync/test-kit.test-support.js';

describe.each([401, 403])('a %i mid-sync', (status) => {
  const onG2Grants = (c: FakeCall) => {
    if (c.op === 'grants' && c.resourceId === 'g2') throw new ConnectorHttpError(status);
  };

  it('fails the sync without retrying and leaves it unfinished', async () => {
    const out = await syncToFile(fakeDirectory({ users: 3, groups: 3, before: onG2Grants }));
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect(out.result.error).toBeInstanceOf(ConnectorHttpError);
    expect((out.result.error as ConnectorHttpError).status).toBe(status);
    expect(out.sleeps).toEqual([]);
    expect(out.syncs).toHaveLength(1);
    expect(out.syncs[0]?.endedAt).toBeUndefined();
  });

  it('keeps the rows written before the failure and a checkpoint at the failed listing', async () => {
    const out = await syncToFile(fakeDirectory({ users: 3, groups: 3, before: onG2Grants }));
    expect(out.stats.resources).toBe(6);
    expect(out.stats.entitlements).toBe(3);
    // g1's grants were stored; g2's and g3's never were.
    expect(out.grantIds.sort()).toEqual(['group:g1:member:user:u1', 'group:g1:member:user:u2', 'group:g1:member:user:u3']);
    // 1 types + 2 resource listings + 6 entitlement listings + 3 user grant listings + g1's grants.
    expect(JSON.parse(out.syncs[0]?.syncToken ?? '')).toEqual({ completed_actions_count: 13 });
    expect(out.result.counts).toEqual({ resourceTypes: 2, resources: 6, entitlements: 3, grants: 3 });
  });

  it('checkpoints the page a listing had reached when it failed there', async () => {
    const onSecondPage = (c: FakeCall) => {
      if (c.op === 'grants' && c.resourceId === 'g2' && c.token === '2') throw new ConnectorHttpError(status);
    };
    const out = await syncToFile(fakeDirectory({ users: 3, groups: 3, pageSize: 2, before: onSecondPage }));
    expect(out.result.outcome).toBe('failed');
    expect(JSON.parse(out.syncs[0]?.syncToken ?? '')).toEqual({
      completed_actions_count: 13,
      current_action: { op: 'grants', resource_type_id: 'group', resource_id: 'g2', page_token: '2' },
    });
    // g2's first page was stored before the failure.
    expect(out.grantIds.filter((id) => id.startsWith('group:g2:')).sort()).toEqual(['group:g2:member:user:u1', 'group:g2:member:user:u2']);
  });
});
