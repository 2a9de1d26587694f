/**
 * The simulated providers: the one list. Each entry is its folder's descriptor
 * (mocks/core/provider-descriptor.ts); every provider name list, table and lookup elsewhere is derived from
 * this array, so adding a provider is its own folders plus one line here.
 */
import { aws } from './aws/descriptor.js';
import type { ProviderDescriptor } from './core/provider-descriptor.js';
import { entra } from './entra/descriptor.js';
import { google } from './google/descriptor.js';
import { okta } from './okta/descriptor.js';
import { scim } from './scim/descriptor.js';

const REGISTERED = [entra, google, aws, scim, okta] as const satisfies readonly ProviderDescriptor[];

export type ProviderName = (typeof REGISTERED)[number]['name'];

/** A registered descriptor, its name narrowed to the registry's names. */
export type RegisteredProvider = ProviderDescriptor & { name: ProviderName };

export const PROVIDERS: readonly RegisteredProvider[] = REGISTERED;

/** In registry order (the order `serve` lists several providers in). */
export const PROVIDER_NAMES: readonly ProviderName[] = PROVIDERS.map((p) => p.name);

export function isProviderName(name: string): name is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(name);
}

export function descriptorOf(name: ProviderName): RegisteredProvider;
export function descriptorOf(name: string): RegisteredProvider | undefined;
export function descriptorOf(name: string): RegisteredProvider | undefined {
  return PROVIDERS.find((p) => p.name === name);
}

/** The provider a recorded host belongs to: the one that owns it, else the one that answers on any host. */
export function providerOfHost(host: string): RegisteredProvider {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return PROVIDERS.find((p) => p.hosts.owns(name)) ?? PROVIDERS.find((p) => p.hosts.anyHost)!;
}
