/** Okta's fault dialect for recorded calls: one for the whole org (the token endpoint included). */
import type { SimContext } from '../core/context.js';
import type { ProviderRuntime } from '../core/route.js';
import { PROVIDER } from './env.js';
import { oktaDialect } from './wire/dialect.js';

export function oktaReplayRuntime(ctx: SimContext): ProviderRuntime {
  return { provider: PROVIDER, ctx, dialect: oktaDialect(ctx) };
}
