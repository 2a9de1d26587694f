/** Bug: users and groups are read from the first page only; `@odata.nextLink` is never followed. */
import type { ResourceSyncer } from '../../../c1z/contract/index.js';
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { patchSyncer } from './patch.js';

export function firstPageOnly(options: EntraConnectorOptions): EntraConnector {
  const onePage = (clean: ResourceSyncer): Partial<ResourceSyncer> => ({
    async list(parent, pageToken) {
      return { ...(await clean.list(parent, pageToken)), nextPageToken: '' };
    },
  });
  return patchSyncer(patchSyncer(createEntraConnector(options), 'user', onePage), 'group', onePage);
}
