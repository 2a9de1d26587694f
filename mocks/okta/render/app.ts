/**
 * A tenant app as Okta's Application object (REFERENCE §4 [S models/Application]), its user assignments
 * (AppUser: `id` is the user's id, `scope` USER for a direct assignment or GROUP through an assigned group)
 * and its group assignments (ApplicationGroupAssignment: `id` is the group's id). Every app is ACTIVE and
 * signs on with SAML 2.0, as most catalog apps a connector meets do.
 */
import type { TenantApp, TenantUser } from '../../tenant/model.js';
import { oktaId } from '../ids.js';
import { oktaDate, type RenderScope } from './scope.js';

const CREATED = '2025-06-01T00:00:00Z';

/** A catalog-style key (`name`) from the app's label. */
function appName(app: TenantApp): string {
  return (
    app.displayName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'app'
  );
}

export function renderApp(app: TenantApp, scope: RenderScope): Record<string, unknown> {
  const id = oktaId(scope.seed, 'app', app.seq);
  const href = `${scope.orgUrl}/api/v1/apps/${id}`;
  return {
    id,
    orn: `orn:okta:idp:${oktaId(scope.seed, 'client', 0x7fff)}:apps:${appName(app)}:${id}`,
    name: appName(app),
    label: app.displayName,
    status: 'ACTIVE',
    lastUpdated: oktaDate(CREATED, app.seq * 60),
    created: oktaDate(CREATED, app.seq * 60),
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
    visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false }, appLinks: { [`${appName(app)}_link`]: true } },
    features: [],
    signOnMode: 'SAML_2_0',
    credentials: {
      userNameTemplate: {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Okta's own expression syntax, sent as text
        template: '${source.login}',
        type: 'BUILT_IN',
      },
      signing: { kid: app.appId.replace(/-/g, '').slice(0, 20) },
    },
    settings: { app: {}, notifications: { vpn: { network: { connection: 'DISABLED' } } } },
    _links: {
      users: { href: `${href}/users` },
      groups: { href: `${href}/groups` },
      self: { href },
      deactivate: { href: `${href}/lifecycle/deactivate` },
    },
  };
}

export interface AppUserAssignment {
  user: TenantUser;
  scope: 'USER' | 'GROUP';
}

export function renderAppUser(appSeq: number, a: AppUserAssignment, scope: RenderScope): Record<string, unknown> {
  const id = oktaId(scope.seed, 'user', a.user.seq);
  const appId = oktaId(scope.seed, 'app', appSeq);
  return {
    id,
    externalId: null,
    created: oktaDate(CREATED, appSeq * 60 + 3_600),
    lastUpdated: oktaDate(CREATED, appSeq * 60 + 3_600),
    scope: a.scope,
    status: 'ACTIVE',
    statusChanged: oktaDate(CREATED, appSeq * 60 + 3_600),
    passwordChanged: null,
    syncState: 'DISABLED',
    credentials: { userName: a.user.mail },
    profile: {},
    _links: { app: { href: `${scope.orgUrl}/api/v1/apps/${appId}` }, user: { href: `${scope.orgUrl}/api/v1/users/${id}` } },
  };
}

export function renderAppGroup(appSeq: number, groupSeq: number, priority: number, scope: RenderScope): Record<string, unknown> {
  const id = oktaId(scope.seed, 'group', groupSeq);
  const appId = oktaId(scope.seed, 'app', appSeq);
  return {
    id,
    lastUpdated: oktaDate(CREATED, appSeq * 60 + 7_200),
    priority,
    profile: {},
    _links: { app: { href: `${scope.orgUrl}/api/v1/apps/${appId}` }, group: { href: `${scope.orgUrl}/api/v1/groups/${id}` } },
  };
}
