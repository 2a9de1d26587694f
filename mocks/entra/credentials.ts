/**
 * The app registration a connector signs in as: derived from the run's seed so the same seed gives the
 * same client id and secret (scenario files and recorded fixtures can name them).
 */
import { createHash } from 'node:crypto';
import { stableUuid } from '../core/ids.js';
import type { SimContext } from '../core/context.js';

export interface EntraCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** What the simulator knows about its app beyond what a connector is given. */
export interface EntraApp extends EntraCredentials {
  /** Primary domain, accepted in place of the tenant id in authority URLs. */
  domain: string;
  displayName: string;
  /** The app's service principal object id: the `oid`/`sub` of its tokens. */
  servicePrincipalId: string;
  /** The secret's key id, which people paste by mistake (AADSTS7000215's hint is about exactly that). */
  secretId: string;
}

export function entraApp(ctx: SimContext): EntraApp {
  const { seed } = ctx;
  const digest = createHash('sha256').update(`sync-harness:${seed}:entra:client-secret`).digest('base64url');
  return {
    tenantId: ctx.tenant.shape.tenantId,
    domain: ctx.tenant.shape.domain,
    clientId: stableUuid(seed, 'entra:client-id'),
    // Real secrets are 40 characters with `~` at position 4 (`abc8Q~...`).
    clientSecret: `${digest.slice(0, 3)}8Q~${digest.slice(3, 39)}`,
    displayName: 'sync-harness connector',
    servicePrincipalId: stableUuid(seed, 'entra:service-principal'),
    secretId: stableUuid(seed, 'entra:client-secret-id'),
  };
}
