/** AWS IAM, STS and IAM Identity Center's Identity Store, as the rest of the tool sees it. */
import type { ProviderDescriptor } from '../core/provider-descriptor.js';
import { hostsOf } from '../core/served-provider.js';
import { awsConsentPlan } from './consent-plan.js';
import { defaultBases, PROVIDER } from './env.js';
import { AWS_JOURNAL } from './journal-dialect.js';
import { AWS_PAGING, AWS_REFUSALS } from './paging-dialect.js';
import { awsReplayRuntime } from './replay-runtime.js';
import { AWS_LOG_TELLS, AWS_TERMS } from './troubleshooting.js';

/** Actions anyone may call (STS answers who you are without a policy). */
const UNGATED = new Set(['sts:GetCallerIdentity']);

/** Read actions a sync needs at least one of. */
const SYNC_READS = ['iam:ListUsers', 'iam:ListGroups', 'iam:ListRoles', 'iam:GetGroup', 'identitystore:ListUsers', 'identitystore:ListGroups'];

/** The IAM action is the route's own name: `iam.ListUsers` needs `iam:ListUsers`. */
function actionOf(route: string): string | undefined {
  const dot = route.indexOf('.');
  const action = `${route.slice(0, dot)}:${route.slice(dot + 1)}`;
  return dot < 0 || route.endsWith('.unknown') || UNGATED.has(action) ? undefined : action;
}

export const aws = {
  name: PROVIDER,
  label: 'AWS IAM and Identity Store',
  simulator: async () => (await import('./index.js')).awsProvider,
  replayRuntime: awsReplayRuntime,
  hosts: {
    real: ({ region }) => {
      const bases = defaultBases(region);
      // The AWS SDK v3 calls regional STS by default.
      return hostsOf(bases.iam, bases.sts, bases.identityStore, `https://sts.${region}.amazonaws.com`);
    },
    owns: (host) => host.endsWith('.amazonaws.com'),
  },
  credentials: ['accessKeyId', 'secretAccessKey', 'accountId', 'region', 'identityStoreId', 'roleArn', 'endpoint'],
  routes: {
    auth: /^sts\./,
    permissions: {},
    permissionOf: actionOf,
    readPermissions: SYNC_READS,
    listings: {
      iam_user: { route: 'iam.ListUsers', field: 'users', pageSize: 100 },
      group: { route: 'iam.ListGroups', field: 'groups', pageSize: 100 },
    },
  },
  paging: AWS_PAGING,
  refusals: AWS_REFUSALS,
  journal: AWS_JOURNAL,
  terms: AWS_TERMS,
  logTells: AWS_LOG_TELLS,
  repro: {
    cannot: { 'provisioner-missing': 'only the Entra reference connector has a no-provisioner variant' },
    errors: {
      expiredSecret: 'InvalidClientTokenId',
      invalidSecret: 'InvalidClientTokenId',
      permissionMissing: 'AccessDenied',
      consentMissing: 'AccessDenied',
    },
    expired: { from: 2, saysExpired: false },
    throttle: {
      noRetryAfter: 'IAM sends no Retry-After, so none is set',
      retryRoute: 'identitystore.*',
      retryNote: ' (Identity Store sends Retry-After, IAM does not)',
    },
    noIdentities: { permission: 'sts:AssumeRole', error: 'AccessDenied' },
    writeBackRefused: {
      permissions: ['iam:List*', 'iam:Get*', 'identitystore:List*', 'identitystore:Describe*', 'identitystore:Get*'],
      note: 'read actions only (no iam:RemoveUserFromGroup): the revoke is refused',
    },
    emptyTenant: { users: 0, groups: 0, roles: 0 },
    consentPlan: awsConsentPlan,
  },
} as const satisfies ProviderDescriptor;
