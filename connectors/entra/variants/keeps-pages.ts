/**
 * Bug: every parsed Graph page is kept on the connector object for its whole life ("for debugging"), so
 * memory grows with the tenant instead of staying at one page.
 */
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';

export interface PageKeepingConnector extends EntraConnector {
  pages: unknown[];
}

export function keepsPages(options: EntraConnectorOptions): PageKeepingConnector {
  const connector = createEntraConnector(options);
  const { client } = connector;
  const pages: unknown[] = [];
  const get = client.get.bind(client);
  client.get = async <T>(pathOrUrl: string): Promise<T> => {
    const page = await get<T>(pathOrUrl);
    pages.push(page);
    return page;
  };
  return Object.assign(connector, { pages });
}
