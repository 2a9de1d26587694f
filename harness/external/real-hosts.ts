/**
 * The host names each provider's API really lives at: what the proxy answers for when recording a
 * connector against the real service. Taken from the simulators' own defaults, so recording and
 * simulating agree on every host.
 */
import { DEFAULT_BASES as ENTRA } from '../../mocks/entra/simulator.js';
import { DEFAULT_BASES as GOOGLE } from '../../mocks/google/simulator.js';
import { defaultBases as awsBases } from '../../mocks/aws/simulator.js';
import { hostsOf } from '../../mocks/serve/provider-registry.js';
import { UserError } from '../errors.js';

export interface HostOptions {
  /** AWS region of the Identity Store (and of regional STS, which the AWS SDK v3 uses by default). */
  region?: string;
  /** A SCIM service has no well-known host: the one to record. */
  scimHost?: string;
}

export function realHosts(provider: string, options: HostOptions = {}): string[] {
  const region = options.region ?? 'us-east-1';
  switch (provider) {
    case 'entra':
      return hostsOf(ENTRA.login, ENTRA.graph);
    case 'google':
      return hostsOf(GOOGLE.oauth, GOOGLE.admin);
    case 'aws': {
      const bases = awsBases(region);
      return hostsOf(bases.iam, bases.sts, bases.identityStore, `https://sts.${region}.amazonaws.com`);
    }
    case 'scim':
      if (!options.scimHost) throw new UserError('--provider scim: give --scim-host, the host name of the SCIM service to record');
      return [options.scimHost.toLowerCase()];
    default:
      throw new UserError(`--provider ${provider}: not a provider sync-harness knows (entra, google, aws, scim)`);
  }
}
