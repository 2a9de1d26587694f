/**
 * `builtin:aws`: the reference connector built from exactly what `awsProvider` hands out (access key,
 * region, identity store id, one `endpoint` for IAM and Identity Store). Variant `ignores-retry-after`
 * re-sends a throttled request at once, up to 3 times, before the engine sees the failure.
 */
import type { BuiltinConnectorModule } from '../builtin.js';
import { createAwsConnector } from './connector.js';
import { awsGroundTruth } from './ground-truth.js';

const VARIANTS = ['ignores-retry-after'] as const;

function requiredString(credentials: Record<string, unknown>, name: string): string {
  const value = credentials[name];
  if (typeof value !== 'string' || value === '') throw new Error(`builtin:aws: credentials.${name} is missing`);
  return value;
}

export const builtin: BuiltinConnectorModule = {
  provider: 'aws',
  variants: VARIANTS,
  create(credentials, { fetch, now, variant }) {
    if (variant !== undefined && !(VARIANTS as readonly string[]).includes(variant)) throw new Error(`builtin:aws has no variant ${JSON.stringify(variant)} (known: ${VARIANTS.join(', ')})`);
    const endpoint = typeof credentials.endpoint === 'string' ? credentials.endpoint : undefined;
    const identityStoreId = typeof credentials.identityStoreId === 'string' ? credentials.identityStoreId : undefined;
    return createAwsConnector({
      credentials: { accessKeyId: requiredString(credentials, 'accessKeyId'), secretAccessKey: requiredString(credentials, 'secretAccessKey') },
      region: typeof credentials.region === 'string' ? credentials.region : 'us-east-1',
      identityStoreId,
      iamEndpoint: endpoint,
      identityStoreEndpoint: endpoint,
      fetch,
      now,
      immediateThrottleResends: variant === 'ignores-retry-after' ? 3 : 0,
    });
  },
  groundTruth: awsGroundTruth,
};
