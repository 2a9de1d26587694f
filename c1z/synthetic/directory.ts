/**
 * A synthetic identity directory written straight into a sync file: users, groups (some nested) and roles,
 * with memberships and role assignments shaped like a real connector's (traits, RawId, GrantExpandable).
 * Seeded and clock-free, so the same options give the same rows. Used by `demo`, the benchmarks and tests
 * that need files larger or odder than the real samples.
 */
import { create } from '@bufbuild/protobuf';
import type { Any } from '@bufbuild/protobuf/wkt';
import { packAnnotation as pack } from '../proto/annotation.js';
import { GrantExpandableSchema, RawIdSchema } from '../proto/connector-annotations.js';
import { GroupTraitSchema, RoleTraitSchema, UserStatus, UserTraitSchema } from '../proto/connector-traits.js';
import {
  EntitlementPurpose,
  EntitlementSchema,
  GrantSchema,
  ResourceSchema,
  ResourceTypeSchema,
  ResourceTypeTrait,
  type Entitlement,
  type Resource,
  type ResourceType,
} from '../proto/connector.js';
import type { C1zWriter } from '../writer/c1z-writer.js';
import { seededRandom } from '../../lib/seeded-random.js';
import { addedCount, fateOf, type Mutation } from './mutation.js';

export interface DirectoryShape {
  users: number;
  groups: number;
  roles: number;
  /** Group memberships in total, spread over users; about one in twenty groups also nests in another. */
  memberships: number;
  /** Role assignments in total. */
  roleAssignments: number;
  seed?: number;
  /** Skip every n-th user (1-based) and their grants, to make a second sync that lost some. */
  dropEveryNthUser?: number;
  /**
   * Write a later sync of the same directory: objects removed, changed and added by a seed and a rate
   * (mutation.ts). Resources are removed (with their entitlements and grants), renamed or added; entitlements
   * are renamed, grants gain a source; new users come with grants. Grants and entitlements keep the embedded
   * copy of a renamed resource as it was, as connectors that embed only ids would write them, so only the
   * resource's own row differs.
   */
  mutate?: Mutation;
}

export interface DirectoryCounts {
  resourceTypes: number;
  resources: number;
  entitlements: number;
  grants: number;
}

/** Writes the directory as the rows of `syncId` and returns what it wrote. */
export function writeDirectory(writer: C1zWriter, syncId: string, shape: DirectoryShape): DirectoryCounts {
  const random = seededRandom(shape.seed ?? 1);
  const fate = fateOf(shape.mutate);
  /** Objects this sync leaves out; their entitlements and grants go with them. */
  const removed = new Set<string>();
  const gone = (r: Resource) => removed.size > 0 && removed.has(`${r.id!.resourceType}:${r.id!.resource}`);
  /** Writes the resource as this sync sees it: as built, changed, or not at all. */
  const writeResource = (r: Resource) => {
    const key = `${r.id!.resourceType}:${r.id!.resource}`;
    const f = fate(key);
    if (f === 'removed') removed.add(key);
    else writer.addResource(syncId, f === 'changed' ? { ...r, displayName: `${r.displayName} (renamed)` } : r);
  };
  const types: Record<'user' | 'group' | 'role', ResourceType> = {
    user: create(ResourceTypeSchema, { id: 'user', displayName: 'User', traits: [ResourceTypeTrait.USER] }),
    group: create(ResourceTypeSchema, { id: 'group', displayName: 'Group', traits: [ResourceTypeTrait.GROUP] }),
    role: create(ResourceTypeSchema, { id: 'role', displayName: 'Role', traits: [ResourceTypeTrait.ROLE] }),
  };
  for (const type of Object.values(types)) writer.addResourceType(syncId, type);
  const counts: DirectoryCounts = { resourceTypes: 3, resources: 0, entitlements: 0, grants: 0 };

  const resource = (type: 'user' | 'group' | 'role', id: string, displayName: string, annotations: Any[]): Resource =>
    create(ResourceSchema, { id: { resourceType: type, resource: id }, displayName, annotations: [...annotations, pack(RawIdSchema, { id })] });

  const user = (i: number): Resource => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const login = `user${String(i).padStart(7, '0')}`;
    return resource('user', `u-${String(i).padStart(7, '0')}`, name, [
      pack(UserTraitSchema, {
        emails: [{ address: `${login}@example.test`, isPrimary: true }],
        status: { status: i % 50 === 49 ? UserStatus.DISABLED : UserStatus.ENABLED },
        login,
      }),
    ]);
  };
  const group = (i: number) => resource('group', `g-${String(i).padStart(6, '0')}`, `Group ${i}`, [pack(GroupTraitSchema, {})]);
  const role = (i: number) => resource('role', `r-${String(i).padStart(5, '0')}`, `Role ${i}`, [pack(RoleTraitSchema, {})]);

  // Removed and dropped users stay in the list: the grants spread over it must land where they land without
  // them, so a sync that lost users differs from the full one by those users and their grants alone.
  const users: Resource[] = [];
  for (let i = 0; i < shape.users; i++) {
    users.push(user(i));
    if (shape.dropEveryNthUser && (i + 1) % shape.dropEveryNthUser === 0) removed.add(`user:${users[i]!.id!.resource}`);
    else writeResource(users[i]!);
  }
  const groups = Array.from({ length: shape.groups }, (_, i) => group(i));
  const roles = Array.from({ length: shape.roles }, (_, i) => role(i));
  for (const r of [...groups, ...roles]) writeResource(r);
  counts.resources = users.length + groups.length + roles.length - removed.size;

  const entitlement = (on: Resource, slug: string, purpose: EntitlementPurpose, grantableTo: ResourceType[]): Entitlement => {
    const e = create(EntitlementSchema, {
      resource: on,
      id: `${on.id!.resourceType}:${on.id!.resource}:${slug}`,
      displayName: `${on.displayName} ${slug}`,
      grantableTo,
      purpose,
      slug,
    });
    if (gone(on)) return e;
    writer.addEntitlement(syncId, fate(e.id) === 'changed' ? { ...e, displayName: `${e.displayName} (renamed)` } : e);
    counts.entitlements++;
    return e;
  };
  const memberOf = groups.map((g) => entitlement(g, 'member', EntitlementPurpose.ASSIGNMENT, [types.user, types.group]));
  const assignedTo = roles.map((r) => entitlement(r, 'assigned', EntitlementPurpose.PERMISSION, [types.user, types.group]));

  const grant = (e: Entitlement, principal: Resource, annotations: Any[] = []) => {
    if (gone(principal) || gone(e.resource!)) return;
    const id = `${e.id}:${principal.id!.resourceType}:${principal.id!.resource}`;
    // A changed grant gained a source, as a grant does when expansion finds it through a nested group.
    const changed = shape.mutate !== undefined && fate(id) === 'changed';
    const init = { entitlement: e, principal, id, annotations };
    writer.addGrant(syncId, create(GrantSchema, changed ? { ...init, sources: { sources: { [e.id]: { isDirect: true } } } } : init));
    counts.grants++;
  };
  // Nested groups: group k+1 is a member of group k for every twentieth k, expandable as real connectors mark them.
  for (let k = 0; k + 1 < groups.length; k += 20) {
    const inner = groups[k + 1]!;
    grant(memberOf[k]!, inner, [pack(GrantExpandableSchema, { entitlementIds: [`group:${inner.id!.resource}:member`] })]);
  }
  spread(users, memberOf, shape.memberships, random, grant);
  spread(users, assignedTo, shape.roleAssignments, random, grant);
  if (shape.mutate)
    addObjects(shape, shape.mutate, {
      users,
      types,
      memberOf,
      assignedTo,
      user,
      group,
      role,
      entitlement,
      grant,
      write: (r) => writer.addResource(syncId, r),
      counts,
    });
  return counts;
}

interface Additions {
  users: Resource[];
  types: Record<'user' | 'group', ResourceType>;
  memberOf: Entitlement[];
  assignedTo: Entitlement[];
  user: (i: number) => Resource;
  group: (i: number) => Resource;
  role: (i: number) => Resource;
  entitlement: (on: Resource, slug: string, purpose: EntitlementPurpose, grantableTo: ResourceType[]) => Entitlement;
  grant: (e: Entitlement, principal: Resource) => void;
  write: (r: Resource) => void;
  counts: DirectoryCounts;
}

/** New users (with as many memberships and role assignments as the others have), groups and roles. */
function addObjects(shape: DirectoryShape, mutation: Mutation, a: Additions): void {
  const random = seededRandom(mutation.seed);
  const usersAdded = addedCount(mutation, shape.users);
  const groupsAdded = addedCount(mutation, shape.groups);
  const rolesAdded = addedCount(mutation, shape.roles);
  const grantableTo = [a.types.user, a.types.group];
  for (let k = 0; k < groupsAdded; k++) {
    const g = a.group(shape.groups + k);
    a.write(g);
    a.entitlement(g, 'member', EntitlementPurpose.ASSIGNMENT, grantableTo);
  }
  for (let k = 0; k < rolesAdded; k++) {
    const r = a.role(shape.roles + k);
    a.write(r);
    a.entitlement(r, 'assigned', EntitlementPurpose.PERMISSION, grantableTo);
  }
  const pick = (from: Entitlement[], perUser: number, u: Resource) => {
    const start = Math.floor(random() * from.length);
    for (let j = 0; j < Math.min(perUser, from.length); j++) a.grant(from[(start + j) % from.length]!, u);
  };
  const perUser = (total: number) => (a.users.length === 0 ? 0 : Math.round(total / a.users.length));
  for (let k = 0; k < usersAdded; k++) {
    const u = a.user(shape.users + k);
    a.write(u);
    pick(a.memberOf, perUser(shape.memberships), u);
    pick(a.assignedTo, perUser(shape.roleAssignments), u);
  }
  a.counts.resources += usersAdded + groupsAdded + rolesAdded;
}

/** `total` distinct (user, entitlement) pairs, users in turn, entitlements chosen by the seeded generator. */
function spread(
  users: Resource[],
  entitlements: Entitlement[],
  total: number,
  random: () => number,
  grant: (e: Entitlement, p: Resource) => void,
): void {
  if (users.length === 0 || entitlements.length === 0) return;
  const perUser = Math.min(entitlements.length, Math.ceil(total / users.length));
  let written = 0;
  for (let u = 0; written < total && u < users.length; u++) {
    const start = Math.floor(random() * entitlements.length);
    for (let j = 0; j < perUser && written < total; j++, written++) grant(entitlements[(start + j) % entitlements.length]!, users[u]!);
  }
}

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Leslie',
  'Margaret',
  'Dennis',
  'Sophie',
  'Tim',
  'Lynn',
  'Niklaus',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Lamport',
  'Hamilton',
  'Ritchie',
  'Wilson',
  'Berners-Lee',
  'Conway',
  'Wirth',
];
