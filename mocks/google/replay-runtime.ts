/** Google's fault dialects for recorded calls: the OAuth token endpoint's, else the Directory API's. */
import type { SimContext } from '../core/context.js';
import type { ProviderRuntime } from '../core/route.js';
import { directoryDialect } from './directory/directory-dialect.js';
import { PROVIDER } from './env.js';
import { oauthDialect } from './oauth/oauth-dialect.js';

export function googleReplayRuntime(ctx: SimContext, host: string): ProviderRuntime {
  return { provider: PROVIDER, ctx, dialect: host.toLowerCase().startsWith('oauth2.') ? oauthDialect() : directoryDialect() };
}
