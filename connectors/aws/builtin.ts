/**
 * `builtin:aws`: the reference connector built from exactly what `awsProvider` hands out (access key,
 * region, identity store id, one `endpoint` for IAM and Identity Store). Variant `ignores-retry-after`
 * re-sends a throttled request at once, up to 3 times, before the engine sees the failure; `stops-on-short-page`
 * takes an IAM user page shorter than IAM's default 100 for the last, though IsTruncated says more follows.
 */
import type { BuiltinConnectorModule } from '../builtin.js';
import type { Connector } from '../../c1z/contract/index.js';
import { createAwsConnector } from './connector.js';
import { IAM_USER } from './ids.js';

const VARIANTS = ['ignores-retry-after', 'stops-on-short-page'] as const;

function requiredString(credentials: Record<string, unknown>, name: string): string {
  const value = credentials[name];
  if (typeof value !== 'string' || value === '') throw new Error(`builtin:aws: credentials.${name} is missing`);
  return value;
}

export const builtin: BuiltinConnectorModule = {
  provider: 'aws',
  variants: VARIANTS,
  create(credentials, { fetch, now, variant }) {
    if (variant !== undefined && !(VARIANTS as readonly string[]).includes(variant))
      throw new Error(`builtin:aws has no variant ${JSON.stringify(variant)} (known: ${VARIANTS.join(', ')})`);
    const endpoint = typeof credentials.endpoint === 'string' ? credentials.endpoint : undefined;
    const identityStoreId = typeof credentials.identityStoreId === 'string' ? credentials.identityStoreId : undefined;
    const connector = createAwsConnector({
      credentials: { accessKeyId: requiredString(credentials, 'accessKeyId'), secretAccessKey: requiredString(credentials, 'secretAccessKey') },
      region: typeof credentials.region === 'string' ? credentials.region : 'us-east-1',
      identityStoreId,
      iamEndpoint: endpoint,
      identityStoreEndpoint: endpoint,
      fetch,
      now,
      immediateThrottleResends: variant === 'ignores-retry-after' ? 3 : 0,
    });
    return variant === 'stops-on-short-page' ? stopsOnShortPage(connector) : connector;
  },
};

/** IAM's default page size, which the clean connector never overrides. */
const IAM_DEFAULT_PAGE = 100;

function stopsOnShortPage(connector: Connector): Connector {
  const users = connector.syncers[IAM_USER];
  if (!users) return connector;
  const list: typeof users.list = async (parent, token) => {
    const page = await users.list(parent, token);
    return page.resources.length < IAM_DEFAULT_PAGE ? { ...page, nextPageToken: '' } : page;
  };
  return { ...connector, syncers: { ...connector.syncers, [IAM_USER]: { ...users, list } } };
}
