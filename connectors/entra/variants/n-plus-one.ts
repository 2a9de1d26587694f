/**
 * Bug: the user listing asks only for ids (`$select=id`) and then GETs `/v1.0/users/{id}` for each user,
 * one request per user: the same records, many times the calls, and throttling on a large tenant.
 */
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { USER_SELECT, userResource, type GraphPage, type GraphUser } from '../records.js';
import { patchSyncer } from './patch.js';

export function nPlusOne(options: EntraConnectorOptions): EntraConnector {
  const connector = createEntraConnector(options);
  const { client } = connector;
  return patchSyncer(connector, 'user', () => ({
    async list(_parent, pageToken) {
      const page = await client.get<GraphPage<{ id: string }>>(pageToken || `/v1.0/users?$select=id&$top=${options.top ?? 999}`);
      const users: GraphUser[] = [];
      for (const { id } of page.value ?? []) users.push(await client.get<GraphUser>(`/v1.0/users/${encodeURIComponent(id)}?$select=${USER_SELECT}`));
      return { resources: users.map(userResource), nextPageToken: page['@odata.nextLink'] ?? '' };
    },
  }));
}
