/**
 * The tenant database. Every TenantStore query is a seek on one of these indexes (query-plans.test.ts
 * proves it with EXPLAIN QUERY PLAN), which is what keeps a page of a million-user tenant as cheap as a
 * page of a small one. Secondary indexes are built after their table is filled: one sort beats a million
 * random B-tree inserts.
 *
 * Columns that hold names or GUIDs compare case-insensitively (COLLATE NOCASE), as Graph and SCIM treat
 * them. Memberships store the member type as an integer (0 user, 1 group): it is the largest table, and
 * the number also fixes the order members are listed in (users first).
 */

/** Written to tenant_meta; a file without it (or with another value) is not a tenant this code can read. */
export const TENANT_FORMAT = 'sync-harness-tenant/1';

export const MEMBER_TYPE_CODE = { user: 0, group: 1 } as const;

const IDS = `object_id TEXT NOT NULL COLLATE NOCASE, google_id TEXT NOT NULL, aws_id TEXT NOT NULL, scim_id TEXT NOT NULL COLLATE NOCASE`;

export interface TableSchema {
  name: string;
  create: string;
  /** Built once the table is complete. */
  indexes: string[];
}

function idIndexes(table: string): string[] {
  return ['object_id', 'google_id', 'aws_id', 'scim_id'].map((c) => `CREATE UNIQUE INDEX ${table}_${c} ON ${table} (${c})`);
}

const META: TableSchema = {
  name: 'tenant_meta',
  create: `CREATE TABLE tenant_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
  indexes: [],
};

export const USERS: TableSchema = {
  name: 'users',
  create: `CREATE TABLE users (
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, enabled INTEGER NOT NULL,
    given_name TEXT NOT NULL, surname TEXT NOT NULL, display_name TEXT NOT NULL,
    upn TEXT NOT NULL COLLATE NOCASE, mail TEXT NOT NULL COLLATE NOCASE,
    job_title TEXT NOT NULL, department TEXT NOT NULL, created_at TEXT NOT NULL, ${IDS})`,
  indexes: [
    `CREATE UNIQUE INDEX users_upn ON users (upn)`,
    `CREATE UNIQUE INDEX users_mail ON users (mail)`,
    ...idIndexes('users'),
    // One per filter combination, so each keyset page is a range seek in seq order, never a sort.
    `CREATE INDEX users_kind ON users (kind)`,
    `CREATE INDEX users_enabled ON users (enabled)`,
    `CREATE INDEX users_kind_enabled ON users (kind, enabled)`,
  ],
};

export const GROUPS: TableSchema = {
  name: 'groups',
  create: `CREATE TABLE groups (
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, display_name TEXT NOT NULL, mail TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL, created_at TEXT NOT NULL, ${IDS})`,
  indexes: [`CREATE UNIQUE INDEX groups_mail ON groups (mail)`, ...idIndexes('groups')],
};

export const MEMBERSHIPS: TableSchema = {
  name: 'memberships',
  create: `CREATE TABLE memberships (
    group_seq INTEGER NOT NULL, member_type INTEGER NOT NULL, member_seq INTEGER NOT NULL,
    PRIMARY KEY (group_seq, member_type, member_seq)) WITHOUT ROWID`,
  indexes: [`CREATE INDEX memberships_member ON memberships (member_type, member_seq, group_seq)`],
};

export const GROUP_OWNERS: TableSchema = {
  name: 'group_owners',
  create: `CREATE TABLE group_owners (group_seq INTEGER NOT NULL, user_seq INTEGER NOT NULL, PRIMARY KEY (group_seq, user_seq)) WITHOUT ROWID`,
  indexes: [],
};

export const ROLES: TableSchema = {
  name: 'roles',
  create: `CREATE TABLE roles (
    seq INTEGER PRIMARY KEY, display_name TEXT NOT NULL, description TEXT NOT NULL,
    template_id TEXT NOT NULL COLLATE NOCASE, activated INTEGER NOT NULL, ${IDS})`,
  indexes: idIndexes('roles'),
};

export const ROLE_ASSIGNMENTS: TableSchema = {
  name: 'role_assignments',
  create: `CREATE TABLE role_assignments (
    seq INTEGER PRIMARY KEY, role_seq INTEGER NOT NULL, principal_type TEXT NOT NULL, principal_seq INTEGER NOT NULL,
    UNIQUE (role_seq, principal_type, principal_seq))`,
  indexes: [
    `CREATE INDEX role_assignments_role ON role_assignments (role_seq)`,
    `CREATE INDEX role_assignments_principal ON role_assignments (principal_type, principal_seq)`,
    `CREATE INDEX role_assignments_principal_type ON role_assignments (principal_type)`,
  ],
};

export const APPS: TableSchema = {
  name: 'apps',
  create: `CREATE TABLE apps (seq INTEGER PRIMARY KEY, display_name TEXT NOT NULL, app_id TEXT NOT NULL COLLATE NOCASE, ${IDS})`,
  indexes: [`CREATE UNIQUE INDEX apps_app_id ON apps (app_id)`, ...idIndexes('apps')],
};

export const APP_ROLES: TableSchema = {
  name: 'app_roles',
  create: `CREATE TABLE app_roles (
    seq INTEGER PRIMARY KEY, app_seq INTEGER NOT NULL, id TEXT NOT NULL COLLATE NOCASE, value TEXT NOT NULL, display_name TEXT NOT NULL,
    UNIQUE (app_seq, id))`,
  indexes: [`CREATE INDEX app_roles_app ON app_roles (app_seq)`],
};

export const APP_ROLE_ASSIGNMENTS: TableSchema = {
  name: 'app_role_assignments',
  create: `CREATE TABLE app_role_assignments (
    seq INTEGER PRIMARY KEY, app_seq INTEGER NOT NULL, app_role_seq INTEGER NOT NULL,
    principal_type TEXT NOT NULL, principal_seq INTEGER NOT NULL,
    UNIQUE (app_role_seq, principal_type, principal_seq))`,
  indexes: [`CREATE INDEX app_role_assignments_app ON app_role_assignments (app_seq)`],
};

export const POLICIES: TableSchema = {
  name: 'policies',
  create: `CREATE TABLE policies (seq INTEGER PRIMARY KEY, name TEXT NOT NULL, aws_managed INTEGER NOT NULL, description TEXT NOT NULL, ${IDS})`,
  indexes: [`CREATE UNIQUE INDEX policies_name ON policies (name)`, ...idIndexes('policies')],
};

export const POLICY_ATTACHMENTS: TableSchema = {
  name: 'policy_attachments',
  create: `CREATE TABLE policy_attachments (
    policy_seq INTEGER NOT NULL, target_type TEXT NOT NULL, target_seq INTEGER NOT NULL,
    PRIMARY KEY (policy_seq, target_type, target_seq)) WITHOUT ROWID`,
  indexes: [`CREATE INDEX policy_attachments_target ON policy_attachments (target_type, target_seq, policy_seq)`],
};

export const TABLES: readonly TableSchema[] = [
  META,
  ROLES,
  USERS,
  GROUPS,
  MEMBERSHIPS,
  GROUP_OWNERS,
  ROLE_ASSIGNMENTS,
  APPS,
  APP_ROLES,
  APP_ROLE_ASSIGNMENTS,
  POLICIES,
  POLICY_ATTACHMENTS,
];
