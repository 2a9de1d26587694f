/** A SCIM 2.0 service provider (as Entra and Okta provision into), as the rest of the tool sees it. */
import type { ProviderDescriptor } from '../core/provider-descriptor.js';
import type { ProviderRuntime } from '../core/route.js';
import { PROVIDER } from './env.js';
import { SCIM_JOURNAL } from './journal-dialect.js';
import { SCIM_PAGING, SCIM_REFUSALS } from './paging-dialect.js';
import { SCIM_LOG_TELLS, SCIM_TERMS } from './troubleshooting.js';
import { scimDialect } from './wire/dialect.js';

const NO_PERMISSIONS = 'a SCIM bearer token carries no permissions of its own (a refused token is invalid-secret)';

export const scim = {
  name: PROVIDER,
  label: 'SCIM 2.0',
  simulator: async () => (await import('./index.js')).scimProvider,
  replayRuntime: (ctx): ProviderRuntime => ({ provider: PROVIDER, ctx, dialect: scimDialect() }),
  hosts: {
    real: ({ scimHost }) => (scimHost ? [scimHost.toLowerCase()] : { missing: 'give --scim-host, the host name of the SCIM service to record' }),
    owns: () => false,
    anyHost: true,
  },
  credentials: ['token', 'baseUrl'],
  // A bearer token carries no permissions of its own.
  routes: {
    permissions: {},
    listings: {
      user: { route: 'scim.users.list', field: 'users', pageSize: 100 },
      group: { route: 'scim.groups.list', field: 'groups', pageSize: 100 },
    },
  },
  paging: SCIM_PAGING,
  refusals: SCIM_REFUSALS,
  journal: SCIM_JOURNAL,
  terms: SCIM_TERMS,
  logTells: SCIM_LOG_TELLS,
  repro: {
    cannot: {
      'retry-after-ignored': 'only the Entra and AWS reference connectors have an ignores-retry-after variant',
      'permission-missing': NO_PERMISSIONS,
      'consent-missing': NO_PERMISSIONS,
      'no-identities': NO_PERMISSIONS,
      'pagination-cycle': 'SCIM pages by startIndex, which the client picks: there is no token to cycle',
      'provisioner-missing': 'only the Entra reference connector has a no-provisioner variant',
    },
    errors: {
      expiredSecret: 'The access token expired.',
      invalidSecret: 'The access token has been revoked.',
      permissionMissing: '',
      consentMissing: '',
    },
    expired: { from: 4, saysExpired: false },
    throttle: {},
    writeBackRefused: { writeBack: false, note: 'the service provider refuses writes (writeBack: false): the revoke is refused' },
    emptyTenant: { users: 0, groups: 0 },
  },
} as const satisfies ProviderDescriptor;
