/**
 * Groups, their nesting and their owners. Nesting only ever points at a lower seq, so the group graph is
 * acyclic by construction (Entra refuses cycles; connectors that expand nested groups still meet deep
 * chains). Owners are enabled members, found through the users index the user pass just built.
 */
import { buildIndexes, memberPicker, type GenContext } from './gen-context.js';
import { pickedEvenly } from './kind-mix.js';
import type { GroupKind } from './model.js';
import { localPart } from './names.js';
import { providerIds } from './provider-ids.js';
import { GROUPS, GROUP_OWNERS, MEMBERSHIPS } from './schema.js';

const SUFFIXES = ['Team', 'Admins', 'Readers', 'Engineers', 'Managers', 'Project', 'Leads', 'Contractors', 'Approvers', 'Champions'];

export function generateGroups(ctx: GenContext): { groups: number; nested: number; owners: number } {
  const { db, shape, random, batches } = ctx;
  const insertGroup = db.prepare(
    `INSERT INTO groups VALUES (@seq, @kind, @displayName, @mail, @description, @createdAt, @objectId, @googleId, @awsId, @scimId)`,
  );
  const addOwner = db.prepare(`INSERT OR IGNORE INTO group_owners VALUES (?, ?)`);
  const pickOwner = memberPicker(ctx);
  let nested = 0;
  let owners = 0;
  batches.phase('groups');
  for (let seq = 1; seq <= shape.groups; seq++) {
    const faker = random.at('group', seq);
    const kind = groupKind(random.next());
    const displayName = `${faker.person.jobArea()} ${faker.helpers.arrayElement(SUFFIXES)}`;
    insertGroup.run({
      seq,
      kind,
      displayName,
      mail: ctx.names.address(localPart(displayName).replace(/\./g, '-'), shape.domain),
      description: faker.company.catchPhrase(),
      createdAt: faker.date.past({ years: 5 }).toISOString(),
      ...providerIds(shape.seed, 'group', seq),
    });
    // Group 1 has nowhere to nest; the others nest at exactly the ratio, evenly spread.
    if (seq > 1 && pickedEvenly(seq - 1, shape.nestedGroupRatio)) {
      ctx.memberships.add(random.int(1, seq - 1), 'group', seq);
      nested++;
    }
    const ownerCount = shape.users === 0 ? 0 : random.next() < 0.3 ? 2 : 1;
    for (let i = 0; i < ownerCount; i++) owners += addOwner.run(seq, pickOwner(random.int(1, shape.users))).changes;
    batches.step();
  }
  buildIndexes(ctx, GROUPS);
  batches.phase('memberships');
  ctx.memberships.publish();
  buildIndexes(ctx, MEMBERSHIPS);
  buildIndexes(ctx, GROUP_OWNERS);
  return { groups: shape.groups, nested, owners };
}

function groupKind(u: number): GroupKind {
  return u < 0.6 ? 'security' : u < 0.8 ? 'distribution' : 'microsoft365';
}
