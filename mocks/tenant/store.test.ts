import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../lib/errors.js';
import type Database from 'better-sqlite3';
import { generateTenant, generateTenantInMemory } from './generate.js';
import type { Membership, Page, PageRequest } from './model.js';
import { resolveShape } from './shape.js';
import { createTenant, openTenant, type SqliteTenantStore } from './store.js';

/** Every item of a paged listing, following `next` until it is absent; fails on a page that does not advance. */
function drain<T>(list: (page: PageRequest) => Page<T>, limit: number): { items: T[]; pages: number } {
  const items: T[] = [];
  let after: number | undefined;
  let pages = 0;
  for (;;) {
    const page = list({ after, limit });
    pages++;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (page.next === undefined) return { items, pages };
    expect(page.items.length).toBe(limit);
    expect(page.next).not.toBe(after);
    after = page.next;
  }
}

let tenant: SqliteTenantStore;
/** The same database, read directly: expectations come from SQL, not from the store code under test. */
let raw: Database.Database;
beforeAll(() => {
  raw = generateTenantInMemory(resolveShape({ seed: 9, users: 1000, groups: 40 })).database;
  tenant = openTenant(raw);
});
afterAll(() => tenant.close());

describe('SqliteTenantStore: paging', () => {
  it.each([1, 7, 100, 999, 1000, 5000])('returns every user exactly once in seq order with pages of %i', (limit) => {
    const { items, pages } = drain((p) => tenant.users(p), limit);
    expect(items.map((u) => u.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(pages).toBe(Math.max(1, Math.ceil(1000 / limit)));
  });

  it('a page of users holds the same users, field for field, as reading each one', () => {
    const { items } = tenant.users({ limit: 50 });
    expect(items).toHaveLength(50);
    for (const user of items) expect(user).toEqual(tenant.user(user.seq));
    expect(items.some((u) => !u.enabled)).toBe(true);
  });

  it('serves a page read again from its cache, frozen so no caller can change what others read', () => {
    const first = tenant.users({ after: 10, limit: 5 });
    const again = tenant.users({ after: 10, limit: 5 });
    expect(again).toEqual(first);
    expect(Object.isFrozen(again.items[0])).toBe(true);
    expect(() => {
      (again.items[0] as { displayName: string }).displayName = 'changed';
    }).toThrow(TypeError);
    expect(tenant.users({ after: 11, limit: 5 }).items[0]!.seq).toBe(12);
  });

  it('filters users by kind and enabled, still paging in seq order', () => {
    const guests = drain((p) => tenant.users(p, { kind: 'guest' }), 7).items;
    expect(guests.length).toBe(50);
    expect(guests.every((u) => u.kind === 'guest')).toBe(true);
    const disabled = drain((p) => tenant.users(p, { enabled: false }), 4).items;
    expect(disabled.length).toBe(30);
    expect(disabled.every((u) => u.enabled === false)).toBe(true);
    const enabledMembers = drain((p) => tenant.users(p, { kind: 'member', enabled: true }), 50).items;
    const seqs = enabledMembers.map((u) => u.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(enabledMembers.every((u) => u.kind === 'member' && u.enabled)).toBe(true);
    const membersTotal = drain((p) => tenant.users(p, { kind: 'member' }), 1000).items.length;
    expect(enabledMembers.length).toBe(membersTotal - disabled.filter((u) => u.kind === 'member').length);
  });

  it.each([1, 3, 50])('lists the members of a big group exactly once, users before groups, with pages of %i', (limit) => {
    const group = 1;
    const { items } = drain((p) => tenant.members(group, p), limit);
    const expected = [...memberSeqs(group, 'user').map((s) => `user:${s}`), ...memberSeqs(group, 'group').map((s) => `group:${s}`)];
    expect(items.map((m) => `${m.memberType}:${m.memberSeq}`)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100);
    expect(items.every((m) => m.groupSeq === group)).toBe(true);
  });

  it('pages groups, apps, policies, role and app-role assignments by seq', () => {
    const counts = tenant.counts();
    expect(drain((p) => tenant.groups(p), 6).items.map((g) => g.seq)).toEqual(range(counts.groups));
    expect(drain((p) => tenant.apps(p), 2).items.map((a) => a.seq)).toEqual(range(counts.apps));
    expect(drain((p) => tenant.policies(p), 3).items.map((a) => a.seq)).toEqual(range(counts.policies));
    expect(drain((p) => tenant.roleAssignments(p), 9).items.map((a) => a.seq)).toEqual(range(counts.roleAssignments));
    const perApp = range(counts.apps).flatMap((app) => drain((p) => tenant.appRoleAssignments(app, p), 11).items);
    expect(perApp.map((a) => a.seq).sort((a, b) => a - b)).toEqual(range(counts.appRoleAssignments));
  });

  it('filters role assignments by role and by principal', () => {
    const all = drain((p) => tenant.roleAssignments(p), 1000).items;
    const first = all[0]!;
    expect(drain((p) => tenant.roleAssignments(p, { roleSeq: first.roleSeq }), 2).items).toEqual(all.filter((a) => a.roleSeq === first.roleSeq));
    const filter = { principalType: first.principalType, principalSeq: first.principalSeq };
    expect(tenant.roleAssignments({ limit: 100 }, filter).items).toEqual(
      all.filter((a) => a.principalType === filter.principalType && a.principalSeq === filter.principalSeq),
    );
    expect(tenant.roleAssignments({ limit: 100 }, { principalType: 'group' }).items).toEqual(all.filter((a) => a.principalType === 'group'));
    expect(() => tenant.roleAssignments({ limit: 1 }, { principalSeq: 1 })).toThrow(RangeError);
  });

  it('rejects a nonsensical page request', () => {
    expect(() => tenant.users({ limit: 0 })).toThrow(RangeError);
    expect(() => tenant.users({ limit: 10, after: -1 })).toThrow(RangeError);
    expect(() => tenant.members(1, { limit: 1.5 })).toThrow(RangeError);
  });
});

describe('SqliteTenantStore: lookups', () => {
  it('finds a user by every provider id, UPN and mail, ignoring case for names and GUIDs', () => {
    const guest = tenant.users({ limit: 1 }, { kind: 'guest' }).items[0]!;
    for (const key of [
      guest.objectId,
      guest.objectId.toUpperCase(),
      guest.googleId,
      guest.awsId,
      guest.scimId,
      guest.userPrincipalName,
      guest.userPrincipalName.toUpperCase(),
      guest.mail.toUpperCase(),
    ]) {
      expect(tenant.findUser(key)?.seq, key).toBe(guest.seq);
    }
    expect(tenant.findUser('nobody@contoso.test')).toBeUndefined();
    expect(tenant.findUser('')).toBeUndefined();
  });

  it('finds a group by every provider id and mail, and never mistakes a user for one', () => {
    const group = tenant.group(3)!;
    for (const key of [group.objectId, group.googleId, group.awsId, group.scimId.toUpperCase(), group.mail.toUpperCase()]) {
      expect(tenant.findGroup(key)?.seq, key).toBe(3);
    }
    expect(tenant.findGroup(tenant.user(3)!.objectId)).toBeUndefined();
  });

  it('reads single entities, roles, app roles, owners and policy attachments', () => {
    expect(tenant.user(1)!.enabled).toBe(true);
    expect(tenant.user(1001)).toBeUndefined();
    expect(tenant.roles()).toHaveLength(12);
    expect(tenant.role(1)).toMatchObject({ displayName: 'Global Administrator', activated: true });
    expect(tenant.appRoles(1)[0]).toMatchObject({ appSeq: 1, id: '00000000-0000-0000-0000-000000000000' });
    const owners = tenant.owners(2);
    expect(owners.length).toBeGreaterThanOrEqual(1);
    expect(owners.every((u) => u.kind === 'member' && u.enabled)).toBe(true);
    const target = findAttachmentTarget();
    expect(tenant.policyAttachments(target).length).toBeGreaterThan(0);
    expect(tenant.policyAttachments(target).every((a) => a.targetType === target.targetType && a.targetSeq === target.targetSeq)).toBe(true);
  });
});

describe('SqliteTenantStore: member writes', () => {
  it('adds and removes members, visible in members(), memberOf() and counts()', () => {
    const t = createTenant({ seed: 2, users: 60, groups: 6 });
    try {
      const before = t.counts().memberships;
      const outsider = range(60).find((s) => !t.memberOf('user', s).some((m) => m.groupSeq === 5))!;
      const m: Membership = { groupSeq: 5, memberType: 'user', memberSeq: outsider };
      expect(t.addMember(m)).toBe(true);
      expect(t.addMember(m)).toBe(false);
      expect(drain((p) => t.members(5, p), 2).items).toContainEqual(m);
      expect(t.memberOf('user', outsider)).toContainEqual(m);
      expect(t.counts().memberships).toBe(before + 1);

      const existing = t.members(1, { limit: 1 }).items[0]!;
      expect(t.removeMember(existing)).toBe(true);
      expect(t.removeMember(existing)).toBe(false);
      expect(drain((p) => t.members(1, p), 3).items).not.toContainEqual(existing);
      expect(t.memberOf(existing.memberType, existing.memberSeq)).not.toContainEqual(existing);
      expect(t.counts().memberships).toBe(before);

      expect(t.addMember(existing)).toBe(true);
      expect(t.members(1, { limit: 1 }).items[0]).toEqual(existing);
      expect(t.removeMember(m)).toBe(true);
      expect(t.memberOf('user', outsider)).not.toContainEqual(m);
      expect(t.counts().memberships).toBe(before);
    } finally {
      t.close();
    }
  });

  it('lists added groups after users and resumes correctly across the two', () => {
    const t = createTenant({ seed: 2, users: 60, groups: 6, nestedGroupRatio: 0 });
    try {
      expect(t.addMember({ groupSeq: 1, memberType: 'group', memberSeq: 6 })).toBe(true);
      expect(t.addMember({ groupSeq: 1, memberType: 'group', memberSeq: 4 })).toBe(true);
      const items = drain((p) => t.members(1, p), 1).items;
      expect(items.slice(-2)).toEqual([
        { groupSeq: 1, memberType: 'group', memberSeq: 4 },
        { groupSeq: 1, memberType: 'group', memberSeq: 6 },
      ]);
      expect(items.slice(0, -2).every((m) => m.memberType === 'user')).toBe(true);
    } finally {
      t.close();
    }
  });

  it('refuses members that do not exist and a group inside itself', () => {
    expect(() => tenant.addMember({ groupSeq: 999, memberType: 'user', memberSeq: 1 })).toThrow(RangeError);
    expect(() => tenant.addMember({ groupSeq: 1, memberType: 'user', memberSeq: 5000 })).toThrow(RangeError);
    expect(() => tenant.addMember({ groupSeq: 2, memberType: 'group', memberSeq: 2 })).toThrow(RangeError);
  });

  it('reset() undoes every write', () => {
    const t = createTenant({ seed: 2, users: 60, groups: 6 });
    try {
      const before = drain((p) => t.members(2, p), 100).items;
      t.removeMember(before[0]!);
      t.addMember({ groupSeq: 2, memberType: 'group', memberSeq: 6 });
      t.reset();
      expect(drain((p) => t.members(2, p), 100).items).toEqual(before);
    } finally {
      t.close();
    }
  });
});

describe('openTenant', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tenant-store-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file without ever changing it, member writes included', async () => {
    const file = join(dir, 'tenant.db');
    await generateTenant(resolveShape({ seed: 4, users: 80 }), file);
    const bytes = readFileSync(file);
    const t = openTenant(file);
    expect(t.shape).toMatchObject({ seed: 4, users: 80 });
    expect(t.counts().users).toBe(80);
    const member = t.members(1, { limit: 1 }).items[0]!;
    expect(t.removeMember(member)).toBe(true);
    expect(t.members(1, { limit: 1 }).items[0]).not.toEqual(member);
    t.close();
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const again = openTenant(file);
    expect(again.members(1, { limit: 1 }).items[0]).toEqual(member);
    again.close();
  });

  it('says what is wrong with a missing or foreign file', () => {
    const missing = join(dir, 'missing.db');
    expect(() => openTenant(missing)).toThrow(UserError);
    expect(() => openTenant(missing)).toThrow(/missing\.db: no such tenant file/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not sqlite at all, just text that is long enough to look like a header');
    expect(() => openTenant(text)).toThrow(/notes\.txt: not a tenant database/);
    expect(() => openTenant(':memory:')).toThrow(UserError);
    expect(() => openTenant(dir)).toThrow(UserError);
  });

  it('rejects a SQLite file of another format', async () => {
    const file = join(dir, 'old.db');
    await generateTenant(resolveShape({ users: 5 }), file);
    const copy = join(dir, 'old-copy.db');
    copyFileSync(file, copy);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(copy);
    db.prepare(`UPDATE tenant_meta SET value = 'sync-harness-tenant/0' WHERE key = 'format'`).run();
    db.close();
    expect(() => openTenant(copy)).toThrow(/tenant format sync-harness-tenant\/0 is not sync-harness-tenant\/1/);
  });
});

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

function memberSeqs(groupSeq: number, type: 'user' | 'group'): number[] {
  return raw
    .prepare<[number, number], { s: number }>(`SELECT member_seq AS s FROM memberships WHERE group_seq = ? AND member_type = ? ORDER BY member_seq`)
    .all(groupSeq, type === 'user' ? 0 : 1)
    .map((r) => r.s);
}

function findAttachmentTarget(): { targetType: 'user' | 'group' | 'role'; targetSeq: number } {
  const row = raw
    .prepare<[], { targetSeq: number }>(`SELECT target_seq AS targetSeq FROM policy_attachments WHERE target_type = 'group' LIMIT 1`)
    .get()!;
  return { targetType: 'group', targetSeq: row.targetSeq };
}
