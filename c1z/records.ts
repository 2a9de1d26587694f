/**
 * Stored rows decoded into connector messages, with the lookups baton's listings show beside each row
 * (the resource type of a resource, the resource of an entitlement, the principal of a grant).
 */
import { create } from '@bufbuild/protobuf';
import {
  EntitlementSchema,
  GrantSchema,
  ResourceSchema,
  ResourceTypeSchema,
  type Entitlement,
  type Grant,
  type Resource,
  type ResourceId,
  type ResourceType,
} from './proto/connector.js';
import { decodeMessage } from './proto/codec.js';
import type { RowSource, StoredEntitlement, StoredGrant, StoredResource, StoredRow, SyncScope } from './types.js';

const GRANT_EXPANDABLE_URL = 'type.googleapis.com/c1.connector.v2.GrantExpandable';

/** Grants name the same few thousand principals and entitlements over and over: remember recent lookups. */
const LOOKUP_CACHE_SIZE = 10_000;

export class Records {
  private readonly types = new Map<string, ResourceType | undefined>();
  private readonly resources = new RecentCache<Resource | undefined>(LOOKUP_CACHE_SIZE);
  private readonly entitlements = new RecentCache<Entitlement | undefined>(LOOKUP_CACHE_SIZE);

  constructor(
    private readonly file: string,
    private readonly rows: RowSource,
    private readonly scope: SyncScope,
  ) {}

  resourceType(row: StoredRow): ResourceType {
    return decodeMessage(ResourceTypeSchema, row.data, this.where('v1_resource_types', row));
  }

  resource(row: StoredResource): Resource {
    return decodeMessage(ResourceSchema, row.data, this.where('v1_resources', row));
  }

  entitlement(row: StoredEntitlement): Entitlement {
    return decodeMessage(EntitlementSchema, row.data, this.where('v1_entitlements', row));
  }

  /**
   * The grant as the connector emitted it: newer writers keep GrantExpandable in the `expansion` column
   * instead of `data`; it is put back so the same grant reads the same from files of every SDK age.
   */
  grant(row: StoredGrant): Grant {
    const grant = decodeMessage(GrantSchema, row.data, this.where('v1_grants', row));
    if (row.expansion && !grant.annotations.some((a) => a.typeUrl === GRANT_EXPANDABLE_URL)) {
      grant.annotations.push({ $typeName: 'google.protobuf.Any', typeUrl: GRANT_EXPANDABLE_URL, value: row.expansion });
    }
    return grant;
  }

  /** The declared resource type by id, cached: a listing asks for the same few types over and over. */
  typeById(id: string): ResourceType | undefined {
    if (!this.types.has(id)) {
      const row = this.rows.resourceType(this.scope, id);
      this.types.set(id, row ? this.resourceType(row) : undefined);
    }
    return this.types.get(id);
  }

  /** The stored resource for an id, else the stub the referring row carries. */
  resourceById(id: ResourceId | undefined, fallback?: Resource): Resource | undefined {
    if (!id?.resourceType) return fallback;
    const stored = this.resources.get(`${id.resourceType}:${id.resource}`, () => {
      const row = this.rows.resource(this.scope, id.resourceType, id.resource);
      return row ? this.resource(row) : undefined;
    });
    return stored ?? fallback ?? create(ResourceSchema, { id });
  }

  entitlementById(id: string, fallback?: Entitlement): Entitlement | undefined {
    const stored = this.entitlements.get(id, () => {
      const row = this.rows.entitlement(this.scope, id);
      return row ? this.entitlement(row) : undefined;
    });
    return stored ?? fallback;
  }

  private where(table: string, row: StoredRow): string {
    return `${this.file}: ${table} row ${JSON.stringify(row.externalId)} of sync ${row.syncId}`;
  }
}

/** `type:id`, the way baton prints a resource reference. */
export function resourceRef(id: ResourceId | undefined): string {
  return id?.resourceType ? `${id.resourceType}:${id.resource}` : '';
}

/** A map that forgets its oldest entries past `size`; callers treat the values as read-only. */
class RecentCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}

  get(key: string, load: () => V): V {
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const value = load();
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}
