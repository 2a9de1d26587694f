/**
 * The connector contract, the one door connectors (and the harness's engine) use: the c1.connector.v2 messages,
 * their annotations and traits, the Connector interface a sync drives, and the errors a connector reports in.
 * It loads @bufbuild/protobuf and nothing else, so a connector pays nothing for the sync file's readers.
 */
export * from '../proto/connector.js';
export * from '../proto/connector-annotations.js';
export * from '../proto/connector-traits.js';
export { packAnnotation, unpackAnnotation } from '../proto/annotation.js';
export * from './connector.js';
export * from './sync-errors.js';
