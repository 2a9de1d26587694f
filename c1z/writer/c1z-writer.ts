/**
 * Writes Baton v1 sync files from connector messages, deriving every indexed column the way the SDK does:
 * resources keyed `<type>:<id>`, entitlements and grants by their proto id, grants filed under their
 * entitlement's resource, and GrantExpandable moved out of `data` into `expansion` (SDK v0.2x writers).
 *
 * @example
 * const writer = new C1zWriter('out.c1z', { clock, seed: 1 });
 * const syncId = writer.startSync();
 * writer.addResourceType(syncId, userType);
 * writer.endSync(syncId);
 * await writer.finish();
 */
import { create } from '@bufbuild/protobuf';
import { decodeMessage, encodeMessage } from '../proto/codec.js';
import {
  EntitlementSchema,
  GrantSchema,
  ResourceSchema,
  ResourceTypeSchema,
  type Entitlement,
  type Grant,
  type Resource,
  type ResourceType,
} from '../proto/connector.js';
import { StoreWriter, type StoreWriterOptions } from './store-writer.js';

const GRANT_EXPANDABLE = 'type.googleapis.com/c1.connector.v2.GrantExpandable';

export interface C1zWriterOptions extends StoreWriterOptions {
  /** Keep GrantExpandable inside `data`, as writers before the `expansion` column did. Default false. */
  expansionInData?: boolean;
}

export class C1zWriter extends StoreWriter {
  private readonly expansionInData: boolean;

  constructor(target: string, options: C1zWriterOptions = {}) {
    super(target, options);
    this.expansionInData = options.expansionInData ?? false;
  }

  addResourceType(syncId: string, resourceType: ResourceType): void {
    if (!resourceType.id) throw new Error('a resource type needs an id');
    this.putResourceType(syncId, { externalId: resourceType.id, data: encodeMessage(ResourceTypeSchema, resourceType) });
  }

  /** Every stored resource of one type, decoded a page at a time (see {@link StoreWriter.resourcePage}). */
  *resourcesOf(syncId: string, resourceTypeId: string, pageSize = 1000): Generator<Resource> {
    for (let after = 0; ; ) {
      const page = this.resourcePage(syncId, resourceTypeId, after, pageSize);
      if (page.length === 0) return;
      for (const row of page) yield decodeMessage(ResourceSchema, row.data, `stored resource ${row.rowid}`);
      after = page.at(-1)!.rowid;
    }
  }

  addResource(syncId: string, resource: Resource): void {
    const id = requireId(resource, 'resource');
    this.putResource(syncId, {
      resourceTypeId: id.resourceType,
      externalId: `${id.resourceType}:${id.resource}`,
      parentResourceTypeId: resource.parentResourceId?.resourceType || undefined,
      parentResourceId: resource.parentResourceId?.resource || undefined,
      data: encodeMessage(ResourceSchema, resource),
    });
  }

  addEntitlement(syncId: string, entitlement: Entitlement): void {
    if (!entitlement.id) throw new Error('an entitlement needs an id');
    const on = requireId(entitlement.resource, `entitlement ${entitlement.id}: resource`);
    this.putEntitlement(syncId, {
      resourceTypeId: on.resourceType,
      resourceId: on.resource,
      externalId: entitlement.id,
      data: encodeMessage(EntitlementSchema, entitlement),
    });
  }

  addGrant(syncId: string, grant: Grant): void {
    if (!grant.id) throw new Error('a grant needs an id');
    const entitlement = grant.entitlement;
    if (!entitlement?.id) throw new Error(`grant ${grant.id}: needs its entitlement`);
    const on = requireId(entitlement.resource, `grant ${grant.id}: entitlement resource`);
    const principal = requireId(grant.principal, `grant ${grant.id}: principal`);
    const expandable = this.expansionInData ? undefined : grant.annotations.find((a) => a.typeUrl === GRANT_EXPANDABLE);
    const stored = expandable ? create(GrantSchema, { ...grant, annotations: grant.annotations.filter((a) => a !== expandable) }) : grant;
    this.putGrant(syncId, {
      resourceTypeId: on.resourceType,
      resourceId: on.resource,
      entitlementId: entitlement.id,
      principalResourceTypeId: principal.resourceType,
      principalResourceId: principal.resource,
      externalId: grant.id,
      expansion: expandable?.value,
      data: encodeMessage(GrantSchema, stored),
    });
  }
}

function requireId(resource: Resource | undefined, what: string) {
  const id = resource?.id;
  if (!id?.resourceType || !id.resource) throw new Error(`${what} needs an id with a resource type`);
  return id;
}
