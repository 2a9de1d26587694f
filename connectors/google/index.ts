/** The reference Google Workspace connector: `createGoogleConnector(options)` gives the sync engine a {@link Connector}. */
export {
  createGoogleConnector,
  GROUP_RESOURCE_TYPE,
  groupMemberEntitlementId,
  membershipGrantId,
  PAGE_SIZES,
  ROLE_RESOURCE_TYPE,
  roleMemberEntitlementId,
  USER_RESOURCE_TYPE,
} from './connector.js';
export type { GoogleConnector, GoogleConnectorOptions } from './connector.js';
export { GoogleClient, GoogleQuotaError, GoogleTokenError } from './client.js';
export type { GoogleClientOptions } from './client.js';
export { READ_SCOPES, WRITE_MEMBERS_SCOPE } from './scopes.js';
