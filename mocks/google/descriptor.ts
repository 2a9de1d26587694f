/** Google Workspace (OAuth with domain-wide delegation, Admin SDK Directory API), as the rest of the tool sees it. */
import { leastPermissions, readPermissionsOf } from '../core/consent-plan.js';
import type { ProviderDescriptor } from '../core/provider-descriptor.js';
import { hostsOf } from '../core/served-provider.js';
import { googleConsentPlan } from './consent-plan.js';
import { QUOTA_REASONS } from './directory/errors.js';
import { DIRECTORY_ROUTE_ACCESS } from './directory/route-access.js';
import { DEFAULT_BASES, PROVIDER } from './env.js';
import { GOOGLE_PAGING, GOOGLE_REFUSALS } from './paging-dialect.js';
import { googleReplayRuntime } from './replay-runtime.js';
import { ACCESS_SCOPES } from './scopes.js';
import { GOOGLE_LOG_TELLS, GOOGLE_TERMS } from './troubleshooting.js';

const REAL_HOSTS = hostsOf(DEFAULT_BASES.oauth, DEFAULT_BASES.admin);
/** Older clients still call the Directory API at www.googleapis.com. */
const RECORDED_HOSTS = [...REAL_HOSTS, 'www.googleapis.com'];

export const google = {
  name: PROVIDER,
  label: 'Google Workspace',
  simulator: async () => (await import('./index.js')).googleProvider,
  replayRuntime: googleReplayRuntime,
  hosts: { real: () => REAL_HOSTS, owns: (host) => RECORDED_HOSTS.includes(host) },
  credentials: ['customerId', 'adminEmail', 'domain', 'serviceAccountKey', 'tokenUri', 'adminBase', 'scopes'],
  routes: {
    auth: /^google\.token$/,
    // 401 there is unauthorized_client: delegation, not the key (consent-missing).
    keyRefused: { 'google.token': 400 },
    permissions: leastPermissions(DIRECTORY_ROUTE_ACCESS, ACCESS_SCOPES),
    readPermissions: readPermissionsOf(ACCESS_SCOPES),
    listings: {
      user: { route: 'google.users.list', field: 'users', pageSize: 200 },
      group: { route: 'google.groups.list', field: 'groups', pageSize: 200 },
    },
  },
  paging: GOOGLE_PAGING,
  refusals: GOOGLE_REFUSALS,
  terms: GOOGLE_TERMS,
  logTells: GOOGLE_LOG_TELLS,
  faultValues: { 'throttle.reason': QUOTA_REASONS },
  repro: {
    cannot: {
      'retry-after-ignored': 'only the Entra and AWS reference connectors have an ignores-retry-after variant',
      'no-identities': 'a delegated account has no sign-in-only grant',
      'empty-sync': 'a Workspace always has its admin',
      'provisioner-missing': 'only the Entra reference connector has a no-provisioner variant',
    },
    errors: {
      expiredSecret: 'Invalid JWT Signature.',
      invalidSecret: 'Invalid JWT Signature.',
      permissionMissing: 'insufficientPermissions',
      consentMissing: 'unauthorized_client',
    },
    expired: { from: 3, saysExpired: false },
    throttle: {},
    writeBackRefused: {
      faults: ['partial-consent:missing=admin.directory.group.member,route=google.members.delete'],
      note: 'the member-write scope is missing on the delete: the revoke is refused',
    },
    consentPlan: googleConsentPlan,
  },
} as const satisfies ProviderDescriptor;
