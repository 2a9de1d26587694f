/**
 * Which simulator's fault dialect a recorded host speaks, so a fault layered on a replay answers the way
 * that provider really does (Graph's 429 with Retry-After, IAM's 400 Throttling, Google's 403 quota
 * reasons) and the journal files the call under the right provider.
 */
import type { SimContext } from '../../mocks/core/context.js';
import type { ProviderRuntime } from '../../mocks/core/route.js';
import { stsDialect } from '../../mocks/entra/auth/sts-dialect.js';
import { graphDialect, resourceUnits } from '../../mocks/entra/graph/graph-dialect.js';
import type { EntraApp } from '../../mocks/entra/credentials.js';
import { oauthDialect } from '../../mocks/google/oauth/oauth-dialect.js';
import { directoryDialect } from '../../mocks/google/directory/directory-dialect.js';
import { queryDialect } from '../../mocks/aws/query/query-dialect.js';
import { identityStoreDialect } from '../../mocks/aws/identitystore/json-dialect.js';
import { scimDialect } from '../../mocks/scim/wire/dialect.js';
import { headerValue, type Exchange } from './exchange.js';
import { GUID } from './text-mapper.js';

export type ReplayProvider = 'entra' | 'google' | 'aws' | 'scim';

export function providerOfHost(host: string): ReplayProvider {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  if (name === 'login.microsoftonline.com' || name === 'graph.microsoft.com') return 'entra';
  if (name === 'oauth2.googleapis.com' || name === 'admin.googleapis.com' || name === 'www.googleapis.com') return 'google';
  if (name.endsWith('.amazonaws.com')) return 'aws';
  return 'scim';
}

/** The runtime (provider name, fault dialect, call cost) for calls to one real host. */
export function runtimeForHost(ctx: SimContext, host: string, exchanges: readonly Exchange[]): ProviderRuntime {
  const provider = providerOfHost(host);
  const name = host.toLowerCase();
  switch (provider) {
    case 'entra':
      if (name.startsWith('login.')) return { provider, ctx, dialect: stsDialect(ctx, `https://${host}`) };
      return { provider, ctx, dialect: graphDialect(ctx, recordedApp(exchanges)), cost: resourceUnits };
    case 'google':
      return { provider, ctx, dialect: name.startsWith('oauth2.') ? oauthDialect() : directoryDialect() };
    case 'aws':
      if (name.startsWith('identitystore.')) return { provider, ctx, dialect: identityStoreDialect(ctx) };
      return { provider, ctx, dialect: queryDialect(ctx, name.startsWith('sts.') ? 'sts' : 'iam') };
    default:
      return { provider, ctx, dialect: scimDialect() };
  }
}

/**
 * Graph's throttle headers name the app and tenant (`x-ms-throttle-scope`): taken from the recorded token
 * request (already mapped), else zeros.
 */
function recordedApp(exchanges: readonly Exchange[]): EntraApp {
  const zero = '00000000-0000-0000-0000-000000000000';
  let tenantId = zero;
  let clientId = zero;
  for (const { request } of exchanges) {
    const url = new URL(request.url);
    if (url.hostname !== 'login.microsoftonline.com' || !url.pathname.endsWith('/token')) continue;
    const tenant = url.pathname.split('/')[1] ?? '';
    if (GUID.test(tenant)) tenantId = tenant;
    const form = request.body && !(headerValue(request.headers, 'content-type') ?? '').includes('json') ? new URLSearchParams(request.body) : undefined;
    const client = form?.get('client_id');
    if (client) clientId = client;
    break;
  }
  return { tenantId, clientId, clientSecret: '', domain: '', displayName: 'recorded app', servicePrincipalId: zero, secretId: zero };
}
