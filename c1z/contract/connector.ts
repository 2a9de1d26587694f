/**
 * What a connector gives the sync engine, shaped after the SDK's ResourceSyncer / ResourceProvisioner:
 * the resource types it knows, a syncer per type id, and a capabilities description like
 * `baton capabilities` prints. Messages are the project's c1.connector.v2 protobuf types.
 */
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../proto/connector.js';

/**
 * The SDK's Capability enum names (1 PROVISION … 14 CREDENTIAL_ISSUE).
 * @public (with the page shapes below: the contract a connector is written against, named or not)
 */
export type Capability =
  | 'CAPABILITY_PROVISION'
  | 'CAPABILITY_SYNC'
  | 'CAPABILITY_EVENT_FEED'
  | 'CAPABILITY_TICKETING'
  | 'CAPABILITY_ACCOUNT_PROVISIONING'
  | 'CAPABILITY_CREDENTIAL_ROTATION'
  | 'CAPABILITY_RESOURCE_CREATE'
  | 'CAPABILITY_RESOURCE_DELETE'
  | 'CAPABILITY_SYNC_SECRETS'
  | 'CAPABILITY_ACTIONS'
  | 'CAPABILITY_TARGETED_SYNC'
  | 'CAPABILITY_EVENT_FEED_V2'
  | 'CAPABILITY_SERVICE_MODE_TARGETED_SYNC'
  | 'CAPABILITY_CREDENTIAL_ISSUE';

/** @public */
export interface ResourceTypeCapability {
  resourceType: ResourceType;
  capabilities: Capability[];
}

/** The protojson shape of c1.connector.v2.ConnectorCapabilities, minus permissions and credential details. */
export interface ConnectorCapabilities {
  resourceTypeCapabilities: ResourceTypeCapability[];
  connectorCapabilities: Capability[];
}

/** @public */
export interface ResourcePage {
  resources: Resource[];
  /** "" when the listing is done. */
  nextPageToken: string;
}
/** @public */
export interface EntitlementPage {
  entitlements: Entitlement[];
  nextPageToken: string;
}
/** @public */
export interface GrantPage {
  grants: Grant[];
  nextPageToken: string;
}

/** One resource type's syncer; the first page of every listing is asked for with token "". */
export interface ResourceSyncer {
  /** `parent` is undefined for the top-level listing, a resource id when following ChildResourceType. */
  list(parent: ResourceId | undefined, pageToken: string): Promise<ResourcePage>;
  entitlements(resource: Resource, pageToken: string): Promise<EntitlementPage>;
  grants(resource: Resource, pageToken: string): Promise<GrantPage>;
  /** Provisioning: both or neither, as the SDK's ResourceProvisioner requires. */
  grant?(principal: Resource, entitlement: Entitlement): Promise<Grant[]>;
  revoke?(grant: Grant): Promise<void>;
}

export interface Connector {
  resourceTypes(): ResourceType[];
  /** Keyed by resource type id. */
  syncers: Record<string, ResourceSyncer>;
  /** What the connector claims; {@link derivedCapabilities} when absent. */
  capabilities?(): ConnectorCapabilities;
}

/** A type can provision when its syncer implements both halves, as the SDK's interface check demands. */
export function canProvision(syncer: ResourceSyncer | undefined): boolean {
  return typeof syncer?.grant === 'function' && typeof syncer.revoke === 'function';
}

/** What the SDK's builder reports for a connector: SYNC for every type, PROVISION where grant/revoke exist. */
export function derivedCapabilities(connector: Connector): ConnectorCapabilities {
  const resourceTypeCapabilities = connector.resourceTypes().map((resourceType) => ({
    resourceType,
    capabilities: [...(canProvision(connector.syncers[resourceType.id]) ? (['CAPABILITY_PROVISION'] as const) : []), 'CAPABILITY_SYNC' as const],
  }));
  const connectorCapabilities: Capability[] = ['CAPABILITY_SYNC'];
  if (resourceTypeCapabilities.some((c) => c.capabilities.includes('CAPABILITY_PROVISION'))) connectorCapabilities.unshift('CAPABILITY_PROVISION');
  return { resourceTypeCapabilities, connectorCapabilities };
}

/** The declared capabilities, or those the syncers imply. */
export function capabilitiesOf(connector: Connector): ConnectorCapabilities {
  return connector.capabilities?.() ?? derivedCapabilities(connector);
}
