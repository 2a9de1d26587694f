/** The reference Okta connector: `createOktaConnector(options)` gives the sync engine a {@link Connector}. */
export { createOktaConnector, PAGE_SIZES } from './connector.js';
export type { OktaConnector, OktaConnectorOptions } from './connector.js';
export { OktaClient, TOKEN_PATH } from './client.js';
export type { OktaAuth, OktaClientOptions } from './client.js';
export { OktaHttpError } from './errors.js';
export { APP_RESOURCE_TYPE, appEntitlementId, appGrantId, ROLE_RESOURCE_TYPE, roleEntitlementId, roleGrantId } from './resources.js';
export { READ_SCOPES } from './scopes.js';
export { STANDARD_ROLES } from './standard-roles.js';
