import type Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from './builtin-roles.js';
import { DEFAULT_APP_ROLE_ID } from './gen-apps.js';
import { generateTenant, generateTenantInMemory } from './generate.js';
import type { TenantShape } from './model.js';
import { resolveShape } from './shape.js';
import { openTenant } from './store.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenant-generate-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHAPE = resolveShape({ seed: 11, users: 600 });

describe('generateTenant: determinism', () => {
  it('writes byte-identical files for the same shape, and the stores answer identically', async () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    await generateTenant(SHAPE, a);
    await generateTenant(SHAPE, b);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const [sa, sb] = [openTenant(a), openTenant(b)];
    try {
      expect(sb.users({ limit: 1000 })).toEqual(sa.users({ limit: 1000 }));
      expect(sb.members(1, { limit: 1000 })).toEqual(sa.members(1, { limit: 1000 }));
      expect(sb.counts()).toEqual(sa.counts());
    } finally {
      sa.close();
      sb.close();
    }
  });

  it('gives another seed other people', () => {
    const names = (seed: number) => {
      const { database } = generateTenantInMemory(resolveShape({ seed, users: 50 }));
      const rows = database.prepare<[], { n: string }>(`SELECT display_name AS n FROM users ORDER BY seq`).all();
      database.close();
      return rows.map((r) => r.n);
    };
    const one = names(1);
    const two = names(2);
    expect(two).not.toEqual(one);
    expect(one.filter((n, i) => two[i] === n).length).toBeLessThan(5);
  });

  it('keeps existing users and groups unchanged when the tenant grows', () => {
    const small = generateTenantInMemory(resolveShape({ seed: 3, users: 100, groups: 20 })).database;
    const large = generateTenantInMemory(resolveShape({ seed: 3, users: 400, groups: 20 })).database;
    const users = (db: Database.Database) => db.prepare(`SELECT * FROM users WHERE seq <= 100 ORDER BY seq`).all();
    const groups = (db: Database.Database) => db.prepare(`SELECT * FROM groups ORDER BY seq`).all();
    expect(users(large)).toEqual(users(small));
    expect(groups(large)).toEqual(groups(small));
    small.close();
    large.close();
  });
});

describe('generateTenant: content', () => {
  const shape: TenantShape = resolveShape({ seed: 5, users: 2000, groups: 120, roles: 30, apps: 8, policies: 30 });
  let db: Database.Database;
  let counts: ReturnType<typeof generateTenantInMemory>['counts'];
  const all = <T>(sql: string) => db.prepare<[], T>(sql).all();
  const one = (sql: string) => (db.prepare<[], { n: number }>(sql).get() as { n: number }).n;

  beforeAll(() => {
    ({ database: db, counts } = generateTenantInMemory(shape));
  });
  afterAll(() => db.close());

  it('respects the size parameters', () => {
    expect(counts).toMatchObject({ users: 2000, groups: 120, roles: 30, apps: 8, policies: 30 });
    expect(counts.roleAssignments).toBe(shape.roleAssignments);
    expect(counts.appRoleAssignments).toBe(shape.appRoleAssignments);
    expect(counts.policyAttachments).toBe(shape.policyAttachments);
    expect(one(`SELECT count(*) AS n FROM users`)).toBe(2000);
    expect(one(`SELECT count(*) AS n FROM memberships`)).toBe(counts.memberships);
  });

  it('deals user kinds and disabled accounts at the shape ratios', () => {
    const kinds = Object.fromEntries(
      all<{ kind: string; n: number }>(`SELECT kind, count(*) AS n FROM users GROUP BY kind`).map((r) => [r.kind, r.n]),
    );
    expect(Math.abs((kinds.guest ?? 0) - 2000 * shape.guestRatio)).toBeLessThanOrEqual(1);
    expect(Math.abs((kinds.external ?? 0) - 2000 * shape.externalRatio)).toBeLessThanOrEqual(1);
    expect(Math.abs((kinds.service ?? 0) - 2000 * shape.serviceRatio)).toBeLessThanOrEqual(1);
    expect(one(`SELECT count(*) AS n FROM users WHERE enabled = 0`)).toBe(Math.round(2000 * shape.disabledRatio));
  });

  it('writes UPNs the way Entra does, unique ignoring case', () => {
    const byKind = (kind: string) => all<{ upn: string; mail: string }>(`SELECT upn, mail FROM users WHERE kind = '${kind}'`);
    for (const u of byKind('member')) {
      expect(u.upn).toMatch(/^[a-z][a-z.-]*[a-z]\d*@contoso\.test$/);
      expect(u.mail).toBe(u.upn);
    }
    for (const kind of ['guest', 'external']) {
      for (const u of byKind(kind)) {
        expect(u.upn).toBe(`${u.mail.replace('@', '_')}#EXT#@contoso.test`);
        expect(u.mail).not.toMatch(/@contoso\.test$/);
      }
    }
    for (const u of byKind('service')) expect(u.upn).toMatch(/^svc-[a-z]+\d*@contoso\.test$/);
    expect(one(`SELECT count(DISTINCT lower(upn)) AS n FROM users`)).toBe(2000);
    expect(one(`SELECT count(DISTINCT lower(mail)) AS n FROM users`)).toBe(2000);
    // Numbering happened: at 2000 users some names repeat, and the repeats got a number.
    expect(one(`SELECT count(*) AS n FROM users WHERE upn GLOB '*[0-9]@*'`)).toBeGreaterThan(0);
  });

  it('gives every entity well-formed, unique provider ids', () => {
    const prefixes: Record<string, string> = { users: 'AIDA', groups: 'AGPA', roles: 'AROA', apps: 'AROA', policies: 'ANPA' };
    const googleLength: Record<string, number> = { users: 21, groups: 15, roles: 16, apps: 17, policies: 17 };
    const objectIds = new Set<string>();
    let total = 0;
    for (const [table, prefix] of Object.entries(prefixes)) {
      const rows = all<{ object_id: string; scim_id: string; google_id: string; aws_id: string }>(
        `SELECT object_id, scim_id, google_id, aws_id FROM ${table}`,
      );
      for (const r of rows) {
        expect(r.object_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(r.google_id).toMatch(new RegExp(`^1\\d{${googleLength[table]! - 1}}$`));
        expect(r.aws_id).toMatch(new RegExp(`^${prefix}[A-Z0-9]{16}$`));
        objectIds.add(r.object_id).add(r.scim_id);
      }
      total += rows.length;
      for (const column of ['google_id', 'aws_id']) expect(one(`SELECT count(DISTINCT ${column}) AS n FROM ${table}`)).toBe(rows.length);
    }
    // Graph object ids and SCIM ids are unique across every kind of object, as in one directory.
    expect(objectIds.size).toBe(2 * total);
  });

  it('nests groups only into lower seqs (so never in a cycle), at the shape ratio', () => {
    const nested = all<{ group_seq: number; member_seq: number }>(`SELECT group_seq, member_seq FROM memberships WHERE member_type = 1`);
    expect(nested.length).toBe(Math.round((120 - 1) * shape.nestedGroupRatio));
    for (const n of nested) expect(n.group_seq).toBeLessThan(n.member_seq);
    expect(new Set(nested.map((n) => n.member_seq)).size).toBe(nested.length);
  });

  it('spreads memberships around the mean, with a few big groups', () => {
    const perUser = one(`SELECT count(*) AS n FROM memberships WHERE member_type = 0`) / 2000;
    expect(perUser).toBeGreaterThan(shape.membershipsPerUser * 0.9);
    expect(perUser).toBeLessThan(shape.membershipsPerUser * 1.1);
    const sizes = all<{ n: number }>(`SELECT count(*) AS n FROM memberships GROUP BY group_seq ORDER BY n DESC`).map((r) => r.n);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(sizes[0]!).toBeGreaterThan(4 * mean);
  });

  it('only references entities that exist', () => {
    const dangling = [
      `SELECT count(*) AS n FROM memberships m WHERE m.group_seq NOT IN (SELECT seq FROM groups)`,
      `SELECT count(*) AS n FROM memberships m WHERE m.member_type = 0 AND m.member_seq NOT IN (SELECT seq FROM users)`,
      `SELECT count(*) AS n FROM memberships m WHERE m.member_type = 1 AND m.member_seq NOT IN (SELECT seq FROM groups)`,
      `SELECT count(*) AS n FROM group_owners o WHERE o.user_seq NOT IN (SELECT seq FROM users) OR o.group_seq NOT IN (SELECT seq FROM groups)`,
      `SELECT count(*) AS n FROM role_assignments a WHERE a.role_seq NOT IN (SELECT seq FROM roles)
         OR (a.principal_type = 'user' AND a.principal_seq NOT IN (SELECT seq FROM users))
         OR (a.principal_type = 'group' AND a.principal_seq NOT IN (SELECT seq FROM groups))`,
      `SELECT count(*) AS n FROM app_role_assignments a LEFT JOIN app_roles r ON r.seq = a.app_role_seq
         WHERE r.seq IS NULL OR r.app_seq <> a.app_seq
         OR (a.principal_type = 'user' AND a.principal_seq NOT IN (SELECT seq FROM users))
         OR (a.principal_type = 'group' AND a.principal_seq NOT IN (SELECT seq FROM groups))`,
      `SELECT count(*) AS n FROM policy_attachments p WHERE p.policy_seq NOT IN (SELECT seq FROM policies)
         OR (p.target_type = 'user' AND p.target_seq NOT IN (SELECT seq FROM users))
         OR (p.target_type = 'group' AND p.target_seq NOT IN (SELECT seq FROM groups))
         OR (p.target_type = 'role' AND p.target_seq NOT IN (SELECT seq FROM roles))`,
    ];
    for (const sql of dangling) expect(one(sql), sql).toBe(0);
    // Every kind of link is actually present, so the checks above checked something.
    expect(one(`SELECT count(DISTINCT principal_type) AS n FROM role_assignments`)).toBe(2);
    expect(one(`SELECT count(DISTINCT principal_type) AS n FROM app_role_assignments`)).toBe(2);
    expect(one(`SELECT count(DISTINCT target_type) AS n FROM policy_attachments`)).toBe(3);
  });

  it('gives every group an enabled member as owner', () => {
    expect(one(`SELECT count(DISTINCT group_seq) AS n FROM group_owners`)).toBe(120);
    expect(one(`SELECT count(*) AS n FROM group_owners o JOIN users u ON u.seq = o.user_seq WHERE u.kind <> 'member' OR u.enabled = 0`)).toBe(0);
  });

  it('starts with the built-in Entra roles and activates assigned ones', () => {
    const roles = all<{ seq: number; display_name: string; template_id: string; activated: number }>(`SELECT * FROM roles ORDER BY seq`);
    expect(roles.slice(0, BUILTIN_ROLES.length).map((r) => r.template_id)).toEqual(BUILTIN_ROLES.map((r) => r.templateId));
    expect(roles[0]).toMatchObject({ display_name: 'Global Administrator', template_id: '62e90394-69f5-4237-9190-012177145e10', activated: 1 });
    expect(roles[BUILTIN_ROLES.length]!.display_name).toMatch(/Custom Administrator/);
    const assigned = new Set(all<{ role_seq: number }>(`SELECT DISTINCT role_seq FROM role_assignments`).map((r) => r.role_seq));
    for (const role of roles) expect(role.activated === 1).toBe(role.seq === 1 || assigned.has(role.seq));
  });

  it('gives every app the default role plus one to three named roles', () => {
    const perApp = all<{ app_seq: number; n: number; defaults: number }>(
      `SELECT app_seq, count(*) AS n, sum(id = '${DEFAULT_APP_ROLE_ID}') AS defaults FROM app_roles GROUP BY app_seq`,
    );
    expect(perApp).toHaveLength(8);
    for (const app of perApp) {
      expect(app.defaults).toBe(1);
      expect(app.n).toBeGreaterThanOrEqual(2);
      expect(app.n).toBeLessThanOrEqual(4);
    }
  });

  it('mixes AWS-managed and customer policies with unique names', () => {
    const policies = all<{ seq: number; name: string; aws_managed: number }>(`SELECT seq, name, aws_managed FROM policies ORDER BY seq`);
    expect(policies[0]).toMatchObject({ name: 'AdministratorAccess', aws_managed: 1 });
    expect(policies[2]).toMatchObject({ name: 'ReadOnlyAccess', aws_managed: 1 });
    expect(policies[1]!.aws_managed).toBe(0);
    expect(new Set(policies.map((p) => p.name.toLowerCase())).size).toBe(30);
  });
});

describe('generateTenant: edges and failures', () => {
  it('makes an empty tenant without complaint', () => {
    const { counts, database } = generateTenantInMemory(resolveShape({ users: 0, groups: 0, roles: 0, apps: 0, policies: 0 }));
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    database.close();
  });

  it('stops short, rather than looping, when unique assignments run out', () => {
    const { counts, database } = generateTenantInMemory(resolveShape({ users: 2, groups: 0, roles: 1, roleAssignments: 50 }));
    expect(counts.roleAssignments).toBeLessThanOrEqual(2);
    database.close();
  });

  it('leaves neither the target nor a temporary file behind when generation fails', async () => {
    const failing = join(dir, 'fail');
    rmSync(failing, { recursive: true, force: true });
    const target = join(dir, 'fail.db');
    writeFileSync(target, 'the previous tenant');
    const boom = (p: { phase: string }) => {
      if (p.phase === 'groups') throw new Error('disk on fire');
    };
    await expect(generateTenant(SHAPE, target, boom)).rejects.toThrow('disk on fire');
    expect(readFileSync(target, 'utf8')).toBe('the previous tenant');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    rmSync(target);
    await expect(generateTenant(SHAPE, target, boom)).rejects.toThrow('disk on fire');
    expect(existsSync(target)).toBe(false);
  });

  it('reports progress that ends at the total', async () => {
    const seen: Array<{ phase: string; done: number; total: number }> = [];
    generateTenantInMemory(resolveShape({ users: 12_000, groups: 10 }), (p) => seen.push({ ...p })).database.close();
    const last = seen[seen.length - 1]!;
    expect(last.phase).toBe('done');
    expect(last.done).toBe(last.total);
    const users = seen.filter((p) => p.phase === 'users');
    // One report per committed batch of 10,000, with the count rising.
    expect(users.length).toBeGreaterThanOrEqual(2);
    expect(users.map((p) => p.done)).toEqual([...users.map((p) => p.done)].sort((a, b) => a - b));
  });
});
