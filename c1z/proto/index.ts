/**
 * The c1 protobuf schema: this project's .proto files (c1/...) compiled into the committed *_pb.ts
 * (`npm run proto`): the records a Baton sync stores, their annotations, and the v3 header. Decoding,
 * Go-compatible encoding, and protojson-style JSON.
 */
export * from './connector.js';
export * from './connector-annotations.js';
export * from './connector-traits.js';
export * from './sync-records.js';
export * from './v3-schema.js';
export { registry } from './registry.js';
export { decodeMessage, encodeMessage } from './codec.js';
export { messageToJson } from './json.js';
export { packAnnotation, unpackAnnotation } from './annotation.js';
