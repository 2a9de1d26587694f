/**
 * A Google simulator on an MSW server plus raw HTTP helpers (assertions, tokens, API calls), for tests
 * that check wire details the SDK hides.
 */
import { importPKCS8, SignJWT, type JWTPayload } from 'jose';
import type { RequestHandler } from 'msw';
import { createContext, type Clock } from '../../core/context.js';
import { parseFaultSpec } from '../../faults/spec.js';
import type { TenantShape } from '../../tenant/model.js';
import { createTenant } from '../../tenant/store.js';
import { GOOGLE_TOKEN_URL } from '../env.js';
import { createGoogleSimulator, type GoogleSimulatorOptions } from '../simulator.js';

export interface FixtureOptions {
  shape?: Partial<TenantShape>;
  faults?: string[];
  clock?: Clock;
  sim?: GoogleSimulatorOptions;
  seed?: number;
}

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** `server` is an MSW `setupServer()` (anything with `use`). */
export function googleFixture(server: { use(...handlers: RequestHandler[]): void }, options: FixtureOptions = {}) {
  // Guests, suspended users and nesting, so filters and member types have something to find.
  const tenant = createTenant({ users: 30, groups: 6, guestRatio: 0.2, disabledRatio: 0.2, nestedGroupRatio: 0.5, ...options.shape });
  const ctx = createContext({ tenant, seed: options.seed ?? 5, clock: options.clock, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const sim = createGoogleSimulator(ctx, options.sim);
  server.use(...sim.handlers);
  const key = sim.credentials.serviceAccountKey;
  const api = `${sim.bases.admin}/admin/directory/v1`;
  const now = () => Math.floor(ctx.clock().getTime() / 1000);

  /** A signed assertion as gtoken makes it; `claims` override, `privateKey` (PEM) signs instead, `header` replaces `{"alg":"RS256"}`. */
  async function assertion(claims: JWTPayload = {}, signing: { privateKey?: string; header?: Record<string, unknown> } = {}): Promise<string> {
    const iat = now();
    const payload: JWTPayload = {
      iss: key.client_email,
      scope: sim.grantedScopes.join(' '),
      aud: GOOGLE_TOKEN_URL,
      iat,
      exp: iat + 3600,
      sub: sim.credentials.adminEmail,
      ...claims,
    };
    for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', ...signing.header })
      .sign(await importPKCS8(signing.privateKey ?? key.private_key, 'RS256'));
  }

  async function requestToken(form: Record<string, string>): Promise<Response> {
    return fetch(key.token_uri, { method: 'POST', body: new URLSearchParams(form) });
  }

  async function exchange(claims: JWTPayload = {}, signing: Parameters<typeof assertion>[1] = {}): Promise<Response> {
    return requestToken({ grant_type: JWT_BEARER, assertion: await assertion(claims, signing) });
  }

  async function token(claims: JWTPayload = {}): Promise<string> {
    const response = await exchange(claims);
    if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  /** A call to the Directory API with a fresh token; `path` is under `/admin/directory/v1` (`/users?...`) or absolute. */
  async function call(path: string, init: { method?: string; body?: unknown; bearer?: string } = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : `${api}${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${init.bearer ?? (await token())}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  }

  async function json(
    path: string,
    init: Parameters<typeof call>[1] = {},
  ): Promise<{ status: number; body: Record<string, unknown>; response: Response }> {
    const response = await call(path, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, response };
  }

  return { ctx, sim, tenant, key, api, assertion, requestToken, exchange, token, call, json };
}

export type GoogleFixture = ReturnType<typeof googleFixture>;

/** The Directory API error of a body. */
export function apiError(body: Record<string, unknown>): { code: number; message: string; status?: string; errors: Array<Record<string, string>> } {
  return body.error as { code: number; message: string; status?: string; errors: Array<Record<string, string>> };
}
