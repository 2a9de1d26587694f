/**
 * Group membership provisioning, as baton-azure-infrastructure does it: grant adds a `$ref` to the group's
 * members (`{"@odata.id": "<graph>/v1.0/directoryObjects/<id>"}`), revoke deletes that `$ref`. Only the
 * `member` entitlement can be provisioned; Graph's refusal (403 Authorization_RequestDenied when write-back
 * was never consented) reaches the caller as a ConnectorHttpError with Graph's own text.
 */
import { type Entitlement, type Grant, type Resource, type ResourceSyncer, SyncError } from '../../c1z/contract/index.js';
import type { EntraClient } from './client.js';
import { memberGrant, ODATA_GROUP, ODATA_USER } from './records.js';

export function groupProvisioner(client: EntraClient): Required<Pick<ResourceSyncer, 'grant' | 'revoke'>> {
  return {
    async grant(principal: Resource, entitlement: Entitlement): Promise<Grant[]> {
      const groupId = memberGroupId(entitlement);
      const { type, id } = principalOf(principal);
      await client.post(`/v1.0/groups/${encodeURIComponent(groupId)}/members/$ref`, {
        '@odata.id': `${client.graphBase}/v1.0/directoryObjects/${id}`,
      });
      return memberGrant(entitlement, { id, '@odata.type': type === 'user' ? ODATA_USER : ODATA_GROUP });
    },
    async revoke(grant: Grant): Promise<void> {
      const groupId = memberGroupId(grant.entitlement);
      const { id } = principalOf(grant.principal);
      await client.delete(`/v1.0/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(id)}/$ref`);
    },
  };
}

/** The group behind a `group:<id>:member` entitlement; owners are read-only here, as in the real connector. */
function memberGroupId(entitlement: Entitlement | undefined): string {
  const groupId = entitlement?.id.match(/^group:(.+):member$/)?.[1];
  if (!groupId) {
    throw new SyncError('Unimplemented', `entra connector: only group membership can be provisioned, not ${JSON.stringify(entitlement?.id ?? '')}`);
  }
  return groupId;
}

function principalOf(principal: Resource | undefined): { type: 'user' | 'group'; id: string } {
  const type = principal?.id?.resourceType;
  const id = principal?.id?.resource ?? '';
  if ((type !== 'user' && type !== 'group') || !id) {
    throw new SyncError('InvalidArgument', `entra connector: a group member must be a user or a group, not ${JSON.stringify(`${type ?? ''}:${id}`)}`);
  }
  return { type, id };
}
