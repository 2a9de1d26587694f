/**
 * A reference Okta connector for the sync engine, shaped after baton-okta: users, groups, the standard admin
 * roles and apps (see resources.ts for ids). Grants: group members from `/groups/{id}/users`; a user's admin
 * roles from `/users/{id}/roles`, read only for the users `/iam/assignees/users` lists (role-holders.ts),
 * and a group's from `/groups/{id}/roles` (Okta lists who holds a role only
 * per holder, so the holder's grants carry them; a role held through a group is that group's grant,
 * expanded into its members, as with apps); an app's user and group assignments from `/apps/{id}/users` and `/apps/{id}/groups`. Each
 * listing's page token is Okta's absolute next link, followed as given. Group membership is provisioned
 * (PUT and DELETE `/groups/{id}/users/{userId}`) with a token that adds `okta.groups.manage`.
 *
 * A read refused for want of a scope (an OAuth token: 403 insufficient_scope) or of an admin right (an SSWS
 * token: 403 E0000006) costs that kind of data, not the sync: the kind is skipped from then on, as
 * baton-okta swallows E0000006 on group roles. The refusal is asked for rather than foreseen from the
 * token's granted scopes, so it is on the wire for the doctor to name. Users are the exception: a sync
 * without them is worth nothing, so their refusal fails it. The standard roles are a fixed catalogue,
 * listed without a call whatever is granted; who holds them needs `okta.roles.read`.
 */
import { type Resource, type Connector, type ResourceSyncer, ConnectorHttpError } from '../../c1z/contract/index.js';
import { OktaClient, type OktaClientOptions } from './client.js';
import { OktaHttpError } from './errors.js';
import { pageUrl } from './link-header.js';
import { RoleHolders } from './role-holders.js';
import {
  APP_RESOURCE_TYPE,
  appEntitlement,
  appResource,
  GROUP_RESOURCE_TYPE,
  grantTo,
  groupResource,
  ROLE_RESOURCE_TYPE,
  roleEntitlement,
  roleResource,
  USER_RESOURCE_TYPE,
  userResource,
  type OktaApp,
  type OktaAppGroup,
  type OktaAppUser,
  type OktaGroup,
  type OktaRoleAssignment,
  type OktaUser,
} from './resources.js';
import type { ReadKind } from './scopes.js';
import { STANDARD_ROLES } from './standard-roles.js';
import { memberEntitlement } from '../shared/group-membership.js';

/** `limit` per listing: Okta's documented maximum for users and app users, baton-okta's 200 elsewhere. */
export const PAGE_SIZES = { users: 200, groups: 200, members: 200, apps: 200, appUsers: 500, appGroups: 200 } as const;

export interface OktaConnectorOptions extends OktaClientOptions {
  pageSizes?: Partial<Record<keyof typeof PAGE_SIZES, number>>;
}

export interface OktaConnector extends Connector {
  client: OktaClient;
}

const EMPTY = { nextPageToken: '' };

export function createOktaConnector(options: OktaConnectorOptions): OktaConnector {
  const client = new OktaClient(options);
  const sizes = { ...PAGE_SIZES, ...options.pageSizes };
  const page = <T>(firstPath: string, pageToken: string) => client.list<T>(pageUrl(client.orgUrl, firstPath, pageToken));

  const refused = new Set<Exclude<ReadKind, 'users'>>();
  const holders = new RoleHolders(client);

  /** `read`, or `empty` once the org has refused this kind of data for want of a scope or admin right. */
  async function unlessRefused<T>(kind: Exclude<ReadKind, 'users'>, empty: T, read: () => Promise<T>): Promise<T> {
    if (refused.has(kind)) return empty;
    try {
      return await read();
    } catch (error) {
      if (!isRightRefused(error)) throw error;
      refused.add(kind);
      return empty;
    }
  }

  const userSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      // `search=status pr` returns DEPROVISIONED users too, which the plain listing leaves out.
      const answer = await page<OktaUser>(`/api/v1/users?search=${encodeURIComponent('status pr')}&limit=${sizes.users}`, pageToken);
      return { resources: answer.items.map(userResource), nextPageToken: answer.next ?? '' };
    },
    async entitlements() {
      return { entitlements: [], ...EMPTY };
    },
    async grants(resource) {
      return { grants: await roleGrants('user', resource.id?.resource ?? ''), ...EMPTY };
    },
  };

  const groupSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      return unlessRefused('groups', { resources: [], ...EMPTY }, async () => {
        const answer = await page<OktaGroup>(`/api/v1/groups?limit=${sizes.groups}`, pageToken);
        return { resources: answer.items.map(groupResource), nextPageToken: answer.next ?? '' };
      });
    },
    async entitlements(resource) {
      return { entitlements: [memberEntitlement(resource)], ...EMPTY };
    },
    async grants(resource, pageToken) {
      // Members, then the group's own roles, each its own engine call (`members:<next>`, `roles:`), so a
      // retried call never asks again for a page the other half already read. Okta groups do not nest:
      // members are users only.
      const groupId = resource.id?.resource ?? '';
      const [half, rest] = pageToken === '' ? ['members', ''] : splitToken(pageToken, ['members', 'roles']);
      if (half === 'roles') return { grants: await roleGrants('group', groupId), ...EMPTY };
      const entitlement = memberEntitlement(resource);
      const members = await unlessRefused('groups', { grants: [], ...EMPTY }, async () => {
        const answer = await page<OktaUser>(`/api/v1/groups/${encodeURIComponent(groupId)}/users?limit=${sizes.members}`, rest);
        return { grants: answer.items.map((u) => grantTo(entitlement, 'user', u.id)), nextPageToken: answer.next ?? '' };
      });
      return { grants: members.grants, nextPageToken: members.nextPageToken ? `members:${members.nextPageToken}` : 'roles:' };
    },
    async grant(principal, entitlement) {
      const userId = memberUserId(principal);
      await client.change('PUT', memberUrl(entitlement.resource?.id?.resource ?? '', userId));
      return [grantTo(entitlement, 'user', userId)];
    },
    async revoke(grant) {
      await client.change('DELETE', memberUrl(grant.entitlement?.resource?.id?.resource ?? '', memberUserId(grant.principal)));
    },
  };

  const roleSyncer: ResourceSyncer = {
    async list() {
      return { resources: Object.keys(STANDARD_ROLES).map(standardRole), ...EMPTY };
    },
    async entitlements(resource) {
      return { entitlements: [roleEntitlement(resource)], ...EMPTY };
    },
    async grants() {
      return { grants: [], ...EMPTY };
    },
  };

  const appSyncer: ResourceSyncer = {
    async list(_parent, pageToken) {
      return unlessRefused('apps', { resources: [], ...EMPTY }, async () => {
        const answer = await page<OktaApp>(`/api/v1/apps?limit=${sizes.apps}`, pageToken);
        return { resources: answer.items.map(appResource), nextPageToken: answer.next ?? '' };
      });
    },
    async entitlements(resource) {
      return { entitlements: [appEntitlement(resource)], ...EMPTY };
    },
    async grants(resource, pageToken) {
      return unlessRefused('apps', { grants: [], ...EMPTY }, () => appGrants(resource, pageToken));
    },
  };

  const memberUrl = (groupId: string, userId: string) =>
    `${client.orgUrl}/api/v1/groups/${encodeURIComponent(groupId)}/users/${encodeURIComponent(userId)}`;

  /** The standard roles a user or group holds itself (`assignmentType` USER or GROUP), active ones only. */
  async function roleGrants(type: 'user' | 'group', id: string) {
    // Users are many and few hold a role: only the holders' roles are read.
    if (type === 'user' && !(await unlessRefused('roles', false, () => holders.has(id)))) return [];
    const url = `${client.orgUrl}/api/v1/${type}s/${encodeURIComponent(id)}/roles`;
    const answer = await unlessRefused('roles', { items: [] as OktaRoleAssignment[] }, () => client.list<OktaRoleAssignment>(url));
    const own = type === 'user' ? 'USER' : 'GROUP';
    const held = answer.items.filter(
      (a) => (a.status ?? 'ACTIVE') === 'ACTIVE' && (a.assignmentType ?? own) === own && a.type !== undefined && a.type in STANDARD_ROLES,
    );
    return held.map((a) => grantTo(roleEntitlement(standardRole(a.type!)), type, id));
  }

  /**
   * Users, then groups, as one listing: the token says which half it is in (`users:<next>`, `groups:<next>`).
   * Users assigned through a group (`scope` GROUP) are that group's grant, expanded; only direct ones count.
   */
  async function appGrants(app: Resource, pageToken: string) {
    const appId = encodeURIComponent(app.id?.resource ?? '');
    const entitlement = appEntitlement(app);
    const [half, rest] = pageToken === '' ? ['users', ''] : splitToken(pageToken, ['users', 'groups']);
    if (half === 'users') {
      const answer = await page<OktaAppUser>(`/api/v1/apps/${appId}/users?limit=${sizes.appUsers}`, rest);
      const grants = answer.items.filter((u) => (u.scope ?? 'USER') === 'USER').map((u) => grantTo(entitlement, 'user', u.id));
      return { grants, nextPageToken: answer.next ? `users:${answer.next}` : 'groups:' };
    }
    const answer = await page<OktaAppGroup>(`/api/v1/apps/${appId}/groups?limit=${sizes.appGroups}`, rest);
    return { grants: answer.items.map((g) => grantTo(entitlement, 'group', g.id)), nextPageToken: answer.next ? `groups:${answer.next}` : '' };
  }

  return {
    client,
    resourceTypes: () => [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE, ROLE_RESOURCE_TYPE, APP_RESOURCE_TYPE],
    syncers: { user: userSyncer, group: groupSyncer, role: roleSyncer, app: appSyncer },
  };
}

/** Okta groups hold users only: a group cannot be made a member. */
function memberUserId(principal: Resource | undefined): string {
  const type = principal?.id?.resourceType;
  if (type !== 'user') {
    const message = `okta connector: a ${type ?? 'missing principal'} cannot be a group member (Okta groups hold users only)`;
    throw new ConnectorHttpError(400, { message });
  }
  return principal!.id!.resource;
}

/** A 403 for a scope the token lacks (OAuth) or a right its admin lacks (SSWS): the data is not this app's to read. */
function isRightRefused(error: unknown): boolean {
  return error instanceof OktaHttpError && error.status === 403 && (error.errorCode === 'insufficient_scope' || error.errorCode === 'E0000006');
}

function standardRole(type: string): Resource {
  return roleResource(type, STANDARD_ROLES[type] ?? type);
}

/** A grants token `<half>:<next link>` of a listing read in two halves; an empty link is the half's first page. */
function splitToken<H extends string>(token: string, halves: readonly H[]): [H, string] {
  const colon = token.indexOf(':');
  const half = token.slice(0, colon) as H;
  if (colon < 0 || !halves.includes(half)) {
    throw new TypeError(`okta connector: page token ${JSON.stringify(token.slice(0, 80))} is not one this listing gave`);
  }
  return [half, token.slice(colon + 1)];
}
