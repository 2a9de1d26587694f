/**
 * A connector that hands the engine a message the c1z cannot hold (a resource without an id) fails the
 * sync like any connector error: unfinished, file written, earlier rows kept.
 */
import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { ResourceSchema } from '../c1z/proto/connector.js';
import { fakeDirectory } from '../harness/sync/fake-connector.test-support.js';
import { syncToFile } from '../harness/sync/test-kit.test-support.js';

describe('a connector handing over a malformed message', () => {
  it('fails the sync, unfinished, with the writer’s complaint, keeping earlier rows', async () => {
    const base = fakeDirectory({ users: 2, groups: 1 });
    const group = base.syncers.group!;
    const out = await syncToFile({
      ...base,
      syncers: {
        ...base.syncers,
        group: { ...group, list: async () => ({ resources: [create(ResourceSchema, { displayName: 'no id' })], nextPageToken: '' }) },
      },
    });
    expect(out.result.outcome === 'failed' && out.result.error.message).toBe('resource needs an id with a resource type');
    expect(out.syncs[0]?.endedAt).toBeUndefined();
    expect(out.resourceIds.sort()).toEqual(['user:u1', 'user:u2']);
  });
});
