/** AWS's fault dialects for recorded calls: Identity Store's awsJson, else IAM's or STS's Query XML. */
import type { SimContext } from '../core/context.js';
import type { ProviderRuntime } from '../core/route.js';
import { PROVIDER } from './env.js';
import { identityStoreDialect } from './identitystore/json-dialect.js';
import { queryDialect } from './query/query-dialect.js';

export function awsReplayRuntime(ctx: SimContext, host: string): ProviderRuntime {
  const name = host.toLowerCase();
  if (name.startsWith('identitystore.')) return { provider: PROVIDER, ctx, dialect: identityStoreDialect(ctx) };
  return { provider: PROVIDER, ctx, dialect: queryDialect(ctx, name.startsWith('sts.') ? 'sts' : 'iam') };
}
