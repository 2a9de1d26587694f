/**
 * SCIM 2.0 service provider simulator (RFC 7643/7644, as Entra and Okta provision into). Entry point:
 *
 *   const sim = createScimSimulator(ctx, { base, path, writeBack });
 *   setupServer(...sim.handlers);
 *   fetch(`${sim.credentials.baseUrl}/Users?startIndex=1&count=100`, { headers: { authorization: `Bearer ${sim.credentials.token}` } });
 *
 * Faults it understands beyond the generic ones (throttle, server-error, latency, ...): expired-secret and
 * revoked-credential (the token stops working for good), bad-pagination (`mode=`, see
 * listing/bad-pagination.ts; `cycle` and `stale-token` have no index-paging form).
 */
import { hostsOf, type ProviderFactory } from '../core/served-provider.js';
import { createScimSimulator } from './simulator.js';

export { createScimSimulator, DEFAULT_BASE, DEFAULT_PATH } from './simulator.js';
export type { ScimSimulator, ScimSimulatorOptions } from './simulator.js';
export type { ScimCredentials } from './credentials.js';
export { SCIM_BAD_PAGINATION_MODES, type ScimBadPaginationMode } from './listing/bad-pagination.js';
export { SCIM_JSON } from './wire/content-type.js';
export { URN as SCIM_URN } from './schema/urns.js';
export { MAX_COUNT as SCIM_MAX_COUNT } from './query/paging.js';

/**
 * For `serve` and scenario runs: the SCIM root under the served base. Read-only, because a factory is
 * given no options: `serve` would need a flag (e.g. `--write-back`) passed through to enable PATCH.
 */
export const scimProvider: ProviderFactory = (ctx, baseUrl, settings = {}) => {
  const sim = createScimSimulator(ctx, { base: baseUrl ?? (settings.scimHost && `https://${settings.scimHost}`), writeBack: settings.writeBack });
  return { handlers: sim.handlers, hosts: hostsOf(sim.env.base), granted: [], credentials: { ...sim.credentials } };
};
