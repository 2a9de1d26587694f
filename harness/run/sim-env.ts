/**
 * One run's simulated world: the tenant, the context every simulator shares (journal, faults, clock) and
 * the provider's simulator with the credentials it hands out. Builtin connectors reach it through a fetch
 * that answers in this process; external ones through a loopback server.
 */
import type { HttpHandler } from 'msw';
import { createContext, type SimContext } from '../../mocks/core/context.js';
import { directFetch } from '../../mocks/core/direct-fetch.js';
import { loadProvider, type ServeSettings } from '../../mocks/serve/provider-registry.js';
import { serveLoopback, type LoopbackServer } from '../../mocks/serve/loopback.js';
import { createTenant } from '../../mocks/tenant/store.js';
import type { TenantShape, TenantStore } from '../../mocks/tenant/model.js';
import type { FaultSpec } from '../../mocks/faults/spec.js';

export interface SimEnv {
  tenant: TenantStore;
  ctx: SimContext;
  credentials: Record<string, unknown>;
  granted: readonly string[];
  baseUrl: string;
  /** For builtin connectors: answers from the simulator in this process. */
  fetch: typeof fetch;
  /** Set when served on loopback for an external process. */
  server?: LoopbackServer;
  close(): Promise<void>;
}

export interface SimEnvOptions {
  provider: string;
  shape: TenantShape;
  faults: readonly FaultSpec[];
  settings: ServeSettings;
  clock?: () => Date;
  /** Serve on 127.0.0.1 for a process outside this one. */
  loopback: boolean;
}

export async function createSimEnv(options: SimEnvOptions): Promise<SimEnv> {
  const factory = await loadProvider(options.provider);
  if (!factory) throw new Error(`no simulator for provider ${options.provider}`);
  const tenant = createTenant(options.shape);
  const ctx = createContext({ tenant, seed: options.shape.seed, clock: options.clock, faults: [...options.faults] });
  let handlers: HttpHandler[] = [];
  let credentials: Record<string, unknown> = {};
  let granted: readonly string[] = [];
  const build = async (baseUrl: string) => {
    const served = await factory(ctx, baseUrl, options.settings);
    credentials = served.credentials;
    granted = served.granted;
    handlers = served.handlers;
    return handlers;
  };
  let server: LoopbackServer | undefined;
  let baseUrl: string;
  if (options.loopback) {
    server = await serveLoopback({ ctx, handlers: build });
    baseUrl = server.baseUrl;
  } else {
    // A reserved name: nothing outside this process could answer it, even if a request escaped.
    baseUrl = `https://${options.provider}.sim.invalid`;
    await build(baseUrl);
  }
  return {
    tenant,
    ctx,
    credentials,
    granted,
    baseUrl,
    fetch: directFetch(() => handlers, ctx, options.provider),
    server,
    close: async () => {
      await server?.close();
      tenant.close();
    },
  };
}
