import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { journalDialect } from './journal-dialect.js';
import { requestLine } from './journal-facts.js';
import { healthyEntra, JournalBuilder, users } from './doctor.test-support.js';

describe('a provider with no journal hooks reads as plain REST', () => {
  // Not registered, so no descriptor and no hook: what a new provider gets before it says otherwise.
  const rest = journalDialect('okta');

  it('GET reads, other methods write; 403 is a refused permission, 401 a refused credential', () => {
    expect(rest.reads('okta.users.list', 'get')).toBe(true);
    expect(rest.reads('okta.groups.members.add', 'PUT')).toBe(false);
    const grant = rest.grant(['okta.users.read']);
    const kinds = [403, 401, 400, 500].map((status) => rest.refusal('okta.users.list', status, grant));
    expect(kinds).toEqual(['permission', 'credential', undefined, undefined]);
    expect(grant.allows('okta.users.read')).toBe(true);
    expect(grant.allows('okta.users.*')).toBe(false);
    expect(rest.operationInBody).toBe(false);
    expect(rest.delegation).toBeUndefined();
  });

  it('`<api>.<things>.get` reads one of what `<api>.<things>.list` lists', () => {
    expect(rest.itemRead('okta.users.get', '/api/v1/users/1')).toEqual({ list: 'okta.users.list', kind: 'user' });
    expect(rest.itemRead('okta.apps.get', '/api/v1/apps/1')).toEqual({ list: 'okta.apps.list', kind: 'other' });
    expect(rest.itemRead('okta.users.list', '/api/v1/users')).toBeNull();
  });

  it('its request line is the URL, and the doctor finds its N+1 with no doctor edit', () => {
    const journal = new JournalBuilder('okta').get('/api/v1/users?limit=200', 'okta.users.list', 200, { items: users().length });
    for (const u of users()) journal.get(`/api/v1/users/${u.objectId}`, 'okta.users.get');
    expect(requestLine(journal.entries[1]!)).toBe(`#2 GET /api/v1/users/${users()[0]!.objectId} -> 200`);
    const run: RunEvidence = { ...healthyEntra(), journal: journal.entries };
    const f = diagnose(run).findings.find((x) => x.id === 'n-plus-one');
    expect(f?.evidence[0]).toBe('okta.users.get: 24 calls for 24 listed item(s) (okta.users.list)');
  });
});

describe('the registered providers keep their own readings', () => {
  it('AWS names a request by its route, and reads by action', () => {
    const aws = journalDialect('aws');
    const entry = { seq: 3, provider: 'aws', method: 'POST', url: '/', route: 'iam.ListUsers', status: 200, at: '', latencyMs: 1 };
    expect(requestLine(entry)).toBe('#3 POST / iam.ListUsers -> 200');
    expect(aws.reads('identitystore.DescribeUser', 'POST')).toBe(true);
    expect(aws.reads('iam.RemoveUserFromGroup', 'POST')).toBe(false);
  });

  it('Google holds a delegation, Entra none', () => {
    expect(journalDialect('google').delegation?.unreadable(['https://www.googleapis.com/auth/admin.directory.user.readonly'])).not.toEqual([]);
    expect(journalDialect('entra').delegation).toBeUndefined();
  });
});
