/** A well-behaved connector syncs into a finished c1z whose counts match what it served. */
import { describe, expect, it } from 'vitest';
import { create } from '@bufbuild/protobuf';
import { packAnnotation } from '../c1z/proto/annotation.js';
import { ChildResourceTypeSchema, SkipGrantsSchema } from '../c1z/proto/connector-annotations.js';
import { ResourceSchema, ResourceTypeSchema } from '../c1z/proto/connector.js';
import type { Connector } from '../c1z/contract/connector.js';
import { fakeDirectory } from '../harness/sync/fake-connector.test-support.js';
import { syncToFile } from '../harness/sync/test-kit.test-support.js';

describe('a healthy sync', () => {
  it('writes every type, resource, entitlement and grant, and finishes the sync', async () => {
    const out = await syncToFile(fakeDirectory({ users: 5, groups: 3, pageSize: 2 }));
    expect(out.result.outcome).toBe('succeeded');
    expect(out.result.counts).toEqual({ resourceTypes: 2, resources: 8, entitlements: 3, grants: 15 });
    expect(out.stats).toMatchObject({
      resourceTypes: 2,
      resources: 8,
      entitlements: 3,
      grants: 15,
      resourcesByResourceType: { user: 5, group: 3 },
      grantsByResourceType: { group: 15 },
    });
    expect(out.syncs).toHaveLength(1);
    expect(out.syncs[0]?.id).toBe(out.result.syncId);
    expect(out.syncs[0]?.endedAt).toBeDefined();
    expect(out.syncs[0]?.syncType).toBe('full');
    expect(out.sleeps).toEqual([]);
  });

  it('leaves a checkpoint token counting the completed actions', async () => {
    const out = await syncToFile(fakeDirectory({ users: 2, groups: 1 }));
    // 1 resource-type action, 2 resource listings, 3 entitlement and 3 grant listings.
    expect(JSON.parse(out.syncs[0]?.syncToken ?? '')).toEqual({ completed_actions_count: 9 });
  });

  it('reports progress the way the SDK logs it', async () => {
    const out = await syncToFile(fakeDirectory({ users: 3, groups: 2 }));
    expect(out.progress).toEqual([
      { msg: 'Synced resource types', count: 2 },
      { msg: 'Synced resources', resource_type_id: 'user', count: 3 },
      { msg: 'Synced resources', resource_type_id: 'group', count: 2 },
      { msg: 'Synced entitlements', resource_type_id: 'user', count: 3, total: 3 },
      { msg: 'Synced entitlements', resource_type_id: 'group', count: 2, total: 2 },
      { msg: 'Synced grants', resource_type_id: 'user', count: 3, total: 3 },
      { msg: 'Synced grants', resource_type_id: 'group', count: 2, total: 2 },
    ]);
  });

  it('follows ChildResourceType annotations with the parent id, and honours SkipGrants', async () => {
    const base = fakeDirectory({ users: 1, groups: 0 });
    const org = create(ResourceSchema, {
      id: { resourceType: 'org', resource: 'o1' },
      annotations: [packAnnotation(ChildResourceTypeSchema, { resourceTypeId: 'team' }), packAnnotation(SkipGrantsSchema, {})],
    });
    const parents: (string | undefined)[] = [];
    const grantsAsked: string[] = [];
    const empty = { entitlements: async () => ({ entitlements: [], nextPageToken: '' }) };
    const connector: Connector = {
      resourceTypes: () => [...base.resourceTypes(), create(ResourceTypeSchema, { id: 'org' }), create(ResourceTypeSchema, { id: 'team' })],
      syncers: {
        ...base.syncers,
        org: {
          ...empty,
          list: async () => ({ resources: [org], nextPageToken: '' }),
          grants: async (r) => {
            grantsAsked.push(r.id?.resource ?? '');
            return { grants: [], nextPageToken: '' };
          },
        },
        team: {
          ...empty,
          list: async (parent) => {
            parents.push(parent?.resource);
            const resources = parent ? [create(ResourceSchema, { id: { resourceType: 'team', resource: 't1' }, parentResourceId: parent })] : [];
            return { resources, nextPageToken: '' };
          },
          grants: async (r) => {
            grantsAsked.push(r.id?.resource ?? '');
            return { grants: [], nextPageToken: '' };
          },
        },
      },
    };
    const out = await syncToFile(connector);
    expect(out.result.outcome).toBe('succeeded');
    expect(parents).toEqual([undefined, 'o1']);
    expect(out.resourceIds.sort()).toEqual(['org:o1', 'team:t1', 'user:u1']);
    expect(grantsAsked).toEqual(['t1']);
  });

  it('lists a (type, parent) pair once even when resources keep announcing it', async () => {
    // Every team announces team children, and every child listing returns the same team: a loop without the guard.
    const team = create(ResourceSchema, {
      id: { resourceType: 'team', resource: 't1' },
      annotations: [packAnnotation(ChildResourceTypeSchema, { resourceTypeId: 'team' })],
    });
    let listings = 0;
    const connector: Connector = {
      resourceTypes: () => [create(ResourceTypeSchema, { id: 'team' })],
      syncers: {
        team: {
          list: async () => {
            listings++;
            return { resources: [team], nextPageToken: '' };
          },
          entitlements: async () => ({ entitlements: [], nextPageToken: '' }),
          grants: async () => ({ grants: [], nextPageToken: '' }),
        },
      },
    };
    const out = await syncToFile(connector);
    expect(out.result.outcome).toBe('succeeded');
    expect(listings).toBe(2);
    expect(out.resourceIds).toEqual(['team:t1']);
    expect(out.result.counts.resources).toBe(1);
  });
});
