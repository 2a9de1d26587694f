/**
 * A tenant user as Okta's User object (REFERENCE §1 [D USERS-LEGACY, S models/User]): top-level dates with
 * milliseconds, `activated`/`lastLogin`/`passwordChanged` null until they happened, the base profile
 * (login, email, firstName, lastName) plus the optional attributes the tenant has, the credentials block
 * (no password value, ever; STAGED users have none) and `_links.self`. The `okta-response` content type
 * can omit the credentials (`omitCredentials`), as baton-okta asks.
 */
import type { TenantUser } from '../../tenant/model.js';
import { oktaId } from '../ids.js';
import { oktaDate, type RenderScope } from './scope.js';
import { userStatus } from './user-status.js';

export interface UserRenderOptions {
  omitCredentials?: boolean;
}

export function renderUser(user: TenantUser, scope: RenderScope, options: UserRenderOptions = {}): Record<string, unknown> {
  const id = oktaId(scope.seed, 'user', user.seq);
  const status = userStatus(scope.seed, user);
  const created = oktaDate(user.createdAt);
  const activated = status === 'STAGED' ? null : oktaDate(user.createdAt, 60);
  const hasPassword = status !== 'STAGED' && status !== 'PROVISIONED';
  const statusChanged = status === 'STAGED' ? null : oktaDate(user.createdAt, status === 'ACTIVE' || status === 'PROVISIONED' ? 60 : 86_400);
  const body: Record<string, unknown> = {
    id,
    status,
    created,
    activated,
    statusChanged,
    lastLogin: status === 'ACTIVE' ? oktaDate(user.createdAt, 3_600) : null,
    lastUpdated: oktaDate(user.createdAt, 86_400),
    passwordChanged: hasPassword ? oktaDate(user.createdAt, 120) : null,
    type: { id: oktaId(scope.seed, 'userType', 1) },
    profile: {
      firstName: user.givenName,
      lastName: user.surname,
      mobilePhone: null,
      secondEmail: null,
      login: user.mail,
      email: user.mail,
      displayName: user.displayName,
      title: user.jobTitle,
      department: user.department,
      userType: user.kind,
    },
  };
  if (!options.omitCredentials) {
    body.credentials = hasPassword
      ? { password: {}, recovery_question: { question: 'Who is a major player in the cowboy scene?' }, provider: { type: 'OKTA', name: 'OKTA' } }
      : { provider: { type: 'OKTA', name: 'OKTA' } };
  }
  body._links = { self: { href: `${scope.orgUrl}/api/v1/users/${id}` } };
  return body;
}

/** `okta-response="omitCredentials,..."` on the request's content type [D SDK-UserApi]. */
export function renderOptionsOf(request: Request): UserRenderOptions {
  const match = /okta-response\s*=\s*"?([^";]*)/i.exec(request.headers.get('content-type') ?? '');
  return {
    omitCredentials: match
      ? match[1]!
          .split(',')
          .map((s) => s.trim())
          .includes('omitCredentials')
      : false,
  };
}
