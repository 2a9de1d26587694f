import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../mocks/core/journal.js';
import { createContext } from './context.js';
import type { Finding, RunEvidence } from '../../reports/evidence.js';
import { rejectedRequestDetector } from './rejected.js';
import { healthyAws, healthyEntra, healthyGoogle, JournalBuilder } from './doctor.test-support.js';

function detect(base: RunEvidence, add: (j: JournalBuilder) => void): Finding | undefined {
  const journal = new JournalBuilder(base.provider);
  add(journal);
  return rejectedRequestDetector(createContext({ ...base, journal: journal.entries })) as Finding | undefined;
}

const refused = (code: string, message: string): Partial<JournalEntry> => ({ refusal: { code, message } });

describe('request-rejected', () => {
  it("quotes the provider's words, names the parameter its message names, and says what it takes instead", () => {
    const f = detect(healthyEntra(), (j) =>
      j.get(
        "/v1.0/users?$filter=endswith(mail,'.com')",
        'graph.users.list',
        400,
        refused('Request_UnsupportedQuery', "Unsupported Query. Property 'mail' in $filter"),
      ),
    )!;
    expect(f.id).toBe('request-rejected');
    expect(f.evidence[0]).toBe(
      `graph.users.list: Request_UnsupportedQuery: "Unsupported Query. Property 'mail' in $filter" (parameter $filter); 1 request(s)`,
    );
    expect(f.evidence[1]).toBe("#1 GET /v1.0/users?$filter=endswith(mail,'.com') -> 400");
    expect(f.fix[0]).toMatch(/^\$filter: the provider supports .*ConsistencyLevel: eventual/);
  });

  it('names the parameter whose value the message quotes when it names none (Google query)', () => {
    const f = detect(healthyGoogle(), (j) =>
      j.get(
        '/admin/directory/v1/users?customer=my_customer&query=lastLoginTime%3A2024-01-01',
        'google.users.list',
        400,
        refused('invalid', 'Invalid Input: lastLoginTime:2024-01-01'),
      ),
    )!;
    expect(f.evidence[0]).toContain('(parameter query)');
  });

  it("falls back to the advice's parameter, from a body-carried request's journaled parameters too", () => {
    const f = detect(healthyAws(), (j) =>
      j.add({
        method: 'POST',
        url: '/',
        route: 'identitystore.ListUsers',
        status: 400,
        page: { asked: { IdentityStoreId: 'd-1234567890', NextToken: 'abc' } },
        ...refused('ValidationException', 'Invalid NextToken.'),
      }),
    )!;
    // "NextToken" is in the message: named. Without it, the advice for a token refusal names it.
    expect(f.evidence[0]).toContain('(parameter NextToken)');
    const advised = detect(healthyAws(), (j) =>
      j.add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 400, ...refused('ValidationError', 'Invalid Marker.') }),
    )!;
    expect(advised.evidence[0]).toBe('iam.ListUsers: ValidationError: "Invalid Marker." (parameter Marker); 1 request(s)');
  });

  it('groups the same refusal of one route, and gives only the general fix when the provider has no advice for the code', () => {
    const f = detect(healthyGoogle(), (j) => {
      j.get('/admin/directory/v1/groups?x=1', 'google.groups.list', 400, refused('weird', 'Something odd.'));
      j.get('/admin/directory/v1/groups?x=2', 'google.groups.list', 400, refused('weird', 'Something odd.'));
    })!;
    expect(f.evidence[0]).toBe('google.groups.list: weird: "Something odd."; 2 request(s)');
    expect(f.fix).toEqual(['Build the request the way the provider documents it; the refusal above quotes what it objected to.']);
  });

  it('leaves out refusals a fault caused, permission and throttle codes, and the token endpoint', () => {
    expect(
      detect(healthyGoogle(), (j) =>
        j.get('/admin/directory/v1/users?pageToken=x', 'google.users.list', 400, {
          ...refused('invalid', 'Invalid pageToken'),
          fault: 'bad-pagination',
        }),
      ),
    ).toBeUndefined();
    expect(
      detect(healthyAws(), (j) =>
        j.add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 403, ...refused('AccessDenied', 'not authorized') }),
      ),
    ).toBeUndefined();
    expect(
      detect(healthyAws(), (j) =>
        j.add({ method: 'POST', url: '/', route: 'identitystore.ListUsers', status: 400, ...refused('ThrottlingException', 'Rate exceeded') }),
      ),
    ).toBeUndefined();
    expect(
      detect(healthyGoogle(), (j) =>
        j.add({ method: 'POST', url: '/token', route: 'google.token', status: 400, ...refused('invalid_grant', 'Invalid JWT Signature.') }),
      ),
    ).toBeUndefined();
  });

  it('no refusal, no finding', () => {
    expect(detect(healthyEntra(), (j) => j.get('/v1.0/users', 'graph.users.list', 500))).toBeUndefined();
  });
});
