/** Everything the Entra endpoints share within one simulator. */
import type { SimContext } from '../core/context.js';
import type { ProviderRuntime } from '../core/route.js';
import type { EntraApp } from './credentials.js';
import type { SecretState } from './secret-state.js';
import type { SigningKeys } from './auth/signing-keys.js';
import type { SkipTokenCodec } from './graph/odata/skiptoken.js';

export interface EntraBases {
  /** Login host, e.g. `https://login.microsoftonline.com` (no trailing slash). */
  login: string;
  /** Graph host, e.g. `https://graph.microsoft.com` (no trailing slash). */
  graph: string;
}

export interface EntraEnv {
  ctx: SimContext;
  bases: EntraBases;
  app: EntraApp;
  /** Application permissions an admin consented to: the `roles` of every token issued. */
  granted: readonly string[];
  writeBack: boolean;
  keys: () => Promise<SigningKeys>;
  secret: SecretState;
  skipTokens: SkipTokenCodec;
  sts: ProviderRuntime;
  graph: ProviderRuntime;
}

export const PROVIDER = 'entra';

export const DEFAULT_BASES: EntraBases = { login: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com' };
