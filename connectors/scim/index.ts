/** The reference SCIM 2.0 connector: `createScimConnector(options)` gives the sync engine a {@link Connector}. */
export { createScimConnector, GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, grantId, memberEntitlementId } from './connector.js';
export type { ScimConnector, ScimConnectorOptions } from './connector.js';
export { ScimClient, ScimHttpError, PATCH_OP_URN, SCIM_MEDIA_TYPE, parseRetryAfter } from './client.js';
export type { PatchOperation, ScimClientOptions } from './client.js';
export { PAGE_SIZE, nextPageToken, startIndexOf } from './paging.js';
