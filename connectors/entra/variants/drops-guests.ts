/**
 * Bug: the user listing carries a default `$filter=userType eq 'Member'` (a setting meant to be optional),
 * so guest (B2B) users, and with them the guests' access, never reach the sync. Member grants to guests are
 * still written, pointing at users the file does not have.
 */
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';
import { USER_SELECT, userResource, type GraphPage, type GraphUser } from '../records.js';
import { patchSyncer } from './patch.js';

const MEMBERS_ONLY = encodeURIComponent("userType eq 'Member'");

export function dropsGuests(options: EntraConnectorOptions): EntraConnector {
  const connector = createEntraConnector(options);
  const { client } = connector;
  return patchSyncer(connector, 'user', () => ({
    async list(_parent, pageToken) {
      const page = await client.get<GraphPage<GraphUser>>(
        pageToken || `/v1.0/users?$select=${USER_SELECT}&$filter=${MEMBERS_ONLY}&$top=${options.top ?? 999}`,
      );
      return { resources: (page.value ?? []).map(userResource), nextPageToken: page['@odata.nextLink'] ?? '' };
    },
  }));
}
