/**
 * A tenant group as Okta's Group object (REFERENCE §2 [D GROUPS-LEGACY, S models/Group]). Okta groups
 * are OKTA_GROUP (made in Okta) or APP_GROUP (imported from a directory app such as Active Directory,
 * with `source.id` naming the app): the tenant's distribution groups are shown as APP_GROUPs imported
 * from one of its apps (when it has any), the rest as OKTA_GROUPs. `expand=stats` adds
 * `_embedded.stats.usersCount`, which baton-okta needs (it fails the sync without it).
 */
import type { TenantGroup } from '../../tenant/model.js';
import { oktaId } from '../ids.js';
import { oktaDate, type RenderScope } from './scope.js';

export type GroupType = 'OKTA_GROUP' | 'APP_GROUP';

export function groupType(group: Pick<TenantGroup, 'kind'>, scope: Pick<RenderScope, 'apps'>): GroupType {
  return group.kind === 'distribution' && scope.apps > 0 ? 'APP_GROUP' : 'OKTA_GROUP';
}

/** The app an APP_GROUP was imported from. */
function sourceAppSeq(group: Pick<TenantGroup, 'seq'>, scope: Pick<RenderScope, 'apps'>): number {
  return ((group.seq - 1) % scope.apps) + 1;
}

export interface GroupStats {
  usersCount: number;
  appsCount: number;
}

export function renderGroup(group: TenantGroup, scope: RenderScope, stats?: GroupStats): Record<string, unknown> {
  const id = oktaId(scope.seed, 'group', group.seq);
  const type = groupType(group, scope);
  const href = `${scope.orgUrl}/api/v1/groups/${id}`;
  const logo = (['medium', 'large'] as const).map((name) => ({
    name,
    href: `${scope.orgUrl}/assets/img/logos/groups/okta-${name}.png`,
    type: 'image/png',
  }));
  const links: Record<string, unknown> = { logo, users: { href: `${href}/users` }, apps: { href: `${href}/apps` } };
  let profile: Record<string, unknown> = { name: group.displayName, description: group.description };
  const body: Record<string, unknown> = {
    id,
    created: oktaDate(group.createdAt),
    lastUpdated: oktaDate(group.createdAt, 86_400),
    lastMembershipUpdated: oktaDate(group.createdAt, 172_800),
    objectClass: [type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group'],
    type,
  };
  if (type === 'APP_GROUP') {
    const sam = group.mail.split('@')[0]!;
    const externalId = Buffer.from(group.objectId).toString('base64').slice(0, 24);
    profile = {
      ...profile,
      samAccountName: sam,
      groupType: 'Security',
      groupScope: 'Global',
      windowsDomainQualifiedName: `CORP\\${sam}`,
      externalId,
    };
    const appId = oktaId(scope.seed, 'app', sourceAppSeq(group, scope));
    body.source = { id: appId };
    links.source = { href: `${scope.orgUrl}/api/v1/apps/${appId}` };
  }
  body.profile = profile;
  body._links = links;
  if (stats)
    body._embedded = {
      stats: {
        usersCount: stats.usersCount,
        appsCount: stats.appsCount,
        groupPushMappingsCount: 0,
        hasAdminPrivilege: false,
        _links: { self: { href: `${href}/stats` } },
      },
    };
  return body;
}
