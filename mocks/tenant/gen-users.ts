/**
 * Users, and the groups each user is a direct member of, written in one pass so a million users stream
 * through holding nothing per user but a count of its name. Each user's draws come from its own stream: names
 * first, group picks last, so changing the group count re-deals memberships but renames nobody.
 */
import { buildIndexes, skewed, type GenContext } from './gen-context.js';
import { kindDealer, pickedEvenly } from './kind-mix.js';
import type { UserKind } from './model.js';
import { EXTERNAL_DOMAINS, GUEST_DOMAINS, SERVICE_PURPOSES, externalUpn, localPart } from './names.js';
import { providerIds } from './provider-ids.js';
import { USERS } from './schema.js';

/** Accounts are created over the five years before the reference date. */
const CREATED_YEARS = 5;

export function generateUsers(ctx: GenContext): { users: number } {
  const { db, shape, random, batches } = ctx;
  // Positional parameters: binding by name costs a property lookup per column, a million times over.
  const insertUser = db.prepare(`INSERT INTO users VALUES (${Array(15).fill('?').join(', ')})`);
  const nextKind = kindDealer(shape);
  const picked = new Set<number>();
  batches.phase('users');
  for (let seq = 1; seq <= shape.users; seq++) {
    const kind = nextKind();
    const faker = random.at('user', seq);
    const person = kind === 'service' ? serviceAccount(ctx) : namedPerson(ctx, kind);
    const createdAt = faker.date.past({ years: CREATED_YEARS }).toISOString();
    const ids = providerIds(shape.seed, 'user', seq);
    insertUser.run(
      seq,
      kind,
      pickedEvenly(seq, shape.disabledRatio) ? 0 : 1,
      person.givenName,
      person.surname,
      person.displayName,
      person.userPrincipalName,
      person.mail,
      person.jobTitle,
      person.department,
      createdAt,
      ids.objectId,
      ids.googleId,
      ids.awsId,
      ids.scimId,
    );
    for (const group of pickGroups(ctx, picked)) ctx.memberships.add(group, 'user', seq);
    batches.step();
  }
  buildIndexes(ctx, USERS);
  return { users: shape.users };
}

interface Person {
  givenName: string;
  surname: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
  department: string;
}

function namedPerson(ctx: GenContext, kind: Exclude<UserKind, 'service'>): Person {
  const { faker } = ctx.random;
  const givenName = faker.person.firstName();
  const surname = faker.person.lastName();
  const local = localPart(`${givenName}.${surname}`);
  // faker's jobTitle() is these three parts run through its template engine, at ten times the cost;
  // composing them directly also lets the title name the user's own department.
  const department = faker.person.jobArea();
  const jobTitle = `${faker.person.jobDescriptor()} ${department} ${faker.person.jobType()}`;
  if (kind === 'member') {
    const address = ctx.names.address(local, ctx.shape.domain);
    return { givenName, surname, displayName: `${givenName} ${surname}`, userPrincipalName: address, mail: address, jobTitle, department };
  }
  const home = faker.helpers.arrayElement(kind === 'guest' ? GUEST_DOMAINS : EXTERNAL_DOMAINS);
  const mail = ctx.names.address(local, home);
  return {
    givenName,
    surname,
    displayName: `${givenName} ${surname}`,
    userPrincipalName: externalUpn(mail, ctx.shape.domain),
    mail,
    jobTitle,
    department,
  };
}

function serviceAccount(ctx: GenContext): Person {
  const purpose = ctx.random.faker.helpers.arrayElement(SERVICE_PURPOSES);
  const address = ctx.names.address(`svc-${purpose}`, ctx.shape.domain);
  const name = address.slice(0, address.indexOf('@'));
  return { givenName: '', surname: '', displayName: name, userPrincipalName: address, mail: address, jobTitle: 'Service account', department: 'IT' };
}

/**
 * About `membershipsPerUser` distinct groups (uniform over 0..2× the mean), skewed towards low seqs so a
 * few groups are large, as "All staff"-style groups are.
 */
function* pickGroups(ctx: GenContext, picked: Set<number>): Generator<number> {
  const { groups, membershipsPerUser } = ctx.shape;
  if (groups === 0) return;
  const { random } = ctx;
  const x = random.next() * 2 * membershipsPerUser;
  const wanted = Math.min(groups, Math.floor(x) + (random.next() < x % 1 ? 1 : 0));
  picked.clear();
  for (let tries = 0; picked.size < wanted && tries < wanted * 20; tries++) {
    const group = skewed(random.next(), groups);
    if (picked.has(group)) continue;
    picked.add(group);
    yield group;
  }
}
