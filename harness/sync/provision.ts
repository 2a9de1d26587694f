/**
 * Grant and revoke calls routed to the entitlement's resource type, as the SDK's builder does
 * (`pkg/connectorbuilder/resource_provisioner.go`). A type without both grant and revoke fails with the
 * SDK's Unimplemented text whatever its capabilities claim: a declared CAPABILITY_PROVISION is a promise
 * the builder never checks, so a connector can advertise provisioning and still fail every call.
 */
import { type Entitlement, type Grant, type Resource, canProvision, type Connector, SyncError } from '../../c1z/contract/index.js';

/** The SDK's text (gRPC Unimplemented), the same for grant and revoke. */
export function noProvisionerText(resourceTypeId: string): string {
  return `resource type ${resourceTypeId} does not have provisioner configured`;
}

export async function provisionGrant(connector: Connector, principal: Resource, entitlement: Entitlement): Promise<Grant[]> {
  const type = entitlement.resource?.id?.resourceType ?? '';
  const syncer = connector.syncers[type];
  if (!canProvision(syncer) || !syncer?.grant) throw new SyncError('Unimplemented', noProvisionerText(type));
  try {
    return await syncer.grant(principal, entitlement);
  } catch (error) {
    throw wrap('grant failed', error);
  }
}

export async function provisionRevoke(connector: Connector, grant: Grant): Promise<void> {
  const type = grant.entitlement?.resource?.id?.resourceType ?? '';
  const syncer = connector.syncers[type];
  if (!canProvision(syncer) || !syncer?.revoke) throw new SyncError('Unimplemented', noProvisionerText(type));
  try {
    await syncer.revoke(grant);
  } catch (error) {
    throw wrap('revoke failed', error);
  }
}

/** `grant failed: <cause>`, as the SDK's `%w` wrapping reads, keeping the cause for callers. */
function wrap(what: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${what}: ${message}`, { cause: error });
}
