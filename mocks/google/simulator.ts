/**
 * Builds the Google Workspace simulator: the OAuth host (the service account's JWT-bearer token grant)
 * and the Admin SDK Directory API (users, groups, members, roles, role assignments, membership writes),
 * rendered from the context's tenant and served under the given bases.
 */
import type { HttpHandler } from 'msw';
import type { SimContext } from '../core/context.js';
import { AdminSubjects } from './admin-subjects.js';
import { googleAccount, type GoogleCredentials } from './credentials.js';
import { directoryDialect } from './directory/directory-dialect.js';
import { groupEndpoints } from './directory/endpoints/groups.js';
import { memberWriteEndpoints } from './directory/endpoints/member-writes.js';
import { memberEndpoints } from './directory/endpoints/members.js';
import { roleEndpoints } from './directory/endpoints/roles.js';
import { userEndpoints } from './directory/endpoints/users.js';
import { SortedOrders } from './directory/ordering.js';
import { PageTokenCodec } from './directory/paging/page-token.js';
import { DEFAULT_BASES, PROVIDER, type GoogleBases, type GoogleEnv } from './env.js';
import { oauthDialect } from './oauth/oauth-dialect.js';
import { tokenEndpoint, tokenUri } from './oauth/token-endpoint.js';
import { TokenStore } from './oauth/token-store.js';
import { fullScope, SYNC_SCOPES, WRITE_SCOPES } from './scopes.js';

export interface GoogleSimulatorOptions {
  bases?: Partial<GoogleBases>;
  /**
   * The user made super admin and handed out as `adminEmail` (email or Google id). Default: the first
   * enabled member holding the tenant's super admin role, else the first enabled member.
   */
  adminSubject?: string;
  /**
   * Scopes (full URLs or short names) the domain-wide delegation config grants the service account's
   * client. Default: what baton-google-workspace requests for a sync ({@link SYNC_SCOPES}), plus
   * `admin.directory.group.member` when `writeBack` is on.
   */
  grantedScopes?: string[];
  /** Whether the client may impersonate users at all. Off: every token request with a `sub` is 401 unauthorized_client. Default on. */
  domainWideDelegation?: boolean;
  /** Whether membership writes may change the tenant; off, every write is 403 forbidden. Default off. */
  writeBack?: boolean;
}

export interface GoogleSimulator {
  handlers: HttpHandler[];
  credentials: GoogleCredentials;
  bases: GoogleBases;
  /** Full scope URLs the DWD config grants. */
  grantedScopes: readonly string[];
}

export function createGoogleSimulator(ctx: SimContext, options: GoogleSimulatorOptions = {}): GoogleSimulator {
  const bases: GoogleBases = {
    oauth: trimSlash(options.bases?.oauth ?? DEFAULT_BASES.oauth),
    admin: trimSlash(options.bases?.admin ?? DEFAULT_BASES.admin),
  };
  const writeBack = options.writeBack ?? false;
  const granted = (options.grantedScopes ?? [...SYNC_SCOPES, ...(writeBack ? WRITE_SCOPES : [])]).map(fullScope);
  const account = googleAccount(ctx, tokenUri({ bases }));
  const admins = new AdminSubjects(ctx.tenant, options.adminSubject);
  const env: GoogleEnv = {
    ctx,
    bases,
    account,
    granted,
    domainWideDelegation: options.domainWideDelegation ?? true,
    writeBack,
    tokens: new TokenStore(ctx),
    admins,
    pageTokens: new PageTokenCodec(ctx.seed),
    orders: new SortedOrders(() => ctx.tenant),
    render: { seed: ctx.seed, customerId: account.customerId, domain: account.domain },
    oauth: { provider: PROVIDER, ctx, dialect: oauthDialect() },
    directory: { provider: PROVIDER, ctx, dialect: directoryDialect() },
  };
  // `groups/:groupKey/members` and `groups/:groupKey` never overlap (MSW matches whole paths).
  const handlers = [
    tokenEndpoint(env),
    ...userEndpoints(env),
    ...groupEndpoints(env),
    ...memberEndpoints(env),
    ...memberWriteEndpoints(env),
    ...roleEndpoints(env),
  ];
  return {
    handlers,
    credentials: {
      customerId: account.customerId,
      // Empty only for a tenant without users, where nobody can be impersonated.
      adminEmail: admins.admin?.mail ?? '',
      domain: account.domain,
      serviceAccountKey: account.key,
    },
    bases,
    grantedScopes: granted,
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
