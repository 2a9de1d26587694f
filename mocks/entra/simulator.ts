/**
 * Builds the Entra ID + Microsoft Graph simulator: the login host (token endpoint, discovery documents,
 * consent redirects) and Graph (directory reads, membership writes), all rendered from the context's
 * tenant and served under the given bases so links point wherever it is served.
 */
import type { HttpHandler } from 'msw';
import { GRAPH_MAX_BODY_BYTES } from '../core/body-limit.js';
import type { SimContext } from '../core/context.js';
import { lazySigningKeys } from './auth/signing-keys.js';
import { consentEndpoints } from './auth/consent.js';
import { discoveryEndpoints } from './auth/discovery.js';
import { stsDialect } from './auth/sts-dialect.js';
import { tokenEndpoint } from './auth/token-endpoint.js';
import { entraApp, type EntraApp, type EntraCredentials } from './credentials.js';
import { DEFAULT_BASES, PROVIDER, type EntraBases, type EntraEnv } from './env.js';
import { DEFAULT_READ_PERMISSIONS } from './graph/permissions.js';
import { directoryRoleEndpoints } from './graph/endpoints/directory-roles.js';
import { groupMemberEndpoints } from './graph/endpoints/group-members.js';
import { groupEndpoints } from './graph/endpoints/groups.js';
import { memberRefEndpoints } from './graph/endpoints/member-refs.js';
import { roleAssignmentEndpoints } from './graph/endpoints/role-assignments.js';
import { servicePrincipalEndpoints } from './graph/endpoints/service-principals.js';
import { userEndpoints } from './graph/endpoints/users.js';
import { graphDialect, resourceUnits } from './graph/graph-dialect.js';
import { SkipTokenCodec } from './graph/odata/skiptoken.js';
import { SecretState } from './secret-state.js';

export interface EntraSimulatorOptions {
  bases?: Partial<EntraBases>;
  /**
   * Application permissions an admin consented to, i.e. the `roles` of every token. Default:
   * {@link DEFAULT_READ_PERMISSIONS}, plus GroupMember.ReadWrite.All when `writeBack` is on. `[]` models an
   * app nobody consented for: tokens are still issued, Graph answers 403 (reference A1).
   */
  grantedPermissions?: string[];
  /** Whether membership writes may change the tenant; off, every write answers 403. Default off. */
  writeBack?: boolean;
}

export interface EntraSimulator {
  handlers: HttpHandler[];
  credentials: EntraCredentials;
  bases: EntraBases;
  /** The app behind the credentials: domain, display name, service principal id. */
  app: EntraApp;
  /** The token `roles` the app is granted. */
  grantedPermissions: readonly string[];
  /** The scope a connector must request. */
  scope: string;
  /** Authority URL for SDKs (`{login}/{tenantId}`). */
  authority: string;
  /** The public signing key as a JWK, to verify tokens outside the simulator. */
  publicJwk(): Promise<Record<string, unknown>>;
}

export function createEntraSimulator(ctx: SimContext, options: EntraSimulatorOptions = {}): EntraSimulator {
  const bases: EntraBases = {
    login: trimSlash(options.bases?.login ?? DEFAULT_BASES.login),
    graph: trimSlash(options.bases?.graph ?? DEFAULT_BASES.graph),
  };
  const writeBack = options.writeBack ?? false;
  const granted = options.grantedPermissions ?? [...DEFAULT_READ_PERMISSIONS, ...(writeBack ? ['GroupMember.ReadWrite.All'] : [])];
  const app = entraApp(ctx);
  const env: EntraEnv = {
    ctx,
    bases,
    app,
    granted,
    writeBack,
    keys: lazySigningKeys(ctx.seed),
    secret: new SecretState(),
    skipTokens: new SkipTokenCodec(ctx.seed),
    sts: { provider: PROVIDER, ctx, dialect: stsDialect(ctx, bases.login) },
    graph: { provider: PROVIDER, ctx, dialect: graphDialect(ctx, app), cost: resourceUnits, maxBodyBytes: GRAPH_MAX_BODY_BYTES },
  };
  // Order matters where paths overlap: literal segments (`$count`, casts) before `:id`.
  const handlers = [
    tokenEndpoint(env),
    ...discoveryEndpoints(env),
    ...consentEndpoints(env),
    ...userEndpoints(env),
    ...groupMemberEndpoints(env),
    ...memberRefEndpoints(env),
    ...groupEndpoints(env),
    ...directoryRoleEndpoints(env),
    ...roleAssignmentEndpoints(env),
    ...servicePrincipalEndpoints(env),
  ];
  return {
    handlers,
    credentials: { tenantId: app.tenantId, clientId: app.clientId, clientSecret: app.clientSecret },
    bases,
    app,
    grantedPermissions: granted,
    scope: 'https://graph.microsoft.com/.default',
    authority: `${bases.login}/${app.tenantId}`,
    publicJwk: async () => ({ ...(await env.keys()).jwk }),
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
