/**
 * The host names each provider's API really lives at: what the proxy answers for when recording a
 * connector against the real service. Taken from the providers' descriptors, which read the simulators'
 * own defaults, so recording and simulating agree on every host.
 */
import { descriptorOf, PROVIDER_NAMES } from '../../mocks/providers.js';
import { UserError } from '../../lib/errors.js';

export interface HostOptions {
  /** AWS region of the Identity Store (and of regional STS, which the AWS SDK v3 uses by default). */
  region?: string;
  /** A SCIM service has no well-known host: the one to record. */
  scimHost?: string;
}

export function realHosts(provider: string, options: HostOptions = {}): string[] {
  const descriptor = descriptorOf(provider);
  if (!descriptor) throw new UserError(`--provider ${provider}: not a provider sync-harness knows (${PROVIDER_NAMES.join(', ')})`);
  const hosts = descriptor.hosts.real({ region: options.region ?? 'us-east-1', ...(options.scimHost ? { scimHost: options.scimHost } : {}) });
  if ('missing' in hosts) throw new UserError(`--provider ${provider}: ${hosts.missing}`);
  return hosts;
}
