/** The reference Entra ID connector: `createEntraConnector(options)` gives the sync engine a {@link Connector}. */
export {
  createEntraConnector,
  APP_RESOURCE_TYPE,
  DEFAULT_APP_ROLE_ID,
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
  appAssignmentEntitlementId,
  appOwnerEntitlementId,
  memberEntitlementId,
  ownerEntitlementId,
} from './connector.js';
export type { EntraConnector, EntraConnectorOptions } from './connector.js';
export { EntraClient, GRAPH_SCOPE, parseRetryAfter } from './client.js';
export type { EntraClientOptions } from './client.js';
export { createEntraVariant, ENTRA_VARIANT_NAMES, ENTRA_VARIANTS, type EntraVariant } from './variants/index.js';
