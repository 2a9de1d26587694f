/**
 * The simulators `serve` (and scenario runs) can host, by name: each registered provider's factory
 * (mocks/providers.ts), loaded on demand so serving one provider never loads another's code.
 */
import { descriptorOf, PROVIDER_NAMES } from '../providers.js';
import type { ProviderFactory } from '../core/served-provider.js';

export function providerNames(): string[] {
  return [...PROVIDER_NAMES].sort();
}

export async function loadProvider(name: string): Promise<ProviderFactory | undefined> {
  return descriptorOf(name)?.simulator();
}
