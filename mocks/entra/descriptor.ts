/** Microsoft Entra ID + Microsoft Graph, as the rest of the tool sees it (mocks/core/provider-descriptor.ts). */
import { leastPermissions, readPermissionsOf } from '../core/consent-plan.js';
import type { ProviderDescriptor } from '../core/provider-descriptor.js';
import { hostsOf } from '../core/served-provider.js';
import { entraConsentPlan } from './consent-plan.js';
import { DEFAULT_BASES, PROVIDER } from './env.js';
import { GRANTS } from './graph/permissions.js';
import { GRAPH_ROUTE_ACCESS } from './graph/route-access.js';
import { ENTRA_PAGING, ENTRA_REFUSALS } from './paging-dialect.js';
import { entraReplayRuntime } from './replay-runtime.js';
import { ENTRA_LOG_TELLS, ENTRA_TERMS } from './troubleshooting.js';

const REAL_HOSTS = hostsOf(DEFAULT_BASES.login, DEFAULT_BASES.graph);

export const entra = {
  name: PROVIDER,
  label: 'Microsoft Entra ID',
  simulator: async () => (await import('./index.js')).entraProvider,
  replayRuntime: entraReplayRuntime,
  hosts: { real: () => REAL_HOSTS, owns: (host) => REAL_HOSTS.includes(host) },
  credentials: ['tenantId', 'clientId', 'clientSecret', 'authority', 'graphBase', 'scope'],
  routes: {
    auth: /^entra\./,
    keyRefused: { 'entra.token': 401 },
    permissions: leastPermissions(GRAPH_ROUTE_ACCESS, GRANTS),
    readPermissions: readPermissionsOf(GRANTS),
    listings: {
      user: { route: 'graph.users.list', field: 'users', pageSize: 999 },
      group: { route: 'graph.groups.list', field: 'groups', pageSize: 999 },
    },
  },
  paging: ENTRA_PAGING,
  refusals: ENTRA_REFUSALS,
  terms: ENTRA_TERMS,
  logTells: ENTRA_LOG_TELLS,
  // The revoked-credential reasons auth/token-endpoint.ts answers (repro.revoked.reasons gives each one's code).
  faultValues: { 'revoked-credential.reason': ['secret-deleted', 'app-disabled', 'app-deleted'] },
  repro: {
    errors: {
      expiredSecret: '/AADSTS7000222|token is expired/',
      invalidSecret: 'AADSTS7000215',
      permissionMissing: 'Authorization_RequestDenied',
      consentMissing: 'Authorization_RequestDenied',
    },
    expired: { from: 6, saysExpired: true },
    revoked: {
      prefix: 'AADSTS',
      reasons: { '7000215': 'secret-deleted', '7000112': 'app-disabled', '700016': 'app-deleted' },
      usual: '7000215',
      usualNote: 'a deleted secret (AADSTS7000215), the usual invalid secret',
    },
    throttle: {},
    noIdentities: { permission: 'User.Read', error: 'Authorization_RequestDenied' },
    writeBackRefused: {
      permissions: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'],
      note: 'read permissions only (no GroupMember.ReadWrite.All): the revoke is refused',
    },
    emptyTenant: { users: 0, groups: 0, apps: 0 },
    consentPlan: entraConsentPlan,
  },
} as const satisfies ProviderDescriptor;
