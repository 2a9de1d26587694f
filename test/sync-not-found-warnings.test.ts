/**
 * A 404 is a warning: the listing is skipped and the sync goes on. Past 10 warnings that are also more
 * than 10 % of completed actions, the sync stops with the SDK's `too many warnings, exiting sync`.
 */
import { describe, expect, it } from 'vitest';
import { ConnectorHttpError } from '../c1z/contract/sync-errors.js';
import { fakeDirectory, type FakeCall } from '../harness/sync/fake-connector.test-support.js';
import { syncToFile } from '../harness/sync/test-kit.test-support.js';

describe('404 warnings', () => {
  it('skips the one listing and syncs the rest', async () => {
    const gone = (c: FakeCall) => {
      if (c.op === 'grants' && c.resourceId === 'g2') throw new ConnectorHttpError(404);
    };
    const out = await syncToFile(fakeDirectory({ users: 2, groups: 3, before: gone }));
    expect(out.result.outcome).toBe('succeeded');
    expect(out.result.warnings.map((w) => w.message)).toEqual(['404 Not Found']);
    expect(out.stats.grants).toBe(4);
    expect(out.grantIds.some((id) => id.startsWith('group:g2:'))).toBe(false);
    expect(out.syncs[0]?.endedAt).toBeDefined();
    expect(out.logs).toContainEqual({ level: 'warn', msg: 'skipping action after a warning', error: '404 Not Found', action: 'grants group/g2' });
    expect(out.sleeps).toEqual([]);
  });

  it('warns for a type with no syncer, as the SDK builder answers NotFound', async () => {
    const base = fakeDirectory({ users: 1, groups: 1 });
    const out = await syncToFile({ ...base, syncers: { user: base.syncers.user! } });
    expect(out.result.outcome).toBe('succeeded');
    expect(out.result.warnings.map((w) => w.message)).toEqual(['error: list resources with unknown resource type group']);
    expect(out.stats.resources).toBe(1);
  });

  it('tolerates 10 warnings however many actions failed', async () => {
    const gone = (c: FakeCall) => {
      if (c.op === 'grants' && c.type === 'group') throw new ConnectorHttpError(404);
    };
    const out = await syncToFile(fakeDirectory({ users: 0, groups: 10, before: gone }));
    expect(out.result.outcome).toBe('succeeded');
    expect(out.result.warnings).toHaveLength(10);
  });

  it('stops at the 11th warning when warnings exceed 10 % of completed actions', async () => {
    const gone = (c: FakeCall) => {
      if (c.op === 'grants' && c.type === 'group') throw new ConnectorHttpError(404);
    };
    const out = await syncToFile(fakeDirectory({ users: 0, groups: 12, before: gone }));
    expect(out.result.outcome).toBe('failed');
    // 1 resource-type action, 2 resource listings, 12 entitlement listings, 11 warned grant listings.
    expect(out.result.outcome === 'failed' && out.result.error.message).toBe(
      `too many warnings, exiting sync: warnings: [${Array(11).fill('404 Not Found').join(' ')}] completed actions: 26`,
    );
    expect(out.result.warnings).toHaveLength(11);
    expect(out.syncs[0]?.endedAt).toBeUndefined();
  });

  it('goes on past 10 warnings while they stay within 10 % of completed actions', async () => {
    // g111…g121 missing among 121 groups: over 250 completed actions by the time the 11th warning comes.
    const gone = (c: FakeCall) => {
      if (c.op === 'grants' && c.type === 'group' && Number(c.resourceId?.slice(1)) > 110) throw new ConnectorHttpError(404);
    };
    const out = await syncToFile(fakeDirectory({ users: 0, groups: 121, pageSize: 50, before: gone }));
    expect(out.result.outcome).toBe('succeeded');
    expect(out.result.warnings).toHaveLength(11);
  });

  it('does not fail on a warning from the very last action, as the SDK checks before each action', async () => {
    const gone = (c: FakeCall) => {
      if (c.op === 'grants' && c.type === 'group' && c.resourceId !== 'g1') throw new ConnectorHttpError(404);
    };
    const out = await syncToFile(fakeDirectory({ users: 0, groups: 12, before: gone }));
    expect(out.result.warnings).toHaveLength(11);
    expect(out.result.outcome).toBe('succeeded');
  });

  it('honours a lower maxWarnings', async () => {
    const gone = (c: FakeCall) => {
      if (c.op === 'grants' && c.type === 'group') throw new ConnectorHttpError(404);
    };
    const out = await syncToFile(fakeDirectory({ users: 0, groups: 5, before: gone }), { maxWarnings: 2 });
    expect(out.result.outcome === 'failed' && out.result.error.message).toMatch(/^too many warnings, exiting sync: /);
    expect(out.result.warnings).toHaveLength(3);
  });
});
