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
import { seededRandom } from '../../seeded-random.js';

export interface DirectoryShape {
  users: number;
  groups: number;
  roles: number;
  /** Group memberships in total, spread over users; about one in twenty groups also nests in another. */
  memberships: number;
  /** Role assignments in total. */
  roleAssignments: number;
  seed?: number;
  /** Skip every n-th user (1-based), to make a second sync that lost some. */
  dropEveryNthUser?: number;
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
  const types: Record<'user' | 'group' | 'role', ResourceType> = {
    user: create(ResourceTypeSchema, { id: 'user', displayName: 'User', traits: [ResourceTypeTrait.USER] }),
    group: create(ResourceTypeSchema, { id: 'group', displayName: 'Group', traits: [ResourceTypeTrait.GROUP] }),
    role: create(ResourceTypeSchema, { id: 'role', displayName: 'Role', traits: [ResourceTypeTrait.ROLE] }),
  };
  for (const type of Object.values(types)) writer.addResourceType(syncId, type);
  const counts: DirectoryCounts = { resourceTypes: 3, resources: 0, entitlements: 0, grants: 0 };

  const resource = (type: 'user' | 'group' | 'role', id: string, displayName: string, annotations: Any[]): Resource =>
    create(ResourceSchema, { id: { resourceType: type, resource: id }, displayName, annotations: [...annotations, pack(RawIdSchema, { id })] });

  const users: Resource[] = [];
  for (let i = 0; i < shape.users; i++) {
    if (shape.dropEveryNthUser && (i + 1) % shape.dropEveryNthUser === 0) continue;
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const login = `user${String(i).padStart(7, '0')}`;
    const user = resource('user', `u-${String(i).padStart(7, '0')}`, name, [
      pack(UserTraitSchema, {
        emails: [{ address: `${login}@example.test`, isPrimary: true }],
        status: { status: i % 50 === 49 ? UserStatus.DISABLED : UserStatus.ENABLED },
        login,
      }),
    ]);
    users.push(user);
    writer.addResource(syncId, user);
  }
  const groups = Array.from({ length: shape.groups }, (_, i) =>
    resource('group', `g-${String(i).padStart(6, '0')}`, `Group ${i}`, [pack(GroupTraitSchema, {})]),
  );
  const roles = Array.from({ length: shape.roles }, (_, i) => resource('role', `r-${String(i).padStart(5, '0')}`, `Role ${i}`, [pack(RoleTraitSchema, {})]));
  for (const r of [...groups, ...roles]) writer.addResource(syncId, r);
  counts.resources = users.length + groups.length + roles.length;

  const entitlement = (on: Resource, slug: string, purpose: EntitlementPurpose, grantableTo: ResourceType[]): Entitlement => {
    const e = create(EntitlementSchema, {
      resource: on,
      id: `${on.id!.resourceType}:${on.id!.resource}:${slug}`,
      displayName: `${on.displayName} ${slug}`,
      grantableTo,
      purpose,
      slug,
    });
    writer.addEntitlement(syncId, e);
    counts.entitlements++;
    return e;
  };
  const memberOf = groups.map((g) => entitlement(g, 'member', EntitlementPurpose.ASSIGNMENT, [types.user, types.group]));
  const assignedTo = roles.map((r) => entitlement(r, 'assigned', EntitlementPurpose.PERMISSION, [types.user, types.group]));

  const grant = (e: Entitlement, principal: Resource, annotations: Any[] = []) => {
    writer.addGrant(syncId, create(GrantSchema, { entitlement: e, principal, id: `${e.id}:${principal.id!.resourceType}:${principal.id!.resource}`, annotations }));
    counts.grants++;
  };
  // Nested groups: group k+1 is a member of group k for every twentieth k, expandable as real connectors mark them.
  for (let k = 0; k + 1 < groups.length; k += 20) {
    const inner = groups[k + 1]!;
    grant(memberOf[k]!, inner, [pack(GrantExpandableSchema, { entitlementIds: [`group:${inner.id!.resource}:member`] })]);
  }
  spread(users, memberOf, shape.memberships, random, grant);
  spread(users, assignedTo, shape.roleAssignments, random, grant);
  return counts;
}

/** `total` distinct (user, entitlement) pairs, users in turn, entitlements chosen by the seeded generator. */
function spread(users: Resource[], entitlements: Entitlement[], total: number, random: () => number, grant: (e: Entitlement, p: Resource) => void): void {
  if (users.length === 0 || entitlements.length === 0) return;
  const perUser = Math.min(entitlements.length, Math.ceil(total / users.length));
  let written = 0;
  for (let u = 0; written < total && u < users.length; u++) {
    const start = Math.floor(random() * entitlements.length);
    for (let j = 0; j < perUser && written < total; j++, written++) grant(entitlements[(start + j) % entitlements.length]!, users[u]!);
  }
}


const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Leslie', 'Margaret', 'Dennis', 'Sophie', 'Tim', 'Lynn', 'Niklaus'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Lamport', 'Hamilton', 'Ritchie', 'Wilson', 'Berners-Lee', 'Conway', 'Wirth'];
