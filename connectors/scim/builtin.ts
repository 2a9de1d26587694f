/**
 * `builtin:scim`: the reference SCIM connector built from the credentials the SCIM simulator hands out.
 * Variant `fixed-stride` advances users' startIndex by a hard-coded 150 whatever the page returned.
 */
import type { BuiltinConnectorModule } from '../builtin.js';
import type { Connector } from '../../c1z/contract/index.js';
import { createScimConnector } from './connector.js';
import { startIndexOf } from './paging.js';

export const builtin: BuiltinConnectorModule = {
  provider: 'scim',
  create(credentials, options) {
    const { token, baseUrl } = credentials;
    if (typeof token !== 'string' || typeof baseUrl !== 'string')
      throw new Error('builtin:scim needs credentials { token, baseUrl } as the SCIM simulator gives them');
    // A SCIM token is long-lived and nothing is signed, so the run's clock (`options.now`) is not needed.
    const connector = createScimConnector({ token, baseUrl, fetch: options.fetch });
    if (options.variant === undefined) return connector;
    if (options.variant !== 'fixed-stride') throw new Error(`builtin:scim has no variant ${JSON.stringify(options.variant)} (known: fixed-stride)`);
    return fixedStride(connector);
  },
  variants: ['fixed-stride'],
};

const STRIDE = 150;

function fixedStride(connector: Connector): Connector {
  const users = connector.syncers.user!;
  const list: typeof users.list = async (parent, token) => {
    const page = await users.list(parent, token);
    return page.nextPageToken === '' ? page : { ...page, nextPageToken: String(startIndexOf(token) + STRIDE) };
  };
  return { ...connector, syncers: { ...connector.syncers, user: { ...users, list } } };
}
