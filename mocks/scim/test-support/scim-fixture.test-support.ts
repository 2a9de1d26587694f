/**
 * A SCIM simulator on an MSW server plus raw HTTP helpers, for tests that check wire details (bodies,
 * headers, status codes) clients see.
 */
import type { RequestHandler } from 'msw';
import { createContext, type Clock } from '../../core/context.js';
import { parseFaultSpec } from '../../faults/spec.js';
import type { TenantShape } from '../../tenant/model.js';
import { createTenant } from '../../tenant/store.js';
import { createScimSimulator, type ScimSimulatorOptions } from '../simulator.js';

export interface ScimFixtureOptions {
  shape?: Partial<TenantShape>;
  faults?: string[];
  clock?: Clock;
  sim?: ScimSimulatorOptions;
  seed?: number;
}

export type Json = Record<string, unknown>;

/** `server` is an MSW `setupServer()` (anything with `use`). */
export function scimFixture(server: { use(...handlers: RequestHandler[]): void }, options: ScimFixtureOptions = {}) {
  // Nested groups and disabled users, so member types and `active` filters have something to find.
  const tenant = createTenant({ users: 30, groups: 6, disabledRatio: 0.2, nestedGroupRatio: 0.5, ...options.shape });
  const ctx = createContext({ tenant, seed: options.seed ?? 5, clock: options.clock, faults: (options.faults ?? []).map((f) => parseFaultSpec(f)) });
  const sim = createScimSimulator(ctx, options.sim);
  server.use(...sim.handlers);
  const { token, baseUrl } = sim.credentials;

  /** A request to `path` under the SCIM root (or an absolute URL), with the token unless `bearer` says otherwise. */
  async function call(path: string, init: RequestInit & { bearer?: string | null } = {}): Promise<Response> {
    const { bearer, ...rest } = init;
    const headers = new Headers(rest.headers);
    const credential = bearer === undefined ? token : bearer;
    if (credential !== null) headers.set('authorization', `Bearer ${credential}`);
    return fetch(path.startsWith('http') ? path : `${baseUrl}${path}`, { ...rest, headers });
  }

  async function json(
    path: string,
    init: RequestInit & { bearer?: string | null } = {},
  ): Promise<{ status: number; body: Json; response: Response }> {
    const response = await call(path, init);
    return { status: response.status, body: (await response.json()) as Json, response };
  }

  async function patch(path: string, body: unknown): Promise<Response> {
    return call(path, { method: 'PATCH', headers: { 'content-type': 'application/scim+json' }, body: JSON.stringify(body) });
  }

  return { ctx, sim, tenant, token, baseUrl, call, json, patch };
}

export type ScimFixture = ReturnType<typeof scimFixture>;
