/**
 * The provider's bearer token: SCIM apps issue one long-lived secret an admin pastes into the IdP (Entra's
 * "Secret Token", Okta's "API token"). Derived from the seed, so scenario files and recorded runs can name it.
 */
import { createHash } from 'node:crypto';

export interface ScimCredentials {
  token: string;
  /** Where the SCIM resources live, e.g. `https://scim.example.test/scim/v2`. */
  baseUrl: string;
}

export function scimToken(seed: number): string {
  return `scim_${createHash('sha256').update(`sync-harness:${seed}:scim:token`).digest('base64url').slice(0, 40)}`;
}
