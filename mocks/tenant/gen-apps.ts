/**
 * Enterprise apps, their app roles and who is assigned to them. Every app has Entra's default access role
 * (the all-zero id, what "assigned without a role" means) plus one to three named roles.
 */
import { stableUuid } from '../core/ids.js';
import { buildIndexes, drawUnique, skewed, type GenContext } from './gen-context.js';
import { providerIds } from './provider-ids.js';
import { APPS, APP_ROLES, APP_ROLE_ASSIGNMENTS } from './schema.js';

export const DEFAULT_APP_ROLE_ID = '00000000-0000-0000-0000-000000000000';

const PRODUCTS = ['Portal', 'CRM', 'HR', 'Wiki', 'Analytics', 'Payroll', 'Helpdesk', 'Sync', 'Expenses', 'Docs'];
const ROLE_NAMES = ['Reader', 'Writer', 'Admin', 'Approver', 'Auditor', 'Contributor'];
const GROUP_SHARE = 0.15;

/** Where each app's roles sit in the app_roles seq range: app n's are first[n] .. first[n] + count[n] - 1. */
interface RoleRanges {
  first: number[];
  count: number[];
}

export function generateApps(ctx: GenContext): { apps: number; appRoles: number; ranges: RoleRanges } {
  const { db, shape, random, batches } = ctx;
  const insertApp = db.prepare(`INSERT INTO apps VALUES (@seq, @displayName, @appId, @objectId, @googleId, @awsId, @scimId)`);
  const insertRole = db.prepare(`INSERT INTO app_roles VALUES (?, ?, ?, ?, ?)`);
  const ranges: RoleRanges = { first: [], count: [] };
  let roleSeq = 0;
  batches.phase('apps');
  for (let seq = 1; seq <= shape.apps; seq++) {
    const faker = random.at('app', seq);
    insertApp.run({
      seq,
      displayName: `${faker.company.name()} ${faker.helpers.arrayElement(PRODUCTS)}`,
      appId: stableUuid(shape.seed, `app:${seq}:appId`),
      ...providerIds(shape.seed, 'app', seq),
    });
    ranges.first[seq] = roleSeq + 1;
    insertRole.run(++roleSeq, seq, DEFAULT_APP_ROLE_ID, '', 'Default Access');
    const named = faker.helpers.arrayElements(ROLE_NAMES, random.int(1, 3));
    for (const name of named) insertRole.run(++roleSeq, seq, stableUuid(shape.seed, `app:${seq}:role:${name}`), name, name);
    ranges.count[seq] = 1 + named.length;
    batches.step();
  }
  buildIndexes(ctx, APPS);
  buildIndexes(ctx, APP_ROLES);
  return { apps: shape.apps, appRoles: roleSeq, ranges };
}

export function generateAppRoleAssignments(ctx: GenContext, ranges: RoleRanges): { appRoleAssignments: number } {
  const { db, shape, random, batches } = ctx;
  const insert = db.prepare(`INSERT OR IGNORE INTO app_role_assignments VALUES (?, ?, ?, ?, ?)`);
  const possible = shape.apps > 0 && shape.users + shape.groups > 0;
  let seq = 0;
  batches.phase('app role assignments');
  for (let attempt = 1; possible && attempt <= shape.appRoleAssignments; attempt++) {
    random.at('appRoleAssignment', attempt);
    const made = drawUnique(10, () => {
      const app = skewed(random.next(), shape.apps, 1.5);
      // Half the assignments use the default role, as most apps are assigned without picking a role.
      const offset = random.next() < 0.5 ? 0 : random.int(1, ranges.count[app]! - 1);
      const asGroup = shape.users === 0 || (shape.groups > 0 && random.next() < GROUP_SHARE);
      const principal = random.int(1, asGroup ? shape.groups : shape.users);
      return insert.run(seq + 1, app, ranges.first[app]! + offset, asGroup ? 'group' : 'user', principal).changes === 1;
    });
    if (made) seq++;
    batches.step();
  }
  buildIndexes(ctx, APP_ROLE_ASSIGNMENTS);
  return { appRoleAssignments: seq };
}
