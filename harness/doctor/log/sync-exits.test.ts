import { describe, expect, it } from 'vitest';
import { parseLog } from './parse.js';
import { syncExitDetectors } from './sync-exits.js';

function findings(log: string) {
  const context = { lines: parseLog(log), provider: undefined };
  return syncExitDetectors.map((d) => d(context)).filter((f) => f !== undefined);
}

const line = (msg: string, fields: Record<string, unknown> = {}) => JSON.stringify({ level: 'error', ts: 1777636800, msg, ...fields });

describe('the SDK syncer exits', () => {
  it('the warning-ratio exit without its skip lines or count still names the limit', () => {
    const [f] = findings(line('sync failed', { error: 'too many warnings, exiting sync' }));
    expect(f!.id).toBe('too-many-warnings');
    expect(f!.title).toBe('Too many warnings: the SDK stopped the sync after more than 10 skipped actions (its limit: over 10, and over 10%)');
  });

  it('skip lines alone are not an exit', () => {
    expect(findings(line('skipping sync grant action', { error: 'rpc error: code = NotFound' }))).toEqual([]);
  });

  it("ErrSyncNotComplete's text is the run-duration exit too", () => {
    const [f] = findings(line('sync failed', { error: 'sync exited without finishing' }));
    expect(f!.id).toBe('sync-unfinished');
  });
});
