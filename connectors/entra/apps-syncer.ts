/**
 * The `enterprise_application` syncer: service principals from `/v1.0/servicePrincipals` (app registrations
 * only), their roles kept from the listing for the entitlements, as the real connector caches them, and
 * grants from `appRoleAssignedTo`, then `owners`. Like every listing here, a 403 fails the sync: the real
 * connector has no optional types, so an app without Application.Read.All cannot complete a sync.
 */
import type { ResourceSyncer } from '../../c1z/contract/index.js';
import {
  SERVICE_PRINCIPAL_SELECT,
  appAssignmentEntitlements,
  appOwnerEntitlement,
  appOwnerGrant,
  appResource,
  appRoleGrant,
  type GraphAppRole,
  type GraphAppRoleAssignment,
  type GraphServicePrincipal,
} from './apps.js';
import type { EntraClient } from './client.js';
import type { DirectoryObject, GraphPage } from './records.js';

const APPS_FILTER = encodeURIComponent("servicePrincipalType eq 'Application' and accountEnabled eq true");

export function appSyncer(client: EntraClient, top: number): ResourceSyncer {
  // A few roles per app, held for the entitlements pass; an app missed here is read on its own.
  const roles = new Map<string, GraphAppRole[]>();
  const rolesOf = async (id: string) => {
    const known = roles.get(id);
    if (known) return known;
    const sp = await client.get<GraphServicePrincipal>(`/v1.0/servicePrincipals/${encodeURIComponent(id)}?$select=${SERVICE_PRINCIPAL_SELECT}`);
    return sp.appRoles ?? [];
  };

  return {
    async list(_parent, pageToken) {
      const page = await client.get<GraphPage<GraphServicePrincipal>>(
        pageToken || `/v1.0/servicePrincipals?$select=${SERVICE_PRINCIPAL_SELECT}&$filter=${APPS_FILTER}&$top=${top}`,
      );
      const sps = page.value ?? [];
      for (const sp of sps) roles.set(sp.id, sp.appRoles ?? []);
      return { resources: sps.map(appResource), nextPageToken: page['@odata.nextLink'] ?? '' };
    },
    async entitlements(resource) {
      const appRoles = await rolesOf(resource.id?.resource ?? '');
      return { entitlements: [appOwnerEntitlement(resource), ...appAssignmentEntitlements(resource, appRoles)], nextPageToken: '' };
    },
    /** Assignments first, then owners: the token is `assignments:<nextLink>`, then `owners:`, then `owners:<nextLink>`. */
    async grants(resource, pageToken) {
      const path = encodeURIComponent(resource.id?.resource ?? '');
      if (pageToken === '' || pageToken.startsWith('assignments:')) {
        const url = pageToken === '' ? `/v1.0/servicePrincipals/${path}/appRoleAssignedTo?$top=${top}` : pageToken.slice('assignments:'.length);
        const page = await client.get<GraphPage<GraphAppRoleAssignment>>(url);
        const next = page['@odata.nextLink'];
        return { grants: (page.value ?? []).flatMap((a) => appRoleGrant(resource, a)), nextPageToken: next ? `assignments:${next}` : 'owners:' };
      }
      if (pageToken.startsWith('owners:')) {
        const rest = pageToken.slice('owners:'.length);
        const page = await client.get<GraphPage<DirectoryObject>>(rest || `/v1.0/servicePrincipals/${path}/owners?$select=id`);
        const next = page['@odata.nextLink'];
        return { grants: (page.value ?? []).flatMap((o) => appOwnerGrant(resource, o)), nextPageToken: next ? `owners:${next}` : '' };
      }
      throw new Error(`entra connector: unknown enterprise application grants page token ${JSON.stringify(pageToken)}`);
    },
  };
}
