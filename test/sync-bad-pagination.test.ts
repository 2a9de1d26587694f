/**
 * Connectors whose paging never ends: the same token (caught by the SDK, with its exact texts), and two
 * shapes the SDK follows forever — a token cycle and endless fresh tokens — caught here. Each fails the sync
 * and leaves it unfinished, with the rows written before the bad listing kept.
 */
import { describe, expect, it } from 'vitest';
import type { Connector, ResourceSyncer } from '../c1z/contract/connector.js';
import { fakeDirectory, fakeGroup, fakeUser } from '../harness/sync/fake-connector.test-support.js';
import { syncToFile } from '../harness/sync/test-kit.test-support.js';

/** The fake directory with the group syncer's methods replaced. */
function withGroups(patch: Partial<ResourceSyncer>): Connector {
  const base = fakeDirectory({ users: 2, groups: 1 });
  return { ...base, syncers: { ...base.syncers, group: { ...base.syncers.group!, ...patch } } };
}

/** A listing that answers each request token with `next(token)`, one group per page. */
const listing = (next: (token: string) => string): Partial<ResourceSyncer> => ({
  list: async (_parent, token) => ({ resources: [fakeGroup(`g-${token || 'first'}`)], nextPageToken: next(token) }),
});

describe('a connector returning the same page token', () => {
  const sameToken = listing((token) => (token === '' ? 'tok-1' : token));

  it('fails the sync with the current SDK text', async () => {
    const out = await syncToFile(withGroups(sameToken));
    expect(out.result.outcome).toBe('failed');
    if (out.result.outcome !== 'failed') return;
    expect(out.result.error.message).toBe(
      'listing resources failed: next page token unchanged (token=tok-1, type=group, parent=<nil>) - likely a connector bug',
    );
    expect(out.syncs[0]?.endedAt).toBeUndefined();
    // Users were listed before groups; their rows and the group page before the bad one are kept, the bad page's are not.
    expect(out.resourceIds.sort()).toEqual(['group:g-first', 'user:u1', 'user:u2']);
  });

  it('fails the sync with the legacy SDK text when asked for it', async () => {
    const out = await syncToFile(withGroups(sameToken), { sdkTextVersion: 'legacy' });
    expect(out.result.outcome === 'failed' && out.result.error.message).toBe(
      'error: listing resources failed: next page token is the same as the current page token  with page token tok-1 resource type id group and resource parent id: <nil> this is most likely a connector bug',
    );
  });

  it('names the resource for a grants listing, in both versions', async () => {
    const stuck: Partial<ResourceSyncer> = {
      grants: async (_resource, token) => ({ grants: [], nextPageToken: token === '' ? 'p2' : token }),
    };
    const current = await syncToFile(withGroups(stuck));
    expect(current.result.outcome === 'failed' && current.result.error.message).toBe(
      'listing grants for resource group/g1 failed: next page token unchanged - likely a connector bug',
    );
    const legacy = await syncToFile(withGroups(stuck), { sdkTextVersion: 'legacy' });
    expect(legacy.result.outcome === 'failed' && legacy.result.error.message).toBe(
      'error: listing grants for resource group/g1 failed: next page token is the same as the current page token. this is most likely a connector bug',
    );
    // Entitlements were all listed before grants began.
    expect(current.stats.entitlements).toBe(1);
  });

  it('gives the entitlements text for an entitlements listing', async () => {
    const out = await syncToFile(withGroups({ entitlements: async (_r, token) => ({ entitlements: [], nextPageToken: token || 'e1' }) }));
    expect(out.result.outcome === 'failed' && out.result.error.message).toBe(
      'listing entitlements failed: next page token unchanged - likely a connector bug',
    );
  });
});

describe('paging the SDK would follow forever', () => {
  it('catches a cycle A → B → A', async () => {
    const cycle = listing((token) => ({ '': 'A', A: 'B', B: 'A' })[token] ?? '');
    const out = await syncToFile(withGroups(cycle));
    expect(out.result.outcome).toBe('failed');
    expect(out.result.outcome === 'failed' && out.result.error.message).toBe(
      'listing resources failed: pagination cycle detected (token=A was returned earlier in this listing, type=group, parent=<nil>) - likely a connector bug',
    );
    expect(out.syncs[0]?.endedAt).toBeUndefined();
  });

  it('stops endless fresh tokens at the page budget', async () => {
    let calls = 0;
    const endless = listing((token) => {
      calls++;
      return `t${Number(token.slice(1) || 0) + 1}`;
    });
    const out = await syncToFile(withGroups(endless), { pageBudget: 50 });
    expect(out.result.outcome === 'failed' && out.result.error.message).toBe(
      'listing resources failed: page budget exceeded (50 pages, type=group, parent=<nil>, last token=t50) - likely a connector bug',
    );
    expect(calls).toBe(50);
    expect(out.stats.resourcesByResourceType.group).toBe(49);
  });

  it('lets a long but finite listing through under the default budget', async () => {
    const users = Array.from({ length: 3000 }, (_, i) => fakeUser(`u${i}`));
    const base = fakeDirectory({ users: 0, groups: 0 });
    const connector: Connector = {
      ...base,
      syncers: {
        ...base.syncers,
        user: {
          ...base.syncers.user!,
          list: async (_p, token) => {
            const at = Number(token || 0);
            return { resources: users.slice(at, at + 1), nextPageToken: at + 1 < users.length ? String(at + 1) : '' };
          },
          grants: async () => ({ grants: [], nextPageToken: '' }),
          entitlements: async () => ({ entitlements: [], nextPageToken: '' }),
        },
      },
    };
    const out = await syncToFile(connector);
    expect(out.result.outcome).toBe('succeeded');
    expect(out.stats.resources).toBe(3000);
  });
});
