/**
 * Builds the Okta simulator: the org's Management API (`/api/v1` users, groups, members, group rules, admin
 * role assignments, apps and their assignments) rendered from the context's tenant, behind an SSWS token
 * and the org authorization server's token endpoint for the OAuth service app, served at the org URL.
 */
import type { HttpHandler } from 'msw';
import type { SimContext } from '../core/context.js';
import { AccessTokens } from './auth/access-tokens.js';
import { CredentialState } from './auth/credential-state.js';
import { tokenEndpoint } from './auth/token-endpoint.js';
import { serviceApp, sswsToken, type OktaCredentials } from './credentials.js';
import { appEndpoints } from './endpoints/apps.js';
import { orgEndpoints } from './endpoints/org.js';
import { groupRuleEndpoints } from './endpoints/group-rules.js';
import { groupEndpoints } from './endpoints/groups.js';
import { memberWriteEndpoints } from './endpoints/member-writes.js';
import { roleEndpoints } from './endpoints/roles.js';
import { userEndpoints } from './endpoints/users.js';
import { DEFAULT_ORG_URL, PROVIDER, type OktaEnv } from './env.js';
import { CursorCodec } from './paging/cursor.js';
import { SYNC_SCOPES, WRITE_SCOPES } from './scopes.js';
import { oktaDialect } from './wire/dialect.js';

export interface OktaSimulatorOptions {
  /** Where the org is served, e.g. `https://acme.okta.com` or a loopback base; default {@link DEFAULT_ORG_URL}. */
  orgUrl?: string;
  /**
   * Scopes granted to the service app, and the reads the SSWS token's admin role covers; default what
   * baton-okta asks for on a read-only sync (every read).
   */
  grantedScopes?: readonly string[];
  /** Whether group membership writes may change the tenant (adds `okta.groups.manage` to the default grant). Default off. */
  writeBack?: boolean;
  /** The service app requires DPoP-bound tokens (Okta's default for new API service apps). Default off. */
  dpop?: boolean;
}

export interface OktaSimulator {
  handlers: HttpHandler[];
  credentials: OktaCredentials;
  /** The simulator's shared state, for tests that look inside. */
  env: OktaEnv;
}

export function createOktaSimulator(ctx: SimContext, options: OktaSimulatorOptions = {}): OktaSimulator {
  const orgUrl = (options.orgUrl ?? DEFAULT_ORG_URL).replace(/\/+$/, '');
  const app = serviceApp(ctx.seed);
  const env: OktaEnv = {
    ctx,
    orgUrl,
    token: sswsToken(ctx.seed),
    app,
    granted: [...(options.grantedScopes ?? [...SYNC_SCOPES, ...(options.writeBack ? WRITE_SCOPES : [])])],
    writeBack: options.writeBack ?? false,
    dpop: options.dpop ?? false,
    dpopNonces: new Map(),
    tokens: new AccessTokens(ctx, orgUrl),
    credential: new CredentialState(),
    cursors: new CursorCodec(ctx.seed),
    render: { seed: ctx.seed, orgUrl, apps: ctx.tenant.counts().apps },
    runtime: { provider: PROVIDER, ctx, dialect: oktaDialect(ctx) },
  };
  ctx.issued.add('okta api token', env.token);
  // Group rules before `/groups/:groupId`, which would otherwise take `rules` for an id.
  const handlers = [
    tokenEndpoint(env),
    ...orgEndpoints(env),
    ...groupRuleEndpoints(env),
    ...userEndpoints(env),
    ...groupEndpoints(env),
    ...memberWriteEndpoints(env),
    ...roleEndpoints(env),
    ...appEndpoints(env),
  ];
  return {
    handlers,
    credentials: { orgUrl, token: env.token, clientId: app.clientId, privateKey: app.privateKeyPem, keyId: app.keyId, scopes: env.granted },
    env,
  };
}
