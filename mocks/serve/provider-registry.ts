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

const factories = new Map<string, ProviderFactory>();

export function registerProvider(name: string, factory: ProviderFactory): void {
  factories.set(name, factory);
}

export function providerFactory(name: string): ProviderFactory | undefined {
  return factories.get(name);
}

export function providerNames(): string[] {
  return [...factories.keys()].sort();
}
