/** Everything the SCIM endpoints share within one simulator. */
import type { SimContext } from '../core/context.js';
import type { ProviderRuntime } from '../core/route.js';
import type { CredentialState } from './credential-state.js';

export interface ScimEnv {
  ctx: SimContext;
  /** Origin the simulator is served on, e.g. `https://scim.example.test` (no trailing slash). */
  base: string;
  /** Base plus path: where resources live and what `meta.location` and `$ref` start with. */
  root: string;
  /** The one bearer token the provider accepts. */
  token: string;
  writeBack: boolean;
  credential: CredentialState;
  runtime: ProviderRuntime;
  /** `meta.lastModified` of resources a PATCH changed, by `group:<seq>` (the tenant keeps creation times only). */
  modified: Map<string, string>;
  /** Pages the empty-page-with-token fault already answered empty. */
  emptied: Set<string>;
}

export const PROVIDER = 'scim';
