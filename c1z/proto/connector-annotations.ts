/**
 * c1.connector.v2 annotations: small messages packed as `google.protobuf.Any` into the `annotations` lists of
 * resource types, resources, entitlements and grants; generated from c1/connector/v2/annotations.proto.
 * Traits (UserTrait...) are in connector-traits.ts.
 */
export * from './c1/connector/v2/annotations_pb.js';
