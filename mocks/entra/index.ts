/**
 * Microsoft Entra ID + Microsoft Graph simulator. Entry point:
 *
 *   const sim = createEntraSimulator(ctx, { grantedPermissions, writeBack, bases });
 *   setupServer(...sim.handlers);   // or serve on loopback with bases pointing there
 *   new ClientSecretCredential(sim.credentials.tenantId, sim.credentials.clientId, sim.credentials.clientSecret);
 *
 * Faults it understands beyond the generic ones (throttle, server-error, latency, ...): expired-secret,
 * revoked-credential (`reason=secret-deleted|app-disabled|app-deleted`), partial-consent (`missing=`),
 * bad-pagination (`mode=`; the pager is mocks/core/paging/pager.ts), each mode on Graph's wire:
 *   repeat-token            the next link carries the request's own skiptoken (endless loop; baton's
 *                           same-token guard catches it)
 *   cycle                   page 3 (or the last page) links back to page 1 (A->B->C->A; not caught)
 *   empty-page-with-token   an empty page whose next link resumes where it should (clients that stop
 *                           on an empty page lose the rest)
 *   duplicate-across-pages  each next page starts with the previous page's last item again
 *   drop-items              each next link skips one item (silent loss; only @odata.count tells)
 *   stale-token             following any next link fails with 400 Directory_ExpiredPageToken
 *   unstable-order          the collection's order shifts between pages: items come shuffled and each
 *                           next link resumes a seeded few items early or late (duplicates and misses)
 */
import { hostsOf, type ProviderFactory } from '../core/served-provider.js';
import { createEntraSimulator } from './simulator.js';

export { createEntraSimulator } from './simulator.js';
export { DEFAULT_BASES } from './env.js';
export { DEFAULT_READ_PERMISSIONS } from './graph/permissions.js';
export type { EntraSimulator, EntraSimulatorOptions } from './simulator.js';
export type { EntraCredentials, EntraApp } from './credentials.js';
export type { EntraBases } from './env.js';
export { GRANTS, type Access } from './graph/permissions.js';
export { BAD_PAGINATION_MODES, type BadPaginationMode } from '../core/paging/pager.js';
export { GRAPH_JSON } from './graph/content-types.js';

/** For `serve` and scenario runs: both hosts on one base URL. */
export const entraProvider: ProviderFactory = (ctx, baseUrl, settings = {}) => {
  const sim = createEntraSimulator(ctx, {
    bases: baseUrl === undefined ? undefined : { login: baseUrl, graph: baseUrl },
    writeBack: settings.writeBack,
    grantedPermissions: settings.permissions && [...settings.permissions],
  });
  return {
    handlers: sim.handlers,
    hosts: hostsOf(sim.bases.login, sim.bases.graph),
    granted: sim.grantedPermissions,
    credentials: { ...sim.credentials, authority: sim.authority, graphBase: sim.bases.graph, scope: sim.scope },
  };
};
