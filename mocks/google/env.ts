/** Everything the Google endpoints share within one simulator. */
import type { SimContext } from '../core/context.js';
import type { ProviderRuntime } from '../core/route.js';
import type { AdminSubjects } from './admin-subjects.js';
import type { GoogleAccount } from './credentials.js';
import type { SortedOrders } from './directory/ordering.js';
import type { PageTokenCodec } from './directory/paging/page-token.js';
import type { RenderScope } from './directory/render.js';
import type { TokenStore } from './oauth/token-store.js';

export interface GoogleBases {
  /** OAuth host, e.g. `https://oauth2.googleapis.com` (no trailing slash); the token endpoint is `{oauth}/token`. */
  oauth: string;
  /** Admin SDK host, e.g. `https://admin.googleapis.com` (no trailing slash). */
  admin: string;
}

export interface GoogleEnv {
  ctx: SimContext;
  bases: GoogleBases;
  account: GoogleAccount;
  /** Full scope URLs the service account's client id is granted in the domain-wide delegation config. */
  granted: readonly string[];
  domainWideDelegation: boolean;
  writeBack: boolean;
  tokens: TokenStore;
  admins: AdminSubjects;
  pageTokens: PageTokenCodec;
  orders: SortedOrders;
  /** Seed, customer id and domain, for rendering. */
  render: RenderScope;
  oauth: ProviderRuntime;
  directory: ProviderRuntime;
}

export const PROVIDER = 'google';

/** The audience gtoken always signs for (it cannot be changed in google-auth-library 10). */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export const DEFAULT_BASES: GoogleBases = { oauth: 'https://oauth2.googleapis.com', admin: 'https://admin.googleapis.com' };
