/**
 * Every query the store runs is an index seek. A query that scans would still pass every functional test
 * on a small tenant and then take seconds per page on a million users; EXPLAIN QUERY PLAN catches it here.
 */
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTenantInMemory } from './generate.js';
import { resolveShape } from './shape.js';
import { openTenant } from './store.js';

/** Tables that grow with the tenant; scanning one is a bug. (roles and tenant_meta are a handful of rows.) */
const LARGE = [
  'users',
  'groups',
  'memberships',
  'group_owners',
  'role_assignments',
  'apps',
  'app_roles',
  'app_role_assignments',
  'policies',
  'policy_attachments',
];

let statements: string[];
let db: Database.Database;

beforeAll(() => {
  db = generateTenantInMemory(resolveShape({ users: 100 })).database;
  const prepare = db.prepare.bind(db);
  const seen = new Set<string>();
  // Record what the store prepares, by wrapping the one door all its SQL goes through.
  (db as { prepare: unknown }).prepare = (sql: string) => {
    seen.add(sql);
    return prepare(sql);
  };
  const t = openTenant(db);
  const page = { limit: 5 };
  t.counts();
  for (const kind of [undefined, 'guest'] as const) for (const enabled of [undefined, false]) t.users(page, { kind, enabled });
  t.groups(page);
  t.user(1);
  t.group(1);
  t.findUser('x');
  t.findGroup('x');
  t.members(1, page);
  t.memberOf('user', 1);
  t.owners(1);
  t.roles();
  t.role(1);
  t.roleAssignments(page);
  t.roleAssignments(page, { roleSeq: 1 });
  t.roleAssignments(page, { principalType: 'user' });
  t.roleAssignments(page, { principalType: 'user', principalSeq: 1 });
  t.roleAssignments(page, { roleSeq: 1, principalType: 'group', principalSeq: 1 });
  t.apps(page);
  t.appRoles(1);
  t.appRoleAssignments(1, page);
  t.policies(page);
  t.policyAttachments({ targetType: 'user', targetSeq: 1 });
  t.addMember({ groupSeq: 1, memberType: 'group', memberSeq: 2 });
  t.removeMember({ groupSeq: 1, memberType: 'group', memberSeq: 2 });
  statements = [...seen];
  (db as { prepare: unknown }).prepare = prepare;
});

function plan(sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/:(\w+)/g)].map((m) => m[1]!))];
  const args = named.length ? [Object.fromEntries(named.map((n) => [n, 1]))] : Array((sql.match(/\?/g) ?? []).length).fill(1);
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...args)
    .map((r) => r.detail);
}

describe('store query plans', () => {
  it('recorded the statements of every method', () => {
    expect(statements.length).toBeGreaterThan(25);
  });

  it('never scans a table that grows with the tenant', () => {
    for (const sql of statements) {
      for (const step of plan(sql)) {
        const scanned = /^SCAN (\w+)/.exec(step)?.[1];
        expect(LARGE.includes(scanned ?? ''), `${step}\n  in: ${sql}`).toBe(false);
      }
    }
  });

  it('serves keyset pages in seq order straight from an index, with no sort', () => {
    const pages = statements.filter((sql) => sql.includes('seq > ?'));
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const sql of pages) expect(plan(sql).join(' | '), sql).not.toMatch(/TEMP B-TREE/);
  });

  it('answers findUser with one index seek per kind of key', () => {
    const find = statements.find((sql) => sql.includes('FROM users WHERE object_id = :key'))!;
    const steps = plan(find).join(' | ');
    expect(steps).toMatch(/MULTI-INDEX OR/);
    for (const index of ['users_object_id', 'users_scim_id', 'users_google_id', 'users_aws_id', 'users_upn', 'users_mail'])
      expect(steps).toContain(index);
  });
});
