/**
 * An Okta simulator on an MSW server plus raw HTTP helpers (SSWS and OAuth calls, client assertions),
 * for tests that check wire details the SDK hides.
 */
import { importPKCS8, SignJWT, type JWTPayload } from 'jose';
import type { RequestHandler } from 'msw';
import { createContext, type Clock } from '../../core/context.js';
import { parseFaultSpec } from '../../faults/spec.js';
import type { TenantShape } from '../../tenant/model.js';
import { createTenant } from '../../tenant/store.js';
import { createOktaSimulator, type OktaSimulatorOptions } from '../simulator.js';

export interface FixtureOptions {
  shape?: Partial<TenantShape>;
  faults?: string[];
  clock?: Clock;
  sim?: OktaSimulatorOptions;
  seed?: number;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** `server` is an MSW `setupServer()` (anything with `use`). */
export function oktaFixture(server: { use(...handlers: RequestHandler[]): void }, options: FixtureOptions = {}) {
  // Disabled users (SUSPENDED, DEPROVISIONED), nesting and apps, so statuses, members and assignments have something to show.
  const tenant = createTenant({
    users: 40,
    groups: 6,
    disabledRatio: 0.25,
    nestedGroupRatio: 0.5,
    apps: 3,
    appRoleAssignments: 12,
    roles: 14,
    roleAssignments: 20,
    ...options.shape,
  });
  const ctx = createContext({ tenant, seed: options.seed ?? 5, clock: options.clock, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const sim = createOktaSimulator(ctx, { orgUrl: 'https://acme.okta.com', ...options.sim });
  server.use(...sim.handlers);
  const { orgUrl, token } = sim.credentials;
  const now = () => Math.floor(ctx.clock().getTime() / 1000);

  /** A client assertion as the Okta SDKs sign it; `claims` override, `privateKey` (PEM) signs instead. */
  async function assertion(claims: JWTPayload = {}, signing: { privateKey?: string; header?: Record<string, unknown> } = {}): Promise<string> {
    const iat = now();
    const payload: JWTPayload = {
      iss: sim.credentials.clientId,
      sub: sim.credentials.clientId,
      aud: `${orgUrl}/oauth2/v1/token`,
      iat,
      exp: iat + 300,
      jti: `jti-${Math.random()}`,
      ...claims,
    };
    for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
    const header = { alg: 'RS256', typ: 'JWT', kid: sim.credentials.keyId, ...signing.header };
    return new SignJWT(payload)
      .setProtectedHeader(header as { alg: string })
      .sign(await importPKCS8(signing.privateKey ?? sim.credentials.privateKey, 'RS256'));
  }

  async function requestToken(form: Record<string, string>): Promise<Response> {
    return fetch(`${orgUrl}/oauth2/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form),
    });
  }

  async function exchange(scope: string, claims: JWTPayload = {}, signing: Parameters<typeof assertion>[1] = {}): Promise<Response> {
    return requestToken({
      grant_type: 'client_credentials',
      scope,
      client_assertion_type: JWT_BEARER,
      client_assertion: await assertion(claims, signing),
    });
  }

  async function accessToken(scope = sim.credentials.scopes.join(' ')): Promise<string> {
    const response = await exchange(scope);
    if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  /** A call with the SSWS token (or `authorization` as given); `path` is under the org or absolute. */
  async function call(path: string, init: { authorization?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : `${orgUrl}${path}`;
    return fetch(url, { headers: { authorization: init.authorization ?? `SSWS ${token}`, accept: 'application/json', ...init.headers } });
  }

  async function json<T = Record<string, unknown>>(
    path: string,
    init: Parameters<typeof call>[1] = {},
  ): Promise<{ status: number; body: T; response: Response }> {
    const response = await call(path, init);
    return { status: response.status, body: (await response.json()) as T, response };
  }

  /** Every item of a listing, following `Link` rel="next" as given; the pages' sizes too. */
  async function walk(
    path: string,
    init: Parameters<typeof call>[1] = {},
    maxPages = 100,
  ): Promise<{ items: Array<Record<string, unknown>>; pages: number[]; links: string[] }> {
    const items: Array<Record<string, unknown>> = [];
    const pages: number[] = [];
    const links: string[] = [];
    let next: string | undefined = path;
    while (next && pages.length < maxPages) {
      const response = await call(next, init);
      if (response.status !== 200) throw new Error(`${next}: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as Array<Record<string, unknown>>;
      items.push(...page);
      pages.push(page.length);
      const link = response.headers.get('link') ?? '';
      links.push(link);
      next = nextLink(link);
    }
    return { items, pages, links };
  }

  return { ctx, sim, tenant, orgUrl, token, assertion, requestToken, exchange, accessToken, call, json, walk };
}

export type OktaFixture = ReturnType<typeof oktaFixture>;

/** The `rel="next"` URL of a (comma-joined) Link header. */
export function nextLink(link: string): string | undefined {
  return /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
}
