/**
 * Builds the SCIM 2.0 service provider simulator: the tenant's users and groups as SCIM resources under
 * `<base><path>`, behind one bearer token, with group membership PATCH when `writeBack` is on.
 */
import type { HttpHandler } from 'msw';
import type { SimContext } from '../core/context.js';
import { CredentialState } from './credential-state.js';
import { scimToken, type ScimCredentials } from './credentials.js';
import { discoveryEndpoints } from './endpoints/discovery.js';
import { groupPatchEndpoint } from './endpoints/group-patch.js';
import { groupEndpoints } from './endpoints/groups.js';
import { notSimulatedEndpoints } from './endpoints/not-simulated.js';
import { userEndpoints } from './endpoints/users.js';
import { PROVIDER, type ScimEnv } from './env.js';
import { scimDialect } from './wire/dialect.js';

export const DEFAULT_BASE = 'https://scim.example.test';
export const DEFAULT_PATH = '/scim/v2';

export interface ScimSimulatorOptions {
  /** Origin to serve on; default {@link DEFAULT_BASE}. */
  base?: string;
  /** Path of the SCIM root under the base; default {@link DEFAULT_PATH}. */
  path?: string;
  /** Whether `PATCH /Groups/{id}` may change the tenant; off, it answers 403. Default off. */
  writeBack?: boolean;
}

export interface ScimSimulator {
  handlers: HttpHandler[];
  credentials: ScimCredentials;
  /** The simulator's shared state, for tests that look inside (credential loss, modified groups). */
  env: ScimEnv;
}

export function createScimSimulator(ctx: SimContext, options: ScimSimulatorOptions = {}): ScimSimulator {
  const base = trimSlash(options.base ?? DEFAULT_BASE);
  const path = `/${trimSlash(options.path ?? DEFAULT_PATH).replace(/^\/+/, '')}`.replace(/^\/$/, '');
  const env: ScimEnv = {
    ctx,
    base,
    root: `${base}${path}`,
    token: scimToken(ctx.seed),
    writeBack: options.writeBack ?? false,
    credential: new CredentialState(),
    runtime: { provider: PROVIDER, ctx, dialect: scimDialect() },
    modified: new Map(),
    emptied: new Set(),
  };
  const handlers = [
    ...userEndpoints(env),
    ...groupEndpoints(env),
    groupPatchEndpoint(env),
    ...discoveryEndpoints(env),
    ...notSimulatedEndpoints(env),
  ];
  return { handlers, credentials: { token: env.token, baseUrl: env.root }, env };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
