import { describe, expect, it } from 'vitest';
import { Journal, isSecretHeader, redactUrl } from './journal.js';

describe('journal', () => {
  it('redacts secret query values but keeps page tokens', () => {
    expect(redactUrl('https://h.test/token?client_secret=s3cr3t&scope=x&$skiptoken=abc&code=42')).toBe(
      '/token?client_secret=REDACTED&scope=x&$skiptoken=abc&code=REDACTED',
    );
    expect(redactUrl(new URL('https://h.test/v1.0/users?pageToken=p1&$select=id,displayName'))).toBe(
      '/v1.0/users?pageToken=p1&$select=id,displayName',
    );
    expect(redactUrl('https://h.test/x?client%5Fsecret=a')).toBe('/x?client%5Fsecret=REDACTED');
  });

  it('knows which headers are secrets', () => {
    expect(['Authorization', 'x-amz-security-token', 'Cookie'].every(isSecretHeader)).toBe(true);
    expect(isSecretHeader('x-ms-client-request-id')).toBe(false);
  });

  it('numbers entries, queries them and writes JSON lines', () => {
    const journal = new Journal();
    const seen: number[] = [];
    journal.onRecord((e) => seen.push(e.seq));
    const base = { provider: 'entra', method: 'GET', latencyMs: 1, at: '2026-01-01T00:00:00.000Z' };
    journal.record({ ...base, route: 'graph.users.list', url: 'https://g.test/v1.0/users', status: 200, items: 100 });
    journal.record({ ...base, route: 'graph.users.list', url: 'https://g.test/v1.0/users', status: 429, fault: 'throttle:every=2' });
    journal.record({ ...base, route: 'graph.groups.list', url: 'https://g.test/v1.0/groups', status: 200 });
    expect(seen).toEqual([1, 2, 3]);
    expect(journal.query({ route: /^graph\.users/ }).map((e) => e.status)).toEqual([200, 429]);
    expect(journal.query({ fault: true }).map((e) => e.seq)).toEqual([2]);
    const lines = journal
      .toJsonLines()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ seq: 1, url: '/v1.0/users', items: 100 });
  });
});
