/**
 * What the Entra connector should write for a tenant, given the app's granted Graph permissions.
 *
 * The rule, route by route (mocks/entra/graph/permissions.ts decides who may read what):
 * - `user:<objectId>` for every user when the permissions read users (`/users`);
 * - `group:<objectId>` for every group when they read groups (`/groups`);
 * - when they read groups and group members (`/groups/{id}/members`, `/owners`): a member grant
 *   `group:<gid>:member:<user|group>:<oid>` for every direct membership and an owner grant
 *   `group:<gid>:owner:user:<oid>` for every owner. A member the app may not read in full still comes back
 *   as "limited information" (`@odata.type` and `id`), which is all a grant needs, so member grants do not
 *   depend on reading users.
 * - when they read apps (`/servicePrincipals`, Application.Read.All): `enterprise_application:<spId>` for
 *   every app and an assignment grant `enterprise_application:<spId>:assignment:<appRoleId>:<user|group>:<oid>`
 *   for every app role assignment whose role and principal exist (the tenant records no app owners, so there
 *   are no app owner grants).
 * Each part is what a successful read with those permissions would hold. The connector itself lists users
 * first and stops at the first 403, so without user access its sync fails and misses everything: the
 * comparison shows that loss instead of hiding it behind an empty expectation.
 * `permissions` undefined means the simulator's default, full read.
 */
import { GRANTS, type Access } from '../../mocks/entra/graph/permissions.js';
import type { Page, PageRequest, PrincipalType, TenantStore } from '../../mocks/tenant/model.js';
import type { GroundTruth } from './model.js';
import { appAssignmentEntitlementId } from '../../connectors/entra/apps.js';
import { memberEntitlementId, ownerEntitlementId } from '../../connectors/entra/records.js';

const PAGE = 1000;

export function groundTruth(tenant: TenantStore, permissions?: readonly string[]): GroundTruth {
  const allows = (access: Access) => permissions === undefined || GRANTS[access].some((p) => permissions.includes(p));
  const resources: string[] = [];
  const grants: string[] = [];
  if (allows('users')) for (const user of drain((p) => tenant.users(p))) resources.push(`user:${user.objectId}`);
  if (allows('groups')) groupTruth(tenant, allows('members'), resources, grants);
  if (allows('apps')) appTruth(tenant, resources, grants);
  return { resources, grants };
}

function groupTruth(tenant: TenantStore, members: boolean, resources: string[], grants: string[]): void {
  for (const group of drain((p) => tenant.groups(p))) {
    resources.push(`group:${group.objectId}`);
    if (!members) continue;
    for (const m of drain((p) => tenant.members(group.seq, p))) {
      // A membership whose principal is gone is not listed by Graph either.
      const member = principalOf(tenant, m.memberType, m.memberSeq);
      if (member) grants.push(`${memberEntitlementId(group.objectId)}:${m.memberType}:${member.objectId}`);
    }
    for (const owner of tenant.owners(group.seq)) grants.push(`${ownerEntitlementId(group.objectId)}:user:${owner.objectId}`);
  }
}

function appTruth(tenant: TenantStore, resources: string[], grants: string[]): void {
  for (const app of drain((p) => tenant.apps(p))) {
    resources.push(`enterprise_application:${app.objectId}`);
    const roles = new Map(tenant.appRoles(app.seq).map((r) => [r.seq, r]));
    for (const a of drain((p) => tenant.appRoleAssignments(app.seq, p))) {
      // Graph leaves out an assignment whose role or principal is gone; so does the truth.
      const role = roles.get(a.appRoleSeq);
      const who = principalOf(tenant, a.principalType, a.principalSeq);
      if (role && who) grants.push(`${appAssignmentEntitlementId(app.objectId, role.id)}:${a.principalType}:${who.objectId}`);
    }
  }
}

function principalOf(tenant: TenantStore, type: PrincipalType, seq: number): { objectId: string } | undefined {
  return type === 'user' ? tenant.user(seq) : tenant.group(seq);
}

function* drain<T>(list: (page: PageRequest) => Page<T>): Generator<T> {
  let after: number | undefined = 0;
  while (after !== undefined) {
    const page = list({ after, limit: PAGE });
    yield* page.items;
    after = page.next;
  }
}

/** The name harness/ground-truth/index.ts loads a provider's ground truth by. */
