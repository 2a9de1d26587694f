/**
 * `GET /api/v1/org`, the org's settings (Okta's Org API): what baton-okta's validation calls with an SSWS
 * token and requires a 200 from (REFERENCE §10). Names come from the tenant's domain; the shape follows
 * Okta's OrgSetting (`id` `00o…`, `companyName`, `subdomain`, `website`, `status`, dates, `_links`) [U beyond
 * the fields baton reads, which are none: only the status code].
 */
import type { HttpHandler } from 'msw';
import type { OktaEnv } from '../env.js';
import { oktaId } from '../ids.js';
import { oktaJson, oktaRoute } from '../okta-route.js';
import { oktaDate } from '../render/scope.js';

export function orgEndpoints(env: OktaEnv): HttpHandler[] {
  return [
    oktaRoute(env, { name: 'okta.org.get', method: 'GET', path: '/api/v1/org' }, () => {
      const domain = env.ctx.tenant.shape.domain;
      const subdomain = new URL(env.orgUrl).hostname.split('.')[0]!;
      const created = oktaDate('2024-01-15T00:00:00Z');
      return oktaJson({
        id: `00o${oktaId(env.ctx.seed, 'client', 0x7fff).slice(3)}`,
        companyName: domain.split('.')[0]!.replace(/^./, (c) => c.toUpperCase()),
        subdomain,
        website: `https://www.${domain}`,
        status: 'ACTIVE',
        created,
        lastUpdated: created,
        expiresAt: null,
        _links: { contacts: { href: `${env.orgUrl}/api/v1/org/contacts` }, preferences: { href: `${env.orgUrl}/api/v1/org/preferences` } },
      });
    }),
  ];
}
