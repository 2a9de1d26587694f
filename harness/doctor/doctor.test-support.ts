/**
 * Hand-built run evidence for the doctor's tests: a small real tenant, a journal written the way the
 * simulators write it (seq in order, `at` on a virtual clock one second apart), and healthy baselines per
 * provider that each test bends into one fault.
 */
import type { JournalEntry } from '../../mocks/core/journal.js';
import type { TenantStore, TenantUser } from '../../mocks/tenant/model.js';
import { createTenant } from '../../mocks/tenant/store.js';
import type { RunEvidence, SyncedResource } from '../../reports/evidence.js';

const T0 = Date.parse('2026-05-01T12:00:00Z');

let shared: TenantStore | undefined;
/** One small tenant with every kind of user, shared by the tests (it is never changed). */
export function tenant(): TenantStore {
  return (shared ??= createTenant({ seed: 7, users: 24, groups: 4, guestRatio: 0.2, externalRatio: 0.1, serviceRatio: 0.1, disabledRatio: 0.1 }));
}

export function users(): TenantUser[] {
  return tenant().users({ limit: 1000 }).items;
}

type EntryInput = Omit<JournalEntry, 'seq' | 'at' | 'latencyMs' | 'provider'> & { provider?: string; at?: string; atSeconds?: number };

/** A journal in arrival order; each entry one virtual second after the previous unless `atSeconds` says. */
export class JournalBuilder {
  readonly entries: JournalEntry[] = [];
  private clock = 0;

  constructor(private readonly provider: string) {}

  add(input: EntryInput): this {
    const { atSeconds, provider, at, ...rest } = input;
    this.clock = atSeconds ?? this.clock + 1;
    this.entries.push({
      provider: provider ?? this.provider,
      latencyMs: 1,
      ...rest,
      seq: this.entries.length + 1,
      at: at ?? new Date(T0 + this.clock * 1000).toISOString(),
    });
    return this;
  }

  get(url: string, route: string, status = 200, extra: Partial<EntryInput> = {}): this {
    return this.add({ method: 'GET', url, route, status, ...extra });
  }
}

export function userResource(u: TenantUser, id: (u: TenantUser) => string = (x) => x.objectId, type = 'user'): SyncedResource {
  return { type, id: id(u), rawId: id(u), login: u.userPrincipalName, email: u.mail };
}

/** A clean Entra sync: token, users, groups and their members, all listed in one page each. */
export function healthyEntra(): RunEvidence {
  const t = tenant();
  const groups = t.groups({ limit: 100 }).items;
  const journal = new JournalBuilder('entra')
    .add({ method: 'POST', url: `/${t.shape.tenantId}/oauth2/v2.0/token`, route: 'entra.token', status: 200 })
    .get('/v1.0/users?$select=id,displayName,userPrincipalName,mail&$top=999', 'graph.users.list', 200, { items: users().length })
    .get('/v1.0/groups?$select=id,displayName,mail&$top=999', 'graph.groups.list', 200, { items: groups.length });
  for (const g of groups) journal.get(`/beta/groups/${g.objectId}/members?$select=id`, 'graph.groups.members.list', 200, { items: 2 });
  const resources = [...users().map((u) => userResource(u)), ...groups.map((g) => ({ type: 'group', id: g.objectId, rawId: g.objectId }))];
  const first = users()[0]!;
  return {
    provider: 'entra',
    granted: ['User.Read.All', 'Group.Read.All', 'GroupMember.Read.All'],
    writeBack: false,
    journal: journal.entries,
    log: [],
    outcome: 'succeeded',
    sync: {
      resourceTypes: ['user', 'group'],
      resources,
      grants: [
        {
          id: `group:${groups[0]!.objectId}:member:user:${first.objectId}`,
          entitlementId: `group:${groups[0]!.objectId}:member`,
          principalType: 'user',
          principalId: first.objectId,
        },
      ],
      entitlements: groups.length * 2,
    },
    completeness: { missing: [], extra: [] },
    tenant: t,
    memory: {
      peakHeapBytes: 40e6,
      retained: [
        { users: 1000, bytes: 5_000_000 },
        { users: 10_000, bytes: 5_100_000 },
      ],
    },
    actions: [],
  };
}

/** A clean Google sync. */
export function healthyGoogle(): RunEvidence {
  const base = healthyEntra();
  const journal = new JournalBuilder('google')
    .add({ method: 'POST', url: '/token', route: 'google.token', status: 200 })
    .get('/admin/directory/v1/users?customer=my_customer&maxResults=200&orderBy=email&projection=full', 'google.users.list', 200, {
      items: users().length,
    })
    .get('/admin/directory/v1/groups?customer=my_customer&maxResults=200', 'google.groups.list', 200, { items: 4 })
    .get('/admin/directory/v1/groups/g1/members?maxResults=200', 'google.members.list', 200, { items: 3 });
  return {
    ...base,
    provider: 'google',
    granted: ['https://www.googleapis.com/auth/admin.directory.user.readonly', 'https://www.googleapis.com/auth/admin.directory.group.readonly'],
    journal: journal.entries,
    sync: {
      ...base.sync!,
      resources: base.sync!.resources.map((r) =>
        r.type === 'user' ? userResource(users().find((u) => u.objectId === r.id)!, (u) => u.googleId) : r,
      ),
      grants: [],
    },
  };
}

/** A clean AWS IAM sync (ids are ARNs; the Query API's parameters travel in the POST body). */
export function healthyAws(): RunEvidence {
  const base = healthyEntra();
  const journal = new JournalBuilder('aws')
    .add({ method: 'POST', url: '/', route: 'sts.GetCallerIdentity', status: 200 })
    .add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 200, items: 20 })
    .add({ method: 'POST', url: '/', route: 'iam.ListUsers', status: 200, items: 4 })
    .add({ method: 'POST', url: '/', route: 'iam.ListGroups', status: 200, items: 4 });
  return { ...base, provider: 'aws', granted: ['iam:List*', 'iam:Get*'], journal: journal.entries, sync: { ...base.sync!, grants: [] } };
}

/** A clean SCIM sync. */
export function healthyScim(): RunEvidence {
  const base = healthyEntra();
  const journal = new JournalBuilder('scim')
    .get('/scim/v2/Users?startIndex=1&count=100', 'scim.users.list', 200, { items: users().length })
    .get('/scim/v2/Groups?startIndex=1&count=100', 'scim.groups.list', 200, { items: 4 });
  return { ...base, provider: 'scim', granted: [], journal: journal.entries, sync: { ...base.sync!, grants: [] } };
}
