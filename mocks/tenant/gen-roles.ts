/**
 * Directory roles and who holds them. Roles are Entra's built-ins (real template ids) as far as the list
 * goes, then custom roles. A role counts as activated once assigned, as Entra activates a role template on
 * first assignment; Global Administrator always is, since no tenant is without one.
 */
import { stableUuid } from '../core/ids.js';
import { BUILTIN_ROLES } from './builtin-roles.js';
import { buildIndexes, drawUnique, memberPicker, skewed, type GenContext } from './gen-context.js';
import { providerIds } from './provider-ids.js';
import { ROLES, ROLE_ASSIGNMENTS } from './schema.js';

/** Share of role assignments held by a group (Entra's role-assignable groups) rather than a user. */
const GROUP_SHARE = 0.1;

export function generateRoles(ctx: GenContext): { roles: number } {
  const { db, shape, random, batches } = ctx;
  const insert = db.prepare(`INSERT INTO roles VALUES (@seq, @displayName, @description, @templateId, 0, @objectId, @googleId, @awsId, @scimId)`);
  batches.phase('roles');
  for (let seq = 1; seq <= shape.roles; seq++) {
    const builtin = BUILTIN_ROLES[seq - 1];
    const faker = random.at('role', seq);
    const area = faker.person.jobArea();
    insert.run({
      seq,
      displayName: builtin?.displayName ?? ctx.names.name('role', `${area} Custom Administrator`),
      description: builtin?.description ?? `Custom role for the ${area} team.`,
      templateId: builtin?.templateId ?? stableUuid(shape.seed, `role:${seq}:template`),
      ...providerIds(shape.seed, 'role', seq),
    });
    batches.step();
  }
  buildIndexes(ctx, ROLES);
  return { roles: shape.roles };
}

export function generateRoleAssignments(ctx: GenContext): { roleAssignments: number } {
  const { db, shape, random, batches } = ctx;
  const insert = db.prepare(`INSERT OR IGNORE INTO role_assignments VALUES (?, ?, ?, ?)`);
  const pickMember = memberPicker(ctx);
  const possible = shape.roles > 0 && shape.users + shape.groups > 0;
  let seq = 0;
  batches.phase('role assignments');
  for (let attempt = 1; possible && attempt <= shape.roleAssignments; attempt++) {
    random.at('roleAssignment', attempt);
    const made = drawUnique(10, () => {
      const role = skewed(random.next(), shape.roles, 1.5);
      const asGroup = shape.users === 0 || (shape.groups > 0 && random.next() < GROUP_SHARE);
      const principal = asGroup ? random.int(1, shape.groups) : pickMember(random.int(1, shape.users));
      return insert.run(seq + 1, role, asGroup ? 'group' : 'user', principal).changes === 1;
    });
    if (made) seq++;
    batches.step();
  }
  db.prepare(`UPDATE roles SET activated = 1 WHERE seq = 1 OR seq IN (SELECT role_seq FROM role_assignments)`).run();
  buildIndexes(ctx, ROLE_ASSIGNMENTS);
  return { roleAssignments: seq };
}
