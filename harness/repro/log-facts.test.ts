import { describe, expect, it } from 'vitest';
import { parseLog } from '../doctor/log/parse.js';
import { goDurationSeconds, logFacts } from './log-facts.js';

const json = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 'info', ts: 1777636800, logger: 'baton-microsoft-entra', caller: 'x/y.go:1', ...fields });
const facts = (...lines: string[]) => logFacts(parseLog(lines.join('\n')));

describe('goDurationSeconds', () => {
  it("reads Go's time.Duration text", () => {
    expect(goDurationSeconds('1s')).toBe(1);
    expect(goDurationSeconds('1.5s')).toBe(1.5);
    expect(goDurationSeconds('500ms')).toBe(0.5);
    expect(goDurationSeconds('2m0s')).toBe(120);
    expect(goDurationSeconds('1h2m3s')).toBe(3723);
  });

  it('refuses what is not one', () => {
    expect(goDurationSeconds('soon')).toBeUndefined();
    expect(goDurationSeconds('5')).toBeUndefined();
    expect(goDurationSeconds('5s later')).toBeUndefined();
  });
});

describe('logFacts', () => {
  it('keeps the largest count per resource type, with its line', () => {
    const f = facts(
      json({ msg: 'Synced resources', resource_type_id: 'user', count: 100 }),
      json({ msg: 'Synced resources', resource_type_id: 'user', count: 250 }),
      json({ msg: 'Synced resources', resource_type_id: 'group', count: 9 }),
    );
    expect(f.counts).toEqual({ user: { value: 250, line: 2 }, group: { value: 9, line: 3 } });
  });

  it('says how the sync ended, the last word winning', () => {
    expect(facts(json({ msg: 'Sync complete.' })).outcome).toEqual({ value: 'succeeded', line: 1 });
    expect(facts(json({ msg: 'x' }), json({ level: 'error', msg: 'sync failed', error: 'boom' })).outcome).toEqual({ value: 'failed', line: 2 });
    // A refused grant task is an error line, but not the end of a sync.
    expect(facts(json({ level: 'error', msg: 'error: resource type does not have provisioner configured' })).outcome).toBeUndefined();
  });

  it('tells whether a listing worked before the first error', () => {
    const before = facts(
      json({ msg: 'Synced resources', resource_type_id: 'user', count: 3 }),
      json({ level: 'error', msg: 'sync failed', error: 'x' }),
    );
    expect(before.workedBefore).toBe(true);
    expect(before.failure?.n).toBe(2);
    expect(
      facts(json({ level: 'error', msg: 'sync failed', error: 'x' }), json({ msg: 'Synced resources', resource_type_id: 'user', count: 3 }))
        .workedBefore,
    ).toBe(false);
  });

  it('counts throttled answers and retries, and takes the first wait when no Retry-After is logged', () => {
    const f = facts(
      json({ level: 'warn', msg: 'base-http-client: HTTP error status', status_code: 429 }),
      json({ level: 'warn', msg: 'retrying operation', error: '429 Too Many Requests', wait: '1.5s' }),
      json({ level: 'warn', msg: 'retrying operation', error: '429 Too Many Requests', wait: '3s' }),
      json({ msg: 'Synced resources', resource_type_id: 'group', count: 4 }),
    );
    expect(f.throttling).toEqual({ answers: 1, retries: 2, lines: [1, 2, 3], recovered: true, retryAfter: { value: 1.5, line: 2, how: 'wait' } });
  });

  it('prefers an explicit Retry-After, and sees a sync that never moved on', () => {
    const f = facts(
      json({ level: 'warn', msg: 'base-http-client: HTTP error status', status_code: 429, headers: 'Retry-After: 7' }),
      json({ level: 'error', msg: 'sync failed', error: 'context deadline exceeded' }),
    );
    expect(f.throttling?.retryAfter).toEqual({ value: 7, line: 1, how: 'retry-after' });
    expect(f.throttling?.recovered).toBe(false);
  });

  it('finds the refused call: its URL, and the permission or action it names', () => {
    const graph = facts(
      json({
        level: 'error',
        msg: 'sync failed',
        error: 'GET https://graph.microsoft.com/v1.0/groups?$top=999: 403 Forbidden: Authorization_RequestDenied',
      }),
    );
    expect(graph.refusal).toEqual({ line: 1, method: 'GET', url: 'https://graph.microsoft.com/v1.0/groups?$top=999' });
    const aws = facts(
      json({
        level: 'error',
        msg: 'sync failed',
        error: 'operation error IAM: ListRoles, https response error StatusCode: 403, api error AccessDenied: denied',
      }),
    );
    expect(aws.refusal?.permission).toBe('iam:ListRoles');
    const named = facts(json({ level: 'error', msg: 'sync failed', error: '403 Forbidden: missing Group.Read.All' }));
    expect(named.refusal?.permission).toBe('Group.Read.All');
  });

  it("names the listing of a page-token error, in the SDK's current and legacy wording", () => {
    expect(
      facts(
        json({
          level: 'error',
          msg: 'sync failed',
          error: 'listing resources failed: next page token unchanged (token=x, type=group, parent=) - likely a connector bug',
        }),
      ).listing,
    ).toEqual({ type: 'group', what: 'resources', line: 1 });
    expect(
      facts(
        json({
          level: 'error',
          msg: 'sync failed',
          error: 'error: listing grants for resource group/03x8 failed: next page token is the same as the current page token',
        }),
      ).listing,
    ).toEqual({ type: 'group', what: 'grants', line: 1 });
  });

  it('keeps the first AADSTS code', () => {
    expect(facts(json({ level: 'error', msg: 'x', error: 'AADSTS7000112: Application is disabled.' })).aadsts).toEqual({ value: '7000112', line: 1 });
  });
});
