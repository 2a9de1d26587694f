/**
 * The official SDK v3 clients pointed at a simulator, with the standard retry strategy's behaviour
 * (3 attempts, throttling and transient errors retried) but no backoff sleep, so retry tests count
 * attempts without waiting seconds (throttling backoff starts at 1 s with jitter: reference C4).
 * `ConfiguredRetryStrategy` is the SDK's documented way to customize only the backoff.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy, DEFAULT_MAX_ATTEMPTS } from '@smithy/core/retry';
import type { AwsSimulator } from '../simulator.js';

export interface ClientCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function quickRetry(): ConfiguredRetryStrategy {
  return new ConfiguredRetryStrategy(DEFAULT_MAX_ATTEMPTS, () => 1);
}

export function sdkClients(sim: AwsSimulator, credentials: ClientCredentials = sim.credentials) {
  const creds = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
  };
  const region = sim.credentials.region;
  return {
    iam: new IAMClient({ region, credentials: creds, retryStrategy: quickRetry() }),
    sts: new STSClient({ region, credentials: creds, retryStrategy: quickRetry() }),
    identityStore: new IdentitystoreClient({ region, credentials: creds, retryStrategy: quickRetry() }),
  };
}
