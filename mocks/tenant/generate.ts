/**
 * Writes a seeded tenant into SQLite, streaming: rows go out in batched transactions as they are made, so
 * a million users need no more memory than a thousand. The same shape gives the same database, byte for
 * byte: faker's reference date is fixed, every entity draws from its own seeded stream, and nothing reads
 * the clock, the locale or the environment. A file target is written beside itself and renamed into place
 * when complete, so a crash or an error never leaves half a tenant under the target's name.
 */
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { writeAtomically } from '../../lib/fs/atomic-write.js';
import { Batches, type ProgressListener } from './batches.js';
import { entityFaker } from './entity-random.js';
import { generateAppRoleAssignments, generateApps } from './gen-apps.js';
import type { GenContext } from './gen-context.js';
import { generateGroups } from './gen-groups.js';
import { generatePolicies, generatePolicyAttachments } from './gen-policies.js';
import { generateRoleAssignments, generateRoles } from './gen-roles.js';
import { generateUsers } from './gen-users.js';
import type { TenantCounts, TenantShape } from './model.js';
import { MembershipStage } from './membership-stage.js';
import { NameCounter } from './name-counter.js';
import { TABLES, TENANT_FORMAT } from './schema.js';
import { validateShape } from './shape.js';

export type { ProgressListener } from './batches.js';

export interface GenerateResult {
  shape: TenantShape;
  /** What was made; assignment counts can fall short of the shape's when unique pairs run out. */
  counts: TenantCounts;
}

export interface InMemoryTenant extends GenerateResult {
  /** The open in-memory database; hand it to `openTenant`, which then owns it. */
  database: Database.Database;
}

/** SQLite page cache while generating: enough to keep the memberships B-tree hot, far below the 1 GB budget. */
const GENERATION_CACHE_KIB = 128 * 1024;

export function generateTenant(shape: TenantShape, target: ':memory:', onProgress?: ProgressListener): Promise<InMemoryTenant>;
export function generateTenant(shape: TenantShape, target: string, onProgress?: ProgressListener): Promise<GenerateResult>;
export async function generateTenant(shape: TenantShape, target: string, onProgress?: ProgressListener): Promise<GenerateResult> {
  if (target === ':memory:') return generateTenantInMemory(shape, onProgress);
  validateShape(shape);
  return writeAtomically(target, async (temp) => {
    const db = new Database(temp);
    let counts: TenantCounts;
    try {
      // The file is private until renamed and deleted on any failure, so journaling would buy nothing.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('locking_mode = EXCLUSIVE');
      counts = fill(db, shape, onProgress);
    } finally {
      db.close();
    }
    // synchronous=OFF skipped every fsync; one here makes the rename publish a complete file.
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return { shape, counts };
  });
}

/** A tenant in an in-memory database, synchronously: what tests and small scenarios use. */
export function generateTenantInMemory(shape: TenantShape, onProgress?: ProgressListener): InMemoryTenant {
  validateShape(shape);
  const database = new Database(':memory:');
  try {
    return { shape, counts: fill(database, shape, onProgress), database };
  } catch (error) {
    database.close();
    throw error;
  }
}

function fill(db: Database.Database, shape: TenantShape, onProgress?: ProgressListener): TenantCounts {
  db.pragma(`cache_size = -${GENERATION_CACHE_KIB}`);
  for (const table of TABLES) db.exec(table.create);
  const total =
    shape.roles +
    shape.users +
    shape.groups +
    shape.roleAssignments +
    shape.apps +
    shape.appRoleAssignments +
    shape.policies +
    shape.policyAttachments;
  const batches = new Batches(db, total, onProgress);
  const memberships = new MembershipStage(db);
  const ctx: GenContext = { db, shape, random: entityFaker(shape.seed), names: new NameCounter(), memberships, batches };
  try {
    const { roles } = generateRoles(ctx);
    const { users } = generateUsers(ctx);
    const { groups } = generateGroups(ctx);
    const { roleAssignments } = generateRoleAssignments(ctx);
    const { apps, appRoles, ranges } = generateApps(ctx);
    const { appRoleAssignments } = generateAppRoleAssignments(ctx, ranges);
    const { policies } = generatePolicies(ctx);
    const { policyAttachments } = generatePolicyAttachments(ctx);
    const counts: TenantCounts = {
      users,
      groups,
      memberships: memberships.count,
      roles,
      roleAssignments,
      apps,
      appRoles,
      appRoleAssignments,
      policies,
      policyAttachments,
    };
    const meta = db.prepare(`INSERT INTO tenant_meta VALUES (?, ?)`);
    meta.run('format', TENANT_FORMAT);
    meta.run('shape', JSON.stringify(shape));
    meta.run('counts', JSON.stringify(counts));
    batches.finish();
    return counts;
  } catch (error) {
    batches.abort();
    memberships.discard();
    throw error;
  }
}
