/**
 * The simulators `serve` (and scenario runs) can host, by name. Each factory renders the shared tenant for
 * one provider under the given base URL, so paging links point where the simulator is served.
 */
import type { HttpHandler } from 'msw';
import type { SimContext } from '../core/context.js';

export interface ServedProvider {
  handlers: HttpHandler[];
  /** What a connector needs to reach it: ids, secrets, keys. Printed once on stdout by `serve`. */
  credentials: Record<string, unknown>;
}

export type ProviderFactory = (ctx: SimContext, baseUrl: string) => Promise<ServedProvider> | ServedProvider;

/** Loaded on demand, so serving one provider never loads another's code. */
const FACTORIES: Record<string, () => Promise<ProviderFactory>> = {
  entra: async () => (await import('../entra/index.js')).entraProvider,
};

export function providerNames(): string[] {
  return Object.keys(FACTORIES).sort();
}

export async function loadProvider(name: string): Promise<ProviderFactory | undefined> {
  return FACTORIES[name]?.();
}
