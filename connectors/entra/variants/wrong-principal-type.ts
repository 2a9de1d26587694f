/**
 * Bug: member grants name their principal's resource type `User` / `Group` (Graph's casing) instead of the
 * connector's own type ids `user` / `group`, so they point at resources that do not exist and their grant
 * ids (built from the type, as the SDK builds them) differ from the clean connector's.
 */
import { create } from '@bufbuild/protobuf';
import { GrantSchema, ResourceSchema, type Grant } from '../../../c1z/contract/index.js';
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { patchSyncer } from './patch.js';

const WRONG: Record<string, string> = { user: 'User', group: 'Group' };

export function wrongPrincipalType(options: EntraConnectorOptions): EntraConnector {
  return patchSyncer(createEntraConnector(options), 'group', (clean) => ({
    async grants(resource, pageToken) {
      const page = await clean.grants(resource, pageToken);
      return { ...page, grants: page.grants.map(misnamed) };
    },
  }));
}

function misnamed(grant: Grant): Grant {
  const type = grant.principal?.id?.resourceType ?? '';
  const id = grant.principal?.id?.resource ?? '';
  const entitlementId = grant.entitlement?.id ?? '';
  if (!entitlementId.endsWith(':member') || !WRONG[type]) return grant;
  return create(GrantSchema, {
    id: `${entitlementId}:${WRONG[type]}:${id}`,
    entitlement: grant.entitlement,
    principal: create(ResourceSchema, { id: { resourceType: WRONG[type], resource: id } }),
    annotations: grant.annotations,
  });
}
