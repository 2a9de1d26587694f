import { describe, expect, it } from 'vitest';
import type { RunEvidence, SyncedResource } from '../../reports/evidence.js';
import { diagnose } from './index.js';
import { healthyEntra, JournalBuilder, userResource, users } from './doctor.test-support.js';

const ids = (ev: RunEvidence) => diagnose(ev).findings.map((f) => f.id);
const finding = (ev: RunEvidence, id: string) => diagnose(ev).findings.find((f) => f.id === id);
const withResources = (ev: RunEvidence, resources: SyncedResource[]): RunEvidence => ({ ...ev, sync: { ...ev.sync!, resources } });

describe('empty-sync', () => {
  it('a successful sync with no resources', () => {
    const ev = healthyEntra();
    const run = { ...ev, sync: { ...ev.sync!, resources: [], grants: [] } };
    expect(finding(run, 'empty-sync')!.title).toBe('Empty sync: the sync succeeded but wrote no resources');
  });

  it('not for a healthy sync, nor a failed one', () => {
    const ev = healthyEntra();
    expect(ids(ev)).not.toContain('empty-sync');
    expect(ids({ ...ev, outcome: 'failed', sync: { ...ev.sync!, resources: [], grants: [] } })).not.toContain('empty-sync');
  });
});

describe('no-identities', () => {
  it('groups synced but no users while the tenant has some (a sign-in only grant)', () => {
    const ev = healthyEntra();
    const run = {
      ...ev,
      granted: ['User.Read', 'Group.Read.All'],
      sync: { ...ev.sync!, resources: ev.sync!.resources.filter((r) => r.type !== 'user'), grants: [] },
    };
    const f = finding(run, 'no-identities')!;
    expect(f.title).toBe('No identities: the sync wrote no user resources though the tenant has 24 users');
    expect(f.evidence[0]).toBe('granted: User.Read, Group.Read.All');
  });

  it('not when users were synced', () => {
    expect(ids(healthyEntra())).not.toContain('no-identities');
  });
});

describe('identities-filtered', () => {
  const guests = () => users().filter((u) => u.kind === 'guest');
  const withoutGuests = (url: string): RunEvidence => {
    const ev = healthyEntra();
    const journal = new JournalBuilder('entra').get(url, 'graph.users.list', 200, { items: users().length - guests().length }).entries;
    const kept = ev.sync!.resources.filter((r) => !guests().some((g) => g.objectId === r.id));
    return {
      ...ev,
      journal,
      sync: { ...ev.sync!, resources: kept },
      completeness: { missing: guests().map((g) => `user:${g.objectId}`), extra: [] },
    };
  };

  it('names the kind when the missing users are all guests and the listing filters', () => {
    expect(guests().length).toBeGreaterThan(0);
    const f = finding(withoutGuests("/v1.0/users?$filter=userType eq 'Member'&$top=999"), 'identities-filtered')!;
    expect(f.title).toBe(`Identities filtered: ${guests().length} guest user(s) missing, and the connector filters its listings`);
    expect(f.evidence[0]).toBe("#1 GET /v1.0/users?$filter=userType eq 'Member'&$top=999 -> 200");
  });

  it('not without a filter in any request, nor when the missing users are of mixed kinds', () => {
    expect(ids(withoutGuests('/v1.0/users?$top=999'))).not.toContain('identities-filtered');
    const mixed = withoutGuests("/v1.0/users?$filter=userType eq 'Member'");
    const member = users().find((u) => u.kind === 'member' && u.enabled)!;
    expect(ids({ ...mixed, completeness: { missing: [...mixed.completeness!.missing, `user:${member.objectId}`], extra: [] } })).not.toContain(
      'identities-filtered',
    );
  });
});

describe('duplicate-identities', () => {
  it('two user resources with the same login', () => {
    const ev = healthyEntra();
    const u = users()[3]!;
    const f = finding(withResources(ev, [...ev.sync!.resources, userResource(u, (x) => x.userPrincipalName)]), 'duplicate-identities')!;
    expect(f.evidence[0]).toBe(`login ${u.userPrincipalName.toLowerCase()}: user:${u.objectId}, user:${u.userPrincipalName}`);
  });

  it('an extra id that maps to a person also synced under their proper id', () => {
    const ev = healthyEntra();
    const u = users()[5]!;
    const run = {
      ...withResources(ev, [...ev.sync!.resources, { type: 'user', id: u.mail, rawId: u.mail }]),
      completeness: { missing: [], extra: [`user:${u.mail}`] },
    };
    expect(finding(run, 'duplicate-identities')!.evidence).toContain(
      `extra user:${u.mail} is ${u.userPrincipalName}, also synced as user:${u.objectId}`,
    );
  });

  it('not for distinct people', () => {
    expect(ids(healthyEntra())).not.toContain('duplicate-identities');
  });
});

describe('missing-raw-id', () => {
  it('counts user and group resources without a RawId', () => {
    const ev = healthyEntra();
    const resources = ev.sync!.resources.map((r, i) => (i < 3 ? { ...r, rawId: undefined } : r));
    expect(finding(withResources(ev, resources), 'missing-raw-id')!.title).toBe('Missing RawId: 3 user/group resource(s) carry no RawId annotation');
  });

  it('not when every one has it', () => {
    expect(ids(healthyEntra())).not.toContain('missing-raw-id');
  });
});

describe('resource-type-mismatch', () => {
  it('a grant principal typed User where resources are user', () => {
    const ev = healthyEntra();
    const grants = ev.sync!.grants.map((g) => ({ ...g, principalType: 'User' }));
    const f = finding({ ...ev, sync: { ...ev.sync!, grants } }, 'resource-type-mismatch')!;
    expect(f.evidence[0]).toMatch(/principal User:\S+ is not a synced resource \(resource type is "user", not "User"\)/);
  });

  it('not when every principal is a synced resource', () => {
    expect(ids(healthyEntra())).not.toContain('resource-type-mismatch');
  });
});
