/**
 * The scenario's grant and revoke actions, run through the connector after its sync as Baton's
 * provisioning does: the principal and the group are found in the synced file (by id or RawId, so each
 * connector's own id scheme works), the entitlement comes from the connector's own listing, and the call
 * goes through the SDK-style dispatch, so a type without a provisioner fails with the SDK's text.
 */
import { create } from '@bufbuild/protobuf';
import { GrantSchema, ResourceSchema, type Resource, type Connector } from '../../c1z/contract/index.js';
import { provisionGrant, provisionRevoke } from '../sync/provision.js';
import type { ScenarioAction } from '../scenario/schema.js';
import type { ActionOutcome, SyncContents, SyncedResource } from '../../reports/evidence.js';
import type { TenantStore } from '../../mocks/tenant/model.js';
import { providerIds, resolveEntitlement, resolvePrincipal } from './tenant-refs.js';

export async function runActions(
  connector: Connector,
  actions: readonly ScenarioAction[],
  tenant: TenantStore,
  sync: SyncContents | undefined,
): Promise<ActionOutcome[]> {
  const out: ActionOutcome[] = [];
  for (const [i, action] of actions.entries()) {
    const where = `actions[${i}]`;
    const base = { op: action.op, entitlement: action.entitlement, principal: action.principal };
    try {
      await runAction(connector, action, tenant, sync, where);
      out.push({ ...base, ok: true });
    } catch (error) {
      out.push({ ...base, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

async function runAction(
  connector: Connector,
  action: ScenarioAction,
  tenant: TenantStore,
  sync: SyncContents | undefined,
  where: string,
): Promise<void> {
  const { group, slug } = resolveEntitlement(tenant, action.entitlement, where);
  const principal = resolvePrincipal(tenant, action.principal, where);
  const groupResource = toResource(findSynced(sync, 'group', await providerIds(tenant, 'group', group), action.entitlement, where));
  const principalRow = findSynced(sync, principal.type, await providerIds(tenant, principal.type, principal.entity), action.principal, where);
  const syncer = connector.syncers[groupResource.id!.resourceType];
  const listed = syncer ? (await syncer.entitlements(groupResource, '')).entitlements : [];
  const entitlement = listed.find((e) => e.slug === slug || e.id.endsWith(`:${slug}`));
  if (!entitlement)
    throw new Error(`${where}: the connector lists no ${slug} entitlement on ${groupResource.id!.resourceType} ${groupResource.id!.resource}`);
  const principalResource = toResource(principalRow);
  if (action.op === 'grant') {
    await provisionGrant(connector, principalResource, entitlement);
    return;
  }
  const synced = sync?.grants.find(
    (g) => g.entitlementId === entitlement.id && g.principalId === principalRow.id && g.principalType === principalRow.type,
  );
  const id = synced?.id ?? `${entitlement.id}:${principalRow.type}:${principalRow.id}`;
  await provisionRevoke(connector, create(GrantSchema, { id, entitlement, principal: principalResource }));
}

/** The synced resource for a tenant entity: a type named like the kind (`group`, `sso_group`...) whose id or RawId is one of its ids. */
function findSynced(sync: SyncContents | undefined, kind: 'user' | 'group', ids: Set<string>, text: string, where: string): SyncedResource {
  const found = sync?.resources.find((r) => r.type.includes(kind) && (ids.has(r.id) || (r.rawId !== undefined && ids.has(r.rawId))));
  if (!found) throw new Error(`${where}: ${text} is not in the synced file, so the connector cannot be asked to provision it`);
  return found;
}

function toResource(row: SyncedResource): Resource {
  return create(ResourceSchema, { id: { resourceType: row.type, resource: row.id } });
}
