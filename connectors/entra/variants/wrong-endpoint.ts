/**
 * Bug: group members are read from `/v1.0/group/{id}/members` (singular `group`), a path Graph does not
 * have. Real Graph answers 400 "Resource not found for the segment 'group'"; the harness, which only knows
 * real routes, says which route was nearest, so the typo is found at once.
 */
import type { ResourceSyncer } from '../../../c1z/contract/index.js';
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { patchSyncer } from './patch.js';

export function wrongEndpoint(options: EntraConnectorOptions): EntraConnector {
  const clean = createEntraConnector(options);
  const typo = (original: ResourceSyncer): Partial<ResourceSyncer> => ({
    async grants(resource, pageToken) {
      if (pageToken !== '') return original.grants(resource, pageToken);
      await clean.client.get(`/v1.0/group/${encodeURIComponent(resource.id?.resource ?? '')}/members?$select=id`);
      return original.grants(resource, pageToken);
    },
  });
  return patchSyncer(clean, 'group', typo);
}
