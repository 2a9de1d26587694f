/**
 * The core c1.connector.v2 records a sync stores (ResourceType, Resource, Entitlement, Grant), generated from
 * c1/connector/v2/connector.proto. The few names that differ from the generated ones are the names the code
 * used before the schema was generated, kept as aliases so callers read as before.
 */
export * from './c1/connector/v2/connector_pb.js';
export {
  ResourceType_Trait as ResourceTypeTrait,
  Status_ResourceStatus as ResourceStatusValue,
  StatusSchema as ResourceStatusSchema,
  Resource_CreationSource as CreationSource,
  Entitlement_PurposeValue as EntitlementPurpose,
  GrantSources_GrantSourceSchema as GrantSourceSchema,
} from './c1/connector/v2/connector_pb.js';
export type { Status as ResourceStatus, GrantSources_GrantSource as GrantSource } from './c1/connector/v2/connector_pb.js';
