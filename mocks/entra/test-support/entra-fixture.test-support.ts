/**
 * A simulator on an MSW server plus raw HTTP helpers, for tests that check wire details (bodies,
 * headers, status codes) the SDKs hide.
 */
import type { RequestHandler } from 'msw';
import { createContext, type Clock } from '../../core/context.js';
import { parseFaultSpec } from '../../faults/spec.js';
import type { TenantShape } from '../../tenant/model.js';
import { createEntraSimulator, type EntraSimulatorOptions } from '../simulator.js';
import { createTenant } from '../../tenant/store.js';

export interface FixtureOptions {
  shape?: Partial<TenantShape>;
  faults?: string[];
  clock?: Clock;
  sim?: EntraSimulatorOptions;
  seed?: number;
}

/** `server` is an MSW `setupServer()` (anything with `use`). */
export function entraFixture(server: { use(...handlers: RequestHandler[]): void }, options: FixtureOptions = {}) {
  // Enough guests and disabled users that filters on them have something to find.
  const tenant = createTenant({ users: 30, groups: 6, guestRatio: 0.2, disabledRatio: 0.2, ...options.shape });
  const ctx = createContext({ tenant, seed: options.seed ?? 5, clock: options.clock, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const sim = createEntraSimulator(ctx, options.sim);
  server.use(...sim.handlers);
  const { login, graph } = sim.bases;
  const tokenUrl = `${login}/${sim.credentials.tenantId}/oauth2/v2.0/token`;

  async function requestToken(fields: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.credentials.clientId,
      client_secret: sim.credentials.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
      ...fields,
    });
    for (const [k, v] of Object.entries(fields)) if (v === '') form.delete(k);
    return fetch(tokenUrl, { method: 'POST', body: form, ...init });
  }

  async function token(): Promise<string> {
    const response = await requestToken();
    if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  /** GET on Graph with a fresh token; `path` is under the base (`/v1.0/users?...`) or absolute. */
  async function get(path: string, headers: Record<string, string> = {}, bearer?: string): Promise<Response> {
    const url = path.startsWith('http') ? path : `${graph}${path}`;
    return fetch(url, { headers: { authorization: `Bearer ${bearer ?? (await token())}`, ...headers } });
  }

  async function json(
    path: string,
    headers: Record<string, string> = {},
    bearer?: string,
  ): Promise<{ status: number; body: Record<string, unknown>; response: Response }> {
    const response = await get(path, headers, bearer);
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, response };
  }

  return { ctx, sim, tenant, tokenUrl, requestToken, token, get, json };
}

export type EntraFixture = ReturnType<typeof entraFixture>;

/** Graph error body fields. */
export function graphError(body: Record<string, unknown>): { code: string; message: string; innerError: Record<string, string> } {
  return body.error as { code: string; message: string; innerError: Record<string, string> };
}
