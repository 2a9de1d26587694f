/** `builtin:scim`: the reference SCIM connector built from the credentials the SCIM simulator hands out. */
import type { BuiltinConnectorModule } from '../builtin.js';
import { createScimConnector } from './connector.js';
import { scimGroundTruth } from './ground-truth.js';

export const builtin: BuiltinConnectorModule = {
  provider: 'scim',
  create(credentials, options) {
    const { token, baseUrl } = credentials;
    if (typeof token !== 'string' || typeof baseUrl !== 'string') throw new Error('builtin:scim needs credentials { token, baseUrl } as the SCIM simulator gives them');
    // A SCIM token is long-lived and nothing is signed, so the run's clock (`options.now`) is not needed.
    return createScimConnector({ token, baseUrl, fetch: options.fetch });
  },
  groundTruth: (tenant) => scimGroundTruth(tenant),
  variants: [],
};
