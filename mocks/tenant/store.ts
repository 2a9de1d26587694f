/**
 * The TenantStore the simulators read: keyset pages (`WHERE seq > ? ORDER BY seq LIMIT ?`, never OFFSET,
 * so page 10,000 costs what page 1 does), lookups by any provider id through unique indexes, and member
 * writes kept beside the tenant rather than in it (see member-overlay.ts). A tenant file is opened
 * read-only: serving it can never change it.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { UserError, fileError } from '../../lib/errors.js';
import { generateTenantInMemory } from './generate.js';
import { MemberOverlay } from './member-overlay.js';
import type {
  AppRole,
  AppRoleAssignment,
  Membership,
  Page,
  PageRequest,
  Policy,
  PolicyAttachment,
  PrincipalType,
  RoleAssignment,
  TenantApp,
  TenantCounts,
  TenantGroup,
  TenantRole,
  TenantShape,
  TenantStore,
  TenantUser,
  UserKind,
} from './model.js';
import {
  APP_COLUMNS,
  APP_ROLE_COLUMNS,
  GROUP_COLUMNS,
  POLICY_COLUMNS,
  ROLE_COLUMNS,
  USER_COLUMNS,
  toPolicy,
  toRole,
  toUser,
  userFromArray,
  userColumns,
  type RawPolicy,
  type RawRole,
  type RawUser,
} from './rows.js';
import { TENANT_FORMAT } from './schema.js';
import { resolveShape } from './shape.js';

/** Open a tenant file written by `generateTenant`, or take over an open database (from `generateTenantInMemory`). */
export function openTenant(source: string | Database.Database): SqliteTenantStore {
  if (typeof source !== 'string') return new SqliteTenantStore(source);
  if (source === ':memory:')
    throw new UserError(`':memory:' holds no tenant: use createTenant(), or pass the database generateTenant(shape, ':memory:') returned`);
  if (!existsSync(source)) throw fileError(source, 'no such tenant file', `create one with: sync-harness tenant generate -o ${source}`);
  let db: Database.Database;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw fileError(source, `cannot open: ${(error as Error).message}`, 'expected a file written by sync-harness tenant generate', error);
  }
  try {
    return new SqliteTenantStore(db, source);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A small tenant in memory, for tests and scenarios: the shape's defaults plus these overrides. */
export function createTenant(overrides: Partial<TenantShape> = {}): SqliteTenantStore {
  return new SqliteTenantStore(generateTenantInMemory(resolveShape(overrides)).database);
}

type Stmt<R> = Database.Statement<unknown[], R>;

const USER_PAGES_KEPT = 256;

export class SqliteTenantStore implements TenantStore {
  readonly shape: TenantShape;
  private readonly baseCounts: TenantCounts;
  private readonly overlay: MemberOverlay;
  private readonly cache = new Map<string, Stmt<unknown>>();
  /**
   * Recent user pages. Users never change once generated (only memberships do), so a page a connector
   * reads again (every sync of a regression suite, a retried request) is served without building a hundred
   * objects from SQLite strings again. Frozen, since every caller shares them.
   */
  private readonly userPages = new Map<string, Page<TenantUser>>();

  /** Takes ownership of `db`: `close()` closes it. `label` names the file in errors. */
  constructor(
    private readonly db: Database.Database,
    label = 'tenant database',
  ) {
    const meta = readMeta(db, label);
    this.shape = meta.shape;
    this.baseCounts = meta.counts;
    // Change tables are tiny; keeping them in memory keeps a read-only file's directory untouched too.
    db.pragma('temp_store = MEMORY');
    this.overlay = new MemberOverlay(db);
  }

  counts(): TenantCounts {
    return { ...this.baseCounts, memberships: this.baseCounts.memberships + this.overlay.delta() };
  }

  users(page: PageRequest, filter: { kind?: UserKind; enabled?: boolean } = {}): Page<TenantUser> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.kind !== undefined) {
      where.push('kind = ?');
      args.push(filter.kind);
    }
    if (filter.enabled !== undefined) {
      where.push('enabled = ?');
      args.push(filter.enabled ? 1 : 0);
    }
    checkPage(page);
    const sql = `SELECT ${USER_COLUMNS} FROM users WHERE ${['seq > ?', ...where].join(' AND ')} ORDER BY seq LIMIT ?`;
    const params = [page.after ?? 0, ...args, page.limit + 1];
    const key = `${sql}|${params.join(',')}`;
    const cached = this.userPages.get(key);
    if (cached) return cached;
    const rows = this.stmt<unknown[]>(sql, true).all(...params);
    const items = rows.slice(0, page.limit).map((row) => Object.freeze(userFromArray(row)));
    const result: Page<TenantUser> = Object.freeze(rows.length > page.limit ? { items, next: items[items.length - 1]!.seq } : { items });
    if (this.userPages.size >= USER_PAGES_KEPT) this.userPages.delete(this.userPages.keys().next().value as string);
    this.userPages.set(key, result);
    return result;
  }

  groups(page: PageRequest): Page<TenantGroup> {
    return this.page<TenantGroup>('groups', GROUP_COLUMNS, page);
  }

  user(seq: number): TenantUser | undefined {
    const row = this.stmt<RawUser>(`SELECT ${USER_COLUMNS} FROM users WHERE seq = ?`).get(seq);
    return row && toUser(row);
  }

  group(seq: number): TenantGroup | undefined {
    return this.stmt<TenantGroup>(`SELECT ${GROUP_COLUMNS} FROM groups WHERE seq = ?`).get(seq);
  }

  findUser(key: string): TenantUser | undefined {
    if (!key) return undefined;
    // Each term has its own unique index; SQLite answers the OR with one seek per index (MULTI-INDEX OR).
    const row = this.stmt<RawUser>(
      `SELECT ${USER_COLUMNS} FROM users WHERE object_id = :key OR scim_id = :key OR google_id = :key OR aws_id = :key OR upn = :key OR mail = :key LIMIT 1`,
    ).get({ key });
    return row && toUser(row);
  }

  findGroup(key: string): TenantGroup | undefined {
    if (!key) return undefined;
    return this.stmt<TenantGroup>(
      `SELECT ${GROUP_COLUMNS} FROM groups WHERE object_id = :key OR scim_id = :key OR google_id = :key OR aws_id = :key OR mail = :key LIMIT 1`,
    ).get({ key });
  }

  members(groupSeq: number, page: PageRequest): Page<Membership> {
    checkPage(page);
    return this.overlay.members(groupSeq, page);
  }

  memberOf(principalType: PrincipalType, seq: number): Membership[] {
    return this.overlay.memberOf(principalType, seq);
  }

  owners(groupSeq: number): TenantUser[] {
    const sql = `SELECT ${userColumns('u.')} FROM group_owners o JOIN users u ON u.seq = o.user_seq WHERE o.group_seq = ? ORDER BY o.user_seq`;
    return this.stmt<RawUser>(sql).all(groupSeq).map(toUser);
  }

  roles(): TenantRole[] {
    return this.stmt<RawRole>(`SELECT ${ROLE_COLUMNS} FROM roles ORDER BY seq`).all().map(toRole);
  }

  role(seq: number): TenantRole | undefined {
    const row = this.stmt<RawRole>(`SELECT ${ROLE_COLUMNS} FROM roles WHERE seq = ?`).get(seq);
    return row && toRole(row);
  }

  roleAssignments(page: PageRequest, filter: { roleSeq?: number; principalType?: PrincipalType; principalSeq?: number } = {}): Page<RoleAssignment> {
    if (filter.principalSeq !== undefined && filter.principalType === undefined) {
      throw new RangeError('roleAssignments: a principalSeq filter needs its principalType (user and group seqs overlap)');
    }
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [column, value] of [
      ['role_seq', filter.roleSeq],
      ['principal_type', filter.principalType],
      ['principal_seq', filter.principalSeq],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      args.push(value);
    }
    const columns = `seq, role_seq AS roleSeq, principal_type AS principalType, principal_seq AS principalSeq`;
    return this.page<RoleAssignment>('role_assignments', columns, page, where, args);
  }

  apps(page: PageRequest): Page<TenantApp> {
    return this.page<TenantApp>('apps', APP_COLUMNS, page);
  }

  appRoles(appSeq: number): AppRole[] {
    return this.stmt<AppRole>(`SELECT ${APP_ROLE_COLUMNS} FROM app_roles WHERE app_seq = ? ORDER BY seq`).all(appSeq);
  }

  appRoleAssignments(appSeq: number, page: PageRequest): Page<AppRoleAssignment> {
    const columns = `seq, app_role_seq AS appRoleSeq, principal_type AS principalType, principal_seq AS principalSeq`;
    return this.page<AppRoleAssignment>('app_role_assignments', columns, page, ['app_seq = ?'], [appSeq]);
  }

  policies(page: PageRequest): Page<Policy> {
    return this.page<RawPolicy, Policy>('policies', POLICY_COLUMNS, page, [], [], toPolicy);
  }

  policyAttachments(target: { targetType: PolicyAttachment['targetType']; targetSeq: number }): PolicyAttachment[] {
    return this.stmt<PolicyAttachment>(
      `SELECT policy_seq AS policySeq, target_type AS targetType, target_seq AS targetSeq FROM policy_attachments
       WHERE target_type = ? AND target_seq = ? ORDER BY policy_seq`,
    ).all(target.targetType, target.targetSeq);
  }

  addMember(m: Membership): boolean {
    if (!this.group(m.groupSeq)) throw new RangeError(`addMember: no group ${m.groupSeq}`);
    const member = m.memberType === 'user' ? this.user(m.memberSeq) : this.group(m.memberSeq);
    if (!member) throw new RangeError(`addMember: no ${m.memberType} ${m.memberSeq}`);
    if (m.memberType === 'group' && m.memberSeq === m.groupSeq) throw new RangeError(`addMember: group ${m.groupSeq} cannot be its own member`);
    return this.overlay.add(m);
  }

  removeMember(m: Membership): boolean {
    return this.overlay.remove(m);
  }

  reset(): void {
    this.overlay.reset();
  }

  close(): void {
    this.db.close();
  }

  /** One keyset page: `limit + 1` rows are read so the last page can say it is the last. */
  private page<R, T = R>(
    table: string,
    columns: string,
    page: PageRequest,
    where: string[] = [],
    args: unknown[] = [],
    map: (row: R) => T = (row) => row as unknown as T,
  ): Page<T> {
    checkPage(page);
    const sql = `SELECT ${columns} FROM ${table} WHERE ${['seq > ?', ...where].join(' AND ')} ORDER BY seq LIMIT ?`;
    const rows = this.stmt<R & { seq: number }>(sql).all(page.after ?? 0, ...args, page.limit + 1);
    const items = rows.slice(0, page.limit);
    const next = rows.length > page.limit ? items[items.length - 1]!.seq : undefined;
    return next === undefined ? { items: items.map(map) } : { items: items.map(map), next };
  }

  /** Prepared once per distinct SQL text (and row mode); the filter combinations are few. */
  private stmt<R>(sql: string, arrays = false): Stmt<R> {
    const key = arrays ? `raw:${sql}` : sql;
    let stmt = this.cache.get(key);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (arrays) stmt.raw(true);
      this.cache.set(key, stmt);
    }
    return stmt as Stmt<R>;
  }
}

function checkPage(page: PageRequest): void {
  if (!Number.isSafeInteger(page.limit) || page.limit < 1) throw new RangeError(`page limit ${page.limit}: expected a whole number of 1 or more`);
  const after = page.after ?? 0;
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`page after ${page.after}: expected a resume point from a previous page`);
}

function readMeta(db: Database.Database, label: string): { shape: TenantShape; counts: TenantCounts } {
  let rows: Array<{ key: string; value: string }>;
  try {
    rows = db.prepare<[], { key: string; value: string }>(`SELECT key, value FROM tenant_meta`).all();
  } catch (error) {
    throw fileError(label, 'not a tenant database', 'make one with: sync-harness tenant generate', error);
  }
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  if (meta.get('format') !== TENANT_FORMAT) {
    throw fileError(label, `tenant format ${meta.get('format') ?? 'unknown'} is not ${TENANT_FORMAT}`, 'generate it again with this version');
  }
  return { shape: JSON.parse(meta.get('shape')!) as TenantShape, counts: JSON.parse(meta.get('counts')!) as TenantCounts };
}
