/**
 * Which simulator's fault dialect a recorded host speaks, so a fault layered on a replay answers the way
 * that provider really does (Graph's 429 with Retry-After, IAM's 400 Throttling, Google's 403 quota
 * reasons) and the journal files the call under the right provider. Each provider's descriptor says which
 * hosts are its own and makes the runtime.
 */
import type { SimContext } from '../../mocks/core/context.js';
import type { ProviderRuntime } from '../../mocks/core/route.js';
import { providerOfHost as descriptorOfHost, type ProviderName } from '../../mocks/providers.js';
import { headerValue, type Exchange } from './exchange.js';

export type ReplayProvider = ProviderName;

export function providerOfHost(host: string): ReplayProvider {
  return descriptorOfHost(host).name;
}

/** The runtime (provider name, fault dialect, call cost) for calls to one real host. */
export function runtimeForHost(ctx: SimContext, host: string, exchanges: readonly Exchange[]): ProviderRuntime {
  const requests = exchanges.map(({ request }) => ({
    url: request.url,
    body: request.body,
    contentType: headerValue(request.headers, 'content-type'),
  }));
  return descriptorOfHost(host).replayRuntime(ctx, host, requests);
}
