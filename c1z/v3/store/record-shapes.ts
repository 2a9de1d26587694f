/** The fields of the v3 records this reader uses, as protobuf-es presents a decoded message of any schema. */

export interface AnyShape {
  typeUrl: string;
  value: Uint8Array;
}

export interface ResourceTypeRecord {
  externalId: string;
  displayName: string;
  traits: string[];
  annotations: AnyShape[];
  description: string;
  sourcedExternally: boolean;
}

interface ResourceRef {
  resourceTypeId: string;
  resourceId: string;
}

export interface ResourceRecord {
  resourceTypeId: string;
  resourceId: string;
  displayName: string;
  description: string;
  parent?: ResourceRef;
  annotations: AnyShape[];
}

export interface EntitlementRecord {
  externalId: string;
  resource?: ResourceRef;
  displayName: string;
  description: string;
  purpose: string;
  annotations: AnyShape[];
  slug: string;
  grantableToResourceTypeIds: string[];
}

export interface GrantRecord {
  externalId: string;
  entitlement?: ResourceRef & { entitlementId: string };
  principal?: ResourceRef & { parentResourceTypeId: string; parentResourceId: string };
  expansion?: { entitlementIds: string[]; shallow: boolean; resourceTypeIds: string[] };
  annotations: AnyShape[];
  sources: Record<string, { isDirect: boolean }>;
}

export interface SyncRunRecord {
  syncId: string;
  type: number;
  parentSyncId: string;
  startedAt?: { seconds: bigint; nanos: number };
  endedAt?: { seconds: bigint; nanos: number };
  syncToken: string;
  linkedSyncId: string;
}
