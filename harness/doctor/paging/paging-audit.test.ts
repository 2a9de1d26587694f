import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../../reports/evidence.js';
import { diagnose } from '../index.js';
import { healthyAws, healthyEntra, healthyGoogle, healthyScim, JournalBuilder } from '../doctor.test-support.js';

const finding = (ev: RunEvidence, id: string) => diagnose(ev).findings.find((f) => f.id === id);
const ids = (ev: RunEvidence) => diagnose(ev).findings.map((f) => f.id);
const withJournal = (base: RunEvidence, journal: JournalBuilder): RunEvidence => ({ ...base, journal: journal.entries });

describe('next-page-not-requested', () => {
  it('Graph: a nextLink never followed, whatever the page size', () => {
    const j = new JournalBuilder('entra')
      .get('/v1.0/users?$top=50', 'graph.users.list', 200, { items: 50, page: { next: 'TOK1' } })
      .get('/v1.0/groups', 'graph.groups.list', 200, { items: 4, page: {} });
    const f = finding(withJournal(healthyEntra(), j), 'next-page-not-requested')!;
    expect(f.evidence[0]).toContain('graph.users.list /v1.0/users');
    expect(f.evidence[0]).toContain('@odata.nextLink');
    expect(f.evidence[1]).toMatch(/^#1 GET \/v1.0\/users\?\$top=50 -> 200: 50 item\(s\)/);
  });

  it('IAM: a short page still truncated is not the end', () => {
    const j = new JournalBuilder('aws')
      .add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 200, items: 37, page: { next: 'M1', asked: { MaxItems: '100' } } })
      .add({ method: 'POST', url: '/', route: 'iam.ListGroups', status: 200, items: 4, page: { asked: {} } });
    const f = finding(withJournal(healthyAws(), j), 'next-page-not-requested')!;
    expect(f.evidence[0]).toContain('held 37 of the 100 asked');
    expect(f.evidence[0]).toContain('IsTruncated=true with a Marker');
  });

  it('SCIM: a total beyond the page with no next startIndex', () => {
    const j = new JournalBuilder('scim').get('/scim/v2/Users?startIndex=1&count=10', 'scim.users.list', 200, { items: 10, page: { total: 24 } });
    expect(finding(withJournal(healthyScim(), j), 'next-page-not-requested')!.evidence[0]).toContain('startIndex 11');
  });

  it('not when every continuation was followed, or the listing is a different parent', () => {
    const j = new JournalBuilder('google')
      .get('/admin/directory/v1/users?customer=my_customer&maxResults=10', 'google.users.list', 200, { items: 10, page: { next: 'P2' } })
      .get('/admin/directory/v1/users?customer=my_customer&maxResults=10&pageToken=P2', 'google.users.list', 200, { items: 4, page: {} })
      .get('/admin/directory/v1/groups/g1/members', 'google.members.list', 200, { items: 1, page: {} });
    expect(ids(withJournal(healthyGoogle(), j))).toEqual([]);
  });

  it('not when the run failed before it could follow', () => {
    const j = new JournalBuilder('entra')
      .get('/v1.0/users', 'graph.users.list', 200, { items: 100, page: { next: 'T' } })
      .add({ method: 'POST', url: '/t/oauth2/v2.0/token', route: 'entra.token', status: 401 });
    expect(ids({ ...withJournal(healthyEntra(), j), outcome: 'failed', error: 'token refused' })).not.toContain('next-page-not-requested');
  });
});

describe('page-requested-again', () => {
  it('the same token sent again, and a loop', () => {
    const j = new JournalBuilder('entra').get('/v1.0/users', 'graph.users.list', 200, { items: 100, page: { next: 'A' } });
    for (let i = 0; i < 3; i++) j.get('/v1.0/users?$skiptoken=A', 'graph.users.list', 200, { items: 100, page: { next: 'B' } });
    const f = finding(withJournal(healthyEntra(), j), 'page-requested-again')!;
    expect(f.evidence[0]).toContain('looped: 2 pages asked again');
    expect(f.evidence[1]).toContain('first: #2');
    expect(f.evidence[2]).toContain('again: #3');
  });

  it('then stopped', () => {
    const j = new JournalBuilder('scim')
      .get('/scim/v2/Users?startIndex=1&count=10', 'scim.users.list', 200, { items: 10, page: { total: 20 } })
      .get('/scim/v2/Users?startIndex=1&count=10', 'scim.users.list', 200, { items: 10, page: { total: 20 } });
    expect(finding(withJournal(healthyScim(), j), 'page-requested-again')!.evidence[0]).toContain('then stopped');
  });

  it('not for a retry after a failure, a provider handing the token back, or a second full pass', () => {
    const j = new JournalBuilder('entra')
      .get('/v1.0/users', 'graph.users.list', 200, { items: 100, page: { next: 'A' } })
      .get('/v1.0/users?$skiptoken=A', 'graph.users.list', 429)
      .get('/v1.0/users?$skiptoken=A', 'graph.users.list', 200, { items: 100, page: { next: 'A' } })
      .get('/v1.0/users?$skiptoken=A', 'graph.users.list', 200, { items: 1, page: {} })
      .get('/v1.0/users', 'graph.users.list', 200, { items: 100, page: { next: 'A' } })
      .get('/v1.0/users?$skiptoken=A', 'graph.users.list', 200, { items: 1, page: {} });
    expect(ids(withJournal(healthyEntra(), j))).not.toContain('page-requested-again');
  });
});

describe('page-offset-gap and page-offset-overlap', () => {
  it('advancing by the count asked when the server served fewer skips items', () => {
    const j = new JournalBuilder('scim')
      .get('/scim/v2/Users?startIndex=1&count=500', 'scim.users.list', 200, { items: 100, page: { total: 150 } })
      .get('/scim/v2/Users?startIndex=501&count=500', 'scim.users.list', 200, { items: 0, page: { total: 150 } });
    const ev = { ...withJournal(healthyScim(), j), completeness: { missing: ['user:u101'], extra: [] } };
    const f = finding(ev, 'page-offset-gap')!;
    expect(f.evidence[0]).toContain('items 101-500 (400) were never read');
    expect(f.evidence[0]).toContain('asked count=500 and got 100');
    expect(f.evidence[3]).toContain('user:u101');
    expect(ids(ev)).toContain('page-size-over-cap');
  });

  it('a 0-based second page reads one item twice', () => {
    const j = new JournalBuilder('scim')
      .get('/scim/v2/Users?startIndex=1&count=10', 'scim.users.list', 200, { items: 10, page: { total: 15 } })
      .get('/scim/v2/Users?startIndex=10&count=10', 'scim.users.list', 200, { items: 6, page: { total: 15 } });
    expect(finding(withJournal(healthyScim(), j), 'page-offset-overlap')!.evidence[0]).toContain('items 10-10 (1) were read twice');
  });
});

describe('page-size-over-cap', () => {
  it("names the listing's cap from the provider's dialect", () => {
    const j = new JournalBuilder('google').get('/admin/directory/v1/groups?customer=my_customer&maxResults=500', 'google.groups.list', 400);
    const f = finding(withJournal(healthyGoogle(), j), 'page-size-over-cap')!;
    expect(f.evidence[0]).toBe('google.groups.list: asked maxResults=500, above its cap of 200; the provider refused it (1 request(s))');
    const users = new JournalBuilder('google').get('/admin/directory/v1/users?customer=my_customer&maxResults=500', 'google.users.list', 200, {
      items: 24,
      page: {},
    });
    expect(ids(withJournal(healthyGoogle(), users))).not.toContain('page-size-over-cap');
  });
});
