/**
 * Builds the AWS simulator: IAM (Query API), STS and Identity Center's Identity Store, rendered from the
 * context's tenant, every request SigV4-verified against the seeded access key or an issued session.
 */
import type { HttpHandler } from 'msw';
import type { SimContext } from '../core/context.js';
import { ActionPolicy, defaultAllowedActions } from './auth/action-policy.js';
import { KeyStore } from './auth/key-store.js';
import { awsAccount, type AwsAccount, type AwsCredentials } from './credentials.js';
import { dispatcher, type ServiceEndpoint } from './dispatch.js';
import { defaultBases, PROVIDER, type AwsBases, type AwsEnv, type AwsService } from './env.js';
import { groupActions } from './iam/actions/groups.js';
import { membershipActions } from './iam/actions/membership.js';
import { policyActions } from './iam/actions/policies.js';
import { roleActions } from './iam/actions/roles.js';
import { userActions } from './iam/actions/users.js';
import { IamDirectory } from './iam/directory.js';
import { identityStoreActions } from './identitystore/actions.js';
import { identityStoreDialect } from './identitystore/json-dialect.js';
import { unknownJsonOperation } from './identitystore/json-route.js';
import { PageTokenCodec } from './paging/page-token.js';
import { queryDialect } from './query/query-dialect.js';
import { unknownQueryAction } from './query/query-route.js';
import { stsActions } from './sts/actions.js';

export interface AwsSimulatorOptions {
  /** Where each service is served; default the real hosts. All three may be the same URL. */
  bases?: Partial<AwsBases>;
  /** The account's region (Identity Store's host and signing region). Only us-east-1 is modelled. */
  region?: 'us-east-1';
  /**
   * What the connector's identity policy allows, as IAM action patterns. Default every IAM and Identity
   * Store read plus `sts:AssumeRole`, and the membership writes when `writeBack` is on.
   */
  allowedActions?: string[];
  /** Whether AddUserToGroup/RemoveUserFromGroup may change the tenant; off, they answer AccessDenied. */
  writeBack?: boolean;
  /** When set, assuming the connector role requires this ExternalId. */
  externalId?: string;
  /** IAM's short-but-truncated pages (default on); off gives full pages, for tests that count them. */
  shortPages?: boolean;
}

export interface AwsSimulator {
  handlers: HttpHandler[];
  credentials: AwsCredentials;
  bases: AwsBases;
  /** The account behind the credentials: the connector's user and role. */
  account: AwsAccount;
  allowedActions: readonly string[];
}

export function createAwsSimulator(ctx: SimContext, options: AwsSimulatorOptions = {}): AwsSimulator {
  const region = options.region ?? 'us-east-1';
  const defaults = defaultBases(region);
  const bases: AwsBases = {
    iam: trimSlash(options.bases?.iam ?? defaults.iam),
    sts: trimSlash(options.bases?.sts ?? defaults.sts),
    identityStore: trimSlash(options.bases?.identityStore ?? defaults.identityStore),
  };
  const writeBack = options.writeBack ?? false;
  const allowedActions = options.allowedActions ?? defaultAllowedActions(writeBack);
  const account = awsAccount(ctx, region);
  const env: AwsEnv = {
    ctx,
    bases,
    region,
    account,
    allowed: new ActionPolicy(allowedActions),
    writeBack,
    externalId: options.externalId,
    shortPages: options.shortPages ?? true,
    keys: new KeyStore(ctx.seed, account),
    iam: new IamDirectory(() => ctx.tenant, account, ctx.seed, options.externalId),
    markers: new PageTokenCodec(ctx.seed, 'marker'),
    nextTokens: new PageTokenCodec(ctx.seed, 'next-token'),
    runtimes: {
      iam: { provider: PROVIDER, ctx, dialect: queryDialect(ctx, 'iam') },
      sts: { provider: PROVIDER, ctx, dialect: queryDialect(ctx, 'sts') },
      identitystore: { provider: PROVIDER, ctx, dialect: identityStoreDialect(ctx) },
    },
  };

  const endpoint = (service: AwsService, base: string): ServiceEndpoint => {
    switch (service) {
      case 'iam':
        return {
          service,
          actions: [
            ...userActions(env, base),
            ...groupActions(env, base),
            ...roleActions(env, base),
            ...policyActions(env, base),
            ...membershipActions(env, base),
          ],
          unknown: unknownQueryAction(env, base, 'iam'),
        };
      case 'sts':
        return { service, actions: stsActions(env, base), unknown: unknownQueryAction(env, base, 'sts') };
      case 'identitystore':
        return { service, actions: identityStoreActions(env, base), unknown: unknownJsonOperation(env, base) };
    }
  };
  const served: Array<[AwsService, string]> = [
    ['iam', bases.iam],
    ['sts', bases.sts],
    ['identitystore', bases.identityStore],
  ];
  // SDK v3 calls STS on its regional host (sts.us-east-1.amazonaws.com) unless told otherwise: with the
  // default hosts, serve that one too.
  if (options.bases?.sts === undefined) served.push(['sts', `https://sts.${region}.amazonaws.com`]);
  const byBase = new Map<string, ServiceEndpoint[]>();
  for (const [service, base] of served) byBase.set(base, [...(byBase.get(base) ?? []), endpoint(service, base)]);
  const handlers = [...byBase].map(([base, endpoints]) => dispatcher(base, endpoints));

  return {
    handlers,
    credentials: {
      accessKeyId: account.accessKeyId,
      secretAccessKey: account.secretAccessKey,
      accountId: account.accountId,
      region,
      identityStoreId: account.identityStoreId,
      roleArn: account.roleArn,
    },
    bases,
    account,
    allowedActions,
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
