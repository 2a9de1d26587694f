/** Everything the Okta endpoints share within one simulator. */
import type { SimContext } from '../core/context.js';
import type { ProviderRuntime } from '../core/route.js';
import type { AccessTokens } from './auth/access-tokens.js';
import type { CredentialState } from './auth/credential-state.js';
import type { ServiceApp } from './credentials.js';
import type { CursorCodec } from './paging/cursor.js';
import type { RenderScope } from './render/scope.js';

export interface OktaEnv {
  ctx: SimContext;
  /** `https://<org>.okta.com`, or where the simulator is served (no trailing slash). */
  orgUrl: string;
  /** The one SSWS API token the org accepts. */
  token: string;
  app: ServiceApp;
  /** Scopes granted to the service app (its grants collection). */
  granted: readonly string[];
  /** Whether membership writes may change the tenant; off, they answer 403 E0000006. */
  writeBack: boolean;
  /** The service app requires DPoP: proofs at the token endpoint (with a server nonce) and on every API call. */
  dpop: boolean;
  /** DPoP nonces handed out, with when each stops being accepted (seconds, simulation clock). */
  dpopNonces: Map<string, number>;
  tokens: AccessTokens;
  credential: CredentialState;
  cursors: CursorCodec;
  render: RenderScope;
  runtime: ProviderRuntime;
}

export const PROVIDER = 'okta';

/** The org served under the real host names (behind `serve --proxy`) and recorded by default. */
export const DEFAULT_ORG_URL = 'https://sync-harness.okta.com';

/** The org domains Okta runs (REFERENCE §8; preview and EMEA cells). */
export const OKTA_DOMAINS = /\.(okta|oktapreview|okta-emea)\.com$/i;
