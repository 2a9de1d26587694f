/**
 * Bug: after the first page the user listing hands back the token it was given, as a connector that
 * returns the request's token instead of the answer's nextLink would. The engine's page guard stops it
 * ("next page token unchanged"); a tenant that fits in one page never shows it.
 */
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { patchSyncer } from './patch.js';

export function repeatsPageToken(options: EntraConnectorOptions): EntraConnector {
  return patchSyncer(createEntraConnector(options), 'user', (clean) => ({
    async list(parent, pageToken) {
      const page = await clean.list(parent, pageToken);
      return pageToken === '' ? page : { ...page, nextPageToken: pageToken };
    },
  }));
}
