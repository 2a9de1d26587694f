/**
 * What a provider's simulator factory makes for `serve` and scenario runs: its handlers rendered from the
 * shared tenant under one base URL (so paging links point where it is served) and what a connector needs
 * to reach it.
 */
import type { HttpHandler } from 'msw';
import type { SimContext } from './context.js';

export interface ServedProvider {
  handlers: HttpHandler[];
  /** The host names its handlers answer (the real ones when served without a base URL), for the proxy. */
  hosts: string[];
  /** What a connector needs to reach it: ids, secrets, keys. Printed once on stdout by `serve`. */
  credentials: Record<string, unknown>;
  /** What the app is granted (Graph roles, scopes, IAM actions); empty where the provider has no such notion. */
  granted: readonly string[];
}

export interface ServeSettings {
  /** Let provisioning calls (add/remove a group member) change the tenant; off, they answer 403. */
  writeBack?: boolean;
  /**
   * What the app is granted, in the provider's terms: Graph application permissions, Google scopes (short
   * names work), IAM actions. Absent: the provider's full read set (plus writes with `writeBack`).
   */
  permissions?: readonly string[];
  /** The SCIM service's host when served under real host names (a SCIM server has no well-known host). */
  scimHost?: string;
}

/** `baseUrl` undefined: the provider's real host names (`graph.microsoft.com`...), as served behind the proxy. */
export type ProviderFactory = (ctx: SimContext, baseUrl: string | undefined, settings?: ServeSettings) => Promise<ServedProvider> | ServedProvider;

export function hostsOf(...urls: string[]): string[] {
  return [...new Set(urls.map((url) => new URL(url).hostname.toLowerCase()))];
}
