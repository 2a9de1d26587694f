/** The reference AWS connector: `createAwsConnector(options)` gives the sync engine a {@link Connector}. */
export { createAwsConnector } from './connector.js';
export type { AwsConnector, AwsConnectorOptions } from './connector.js';
export { AwsClient } from './client.js';
export type { AwsClientOptions } from './client.js';
export * from './ids.js';
