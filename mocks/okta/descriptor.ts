/** Okta (Management API with an SSWS token or an OAuth service app), as the rest of the tool sees it. */
import type { ProviderDescriptor } from '../core/provider-descriptor.js';
import { hostsOf } from '../core/served-provider.js';
import { oktaConsentPlan } from './consent-plan.js';
import { DEFAULT_ORG_URL, OKTA_DOMAINS, PROVIDER } from './env.js';
import { OKTA_PAGING, OKTA_REFUSALS } from './paging-dialect.js';
import { oktaReplayRuntime } from './replay-runtime.js';
import { READ_SCOPES, ROUTE_SCOPES } from './scopes.js';
import { OKTA_LOG_TELLS, OKTA_TERMS } from './troubleshooting.js';
import { THROTTLE_REASONS } from './wire/throttle-reasons.js';

export const okta = {
  name: PROVIDER,
  label: 'Okta',
  simulator: async () => (await import('./index.js')).oktaProvider,
  replayRuntime: oktaReplayRuntime,
  // Every org lives at <org>.okta.com (or a preview or EMEA cell); the simulator's own org is recorded by default.
  hosts: { real: () => hostsOf(DEFAULT_ORG_URL), owns: (host) => OKTA_DOMAINS.test(host) },
  credentials: ['orgUrl', 'token', 'clientId', 'privateKey', 'keyId', 'scopes'],
  routes: {
    auth: /^okta\.token$/,
    // invalid_client (a bad, unknown or revoked key) is 401; 400s there are the request's scopes or grant.
    keyRefused: { 'okta.token': 401 },
    permissions: ROUTE_SCOPES,
    readPermissions: READ_SCOPES,
    listings: {
      user: { route: 'okta.users.list', field: 'users', pageSize: 200 },
      group: { route: 'okta.groups.list', field: 'groups', pageSize: 200 },
    },
  },
  paging: OKTA_PAGING,
  refusals: OKTA_REFUSALS,
  terms: OKTA_TERMS,
  logTells: OKTA_LOG_TELLS,
  entityId: async () => (await import('./ids.js')).oktaId,
  faultValues: { 'throttle.reason': THROTTLE_REASONS },
  authSchemes: ['SSWS', 'DPoP'],
  repro: {
    cannot: {
      'empty-sync': 'an Okta org always has the super admin who created it',
      'provisioner-missing': 'only the Entra reference connector has a no-provisioner variant',
      'no-identities':
        'every Okta read scope opens a directory read, and a service app is issued only scopes it asks for: no grant signs in yet reads nothing',
    },
    errors: {
      // The Node SDK's words: `Okta HTTP 401 E0000011 Invalid token provided. ` (REFERENCE §9).
      expiredSecret: '/E0000011|invalid_token|client_assertion token is expired/',
      invalidSecret: '/E0000011|invalid_client/',
      // An OAuth token short of a scope: 403, empty body, insufficient_scope in WWW-Authenticate; SSWS: E0000006.
      permissionMissing: '/insufficient_scope|E0000006|HTTP 403/',
      // None granted: consent_required at the token endpoint (the Node SDK then ends on 401), or E0000006 for SSWS.
      consentMissing: '/consent_required|invalid_token|E0000011|E0000006|HTTP 401/',
    },
    expired: { from: 3, saysExpired: false },
    throttle: {},
    writeBackRefused: { writeBack: false, note: 'membership writes are off (writeBack: false): the revoke is refused with 403 E0000006' },
    consentPlan: oktaConsentPlan,
  },
} as const satisfies ProviderDescriptor;
