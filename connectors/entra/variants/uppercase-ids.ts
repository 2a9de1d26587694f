/** Bug: user ids are upper-cased (a GUID normalised with ToUpper), so every user is synced under another id. */
import { clone } from '@bufbuild/protobuf';
import { ResourceSchema } from '../../../c1z/contract/index.js';
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { patchSyncer } from './patch.js';

export function uppercaseIds(options: EntraConnectorOptions): EntraConnector {
  return patchSyncer(createEntraConnector(options), 'user', (clean) => ({
    async list(parent, pageToken) {
      const page = await clean.list(parent, pageToken);
      const resources = page.resources.map((r) => {
        const copy = clone(ResourceSchema, r);
        copy.id!.resource = copy.id!.resource.toUpperCase();
        return copy;
      });
      return { ...page, resources };
    },
  }));
}
