/**
 * The core c1.connector.v2 records a sync stores (ResourceType, Resource, Entitlement, Grant), generated from
 * c1/connector/v2/connector.proto. The two enums callers name most keep the names they had before the schema
 * was generated.
 */
export * from './c1/connector/v2/connector_pb.js';
export {
  ResourceType_Trait as ResourceTypeTrait,
  Entitlement_PurposeValue as EntitlementPurpose,
} from './c1/connector/v2/connector_pb.js';
