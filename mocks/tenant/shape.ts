/**
 * The size and mix of a tenant: defaults for whatever the caller leaves out, and a check that turns
 * nonsense (negative sizes, ratios above 1, a real-looking domain) into a one-line UserError before any
 * generation starts.
 */
import { UserError } from '../../lib/errors.js';
import { stableUuid } from '../core/ids.js';
import type { TenantShape } from './model.js';

export const DEFAULT_USERS = 200;

/** Fixed defaults; counts that scale with the user count are derived in {@link resolveShape}. */
const FIXED = {
  seed: 1,
  users: DEFAULT_USERS,
  membershipsPerUser: 3,
  nestedGroupRatio: 0.1,
  roles: 12,
  apps: 5,
  policies: 20,
  guestRatio: 0.05,
  externalRatio: 0.02,
  serviceRatio: 0.02,
  disabledRatio: 0.03,
  domain: 'contoso.test',
} as const;

/**
 * Scaled with the user count so `--users 1000000` alone gives a plausible tenant rather than a million
 * people crammed into 30 groups. At the default 200 users these give 30, 10, 50 and 40.
 */
const PER_USER = {
  groups: 3 / 20,
  roleAssignments: 1 / 20,
  appRoleAssignments: 1 / 4,
  policyAttachments: 1 / 5,
} as const;

/** Top-level domains reserved by RFC 2606 / 6761, so a generated tenant never names a real organisation. */
const RESERVED_TLDS = ['.test', '.example', '.invalid', '.localhost'];

/**
 * Sizes a tenant may have. The build is synchronous (SQLite in this process), so nothing, not even a
 * scenario's timeout, stops an oversized one: it must be refused before it starts. A million users (the
 * benchmarked `tenant generate` size: 150k groups, ~3M memberships, ~4.65M rows) took 1.1 GB RSS and
 * 1-3 minutes to build in memory on 2 shared cores; 100k users took 280 MB and 7-10 s. Rows cost memory
 * about equally whatever their kind, so the total is capped as well as each count.
 */
export const MAX_COUNT = 1_000_000;
export const MAX_TENANT_ROWS = 5_000_000;

const COUNT_FIELDS = ['seed', 'users', 'groups', 'roles', 'roleAssignments', 'apps', 'appRoleAssignments', 'policies', 'policyAttachments'] as const;
const RATIO_FIELDS = ['nestedGroupRatio', 'guestRatio', 'externalRatio', 'serviceRatio', 'disabledRatio'] as const;

export interface ShapeOptions {
  /** How a field is named in error messages; the CLI passes its flag names. */
  label?: (field: keyof TenantShape) => string;
}

/** A complete, validated shape: the overrides given, defaults for the rest. */
export function resolveShape(overrides: Partial<TenantShape> = {}, options: ShapeOptions = {}): TenantShape {
  const given = withoutUndefined(overrides);
  const seed = given.seed ?? FIXED.seed;
  const users = given.users ?? FIXED.users;
  const scaled = (field: keyof typeof PER_USER) => given[field] ?? Math.ceil(users * PER_USER[field]);
  const shape: TenantShape = {
    seed,
    users,
    groups: scaled('groups'),
    membershipsPerUser: given.membershipsPerUser ?? FIXED.membershipsPerUser,
    nestedGroupRatio: given.nestedGroupRatio ?? FIXED.nestedGroupRatio,
    roles: given.roles ?? FIXED.roles,
    roleAssignments: scaled('roleAssignments'),
    apps: given.apps ?? FIXED.apps,
    appRoleAssignments: scaled('appRoleAssignments'),
    policies: given.policies ?? FIXED.policies,
    policyAttachments: scaled('policyAttachments'),
    guestRatio: given.guestRatio ?? FIXED.guestRatio,
    externalRatio: given.externalRatio ?? FIXED.externalRatio,
    serviceRatio: given.serviceRatio ?? FIXED.serviceRatio,
    disabledRatio: given.disabledRatio ?? FIXED.disabledRatio,
    domain: (given.domain ?? FIXED.domain).toLowerCase(),
    // Checked before use: a bad seed must be reported as such, not hashed into a tenant id.
    tenantId: given.tenantId ?? '',
  };
  validateShape(shape, options);
  if (!shape.tenantId) shape.tenantId = stableUuid(seed, 'tenant');
  return shape;
}

/** Throws a UserError naming the first field that makes no sense. */
export function validateShape(shape: TenantShape, options: ShapeOptions = {}): void {
  const label = options.label ?? ((field: string) => `tenant shape: ${field}`);
  for (const field of COUNT_FIELDS) {
    const value = shape[field];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new UserError(`${label(field)} ${String(value)}: expected a whole number of 0 or more`);
    }
    if (field !== 'seed' && value > MAX_COUNT) {
      throw new UserError(
        `${label(field)} ${value}: at most ${MAX_COUNT.toLocaleString('en-US')} (the largest tenant this tool builds in reasonable memory; see docs/scenarios.md, Limits)`,
      );
    }
  }
  for (const field of RATIO_FIELDS) {
    const value = shape[field];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new UserError(`${label(field)} ${String(value)}: expected a fraction from 0 to 1 (e.g. 0.05 for 5%)`);
    }
  }
  const kinds = shape.guestRatio + shape.externalRatio + shape.serviceRatio;
  if (kinds > 1 + 1e-9) {
    throw new UserError(
      `${label('guestRatio')}, ${label('externalRatio')} and ${label('serviceRatio')} add up to ${round(kinds)}: together they must be at most 1 (the rest are members)`,
    );
  }
  const perUser = shape.membershipsPerUser;
  if (typeof perUser !== 'number' || !(perUser >= 0 && perUser <= 1000)) {
    throw new UserError(`${label('membershipsPerUser')} ${String(perUser)}: expected a number from 0 to 1000`);
  }
  const rows = estimatedRows(shape);
  if (rows > MAX_TENANT_ROWS) {
    throw new UserError(
      `${label('users')} ${shape.users}: this shape makes about ${rows.toLocaleString('en-US')} rows (users, groups, ${shape.users} x ${perUser} memberships, assignments); ` +
        `at most ${MAX_TENANT_ROWS.toLocaleString('en-US')} (lower the users or ${label('membershipsPerUser')})`,
    );
  }
  checkDomain(shape.domain, label('domain'));
  if (shape.tenantId && !GUID.test(shape.tenantId)) {
    throw new UserError(`${label('tenantId')} ${shape.tenantId}: expected a GUID like 00000000-0000-0000-0000-000000000000`);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkDomain(domain: string, label: string): void {
  const wellFormed = typeof domain === 'string' && /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]+$/.test(domain);
  if (!wellFormed) throw new UserError(`${label} ${JSON.stringify(domain)}: not a domain name (e.g. contoso.test)`);
  if (!RESERVED_TLDS.some((tld) => domain.endsWith(tld))) {
    throw new UserError(
      `${label} ${domain}: must end in a reserved top-level domain (${RESERVED_TLDS.join(', ')}), so no real organisation is named; e.g. contoso.test`,
    );
  }
}

/** What the generator writes, near enough: every entity and assignment, and each user's memberships. */
export function estimatedRows(shape: TenantShape): number {
  const memberships = shape.users * Math.min(shape.membershipsPerUser, shape.groups);
  return (
    shape.users +
    shape.groups +
    memberships +
    shape.roles +
    shape.roleAssignments +
    shape.apps +
    shape.appRoleAssignments +
    shape.policies +
    shape.policyAttachments
  );
}

/**
 * The same tenant at another user count (memoryCheck's second sync): groups scale with the users, every
 * other count and mix stays.
 */
export function scaledShape(shape: TenantShape, users: number): TenantShape {
  const scale = users / Math.max(1, shape.users);
  return { ...shape, users, groups: Math.max(1, Math.round(shape.groups * scale)) };
}

function withoutUndefined(overrides: Partial<TenantShape>): Partial<TenantShape> {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<TenantShape>;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
