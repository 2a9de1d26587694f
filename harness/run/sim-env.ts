/**
 * One run's simulated world: the tenant, the context every simulator shares (journal, faults, clock) and
 * the provider's simulator with the credentials it hands out. Builtin connectors reach it through a fetch
 * that answers in this process; external ones over a socket: a loopback base URL, or the HTTPS proxy
 * answering for the provider's real hosts. Serving faults (`tls-untrusted`, `connection-refused`,
 * `dns-failure`) change only what the external connector is given: the address and the CA.
 */
import type { HttpHandler } from 'msw';
import { createContext, type SimContext } from '../../mocks/core/context.js';
import { directFetch } from '../../mocks/core/direct-fetch.js';
import type { ServeSettings } from '../../mocks/core/served-provider.js';
import { loadProvider } from '../../mocks/serve/provider-registry.js';
import { createAnswer } from '../../mocks/serve/answer.js';
import { serveLoopback } from '../../mocks/serve/loopback.js';
import { createTenant } from '../../mocks/tenant/store.js';
import type { TenantShape, TenantStore } from '../../mocks/tenant/model.js';
import { isServingFault, type FaultKind, type FaultSpec } from '../../mocks/faults/spec.js';
import { unusedPort } from '../external/unused-port.js';
import { proxyEnvironment } from '../external/proxy-env.js';

export type Serving = 'in-process' | 'base-url' | 'proxy';

export interface SimEnv {
  tenant: TenantStore;
  ctx: SimContext;
  credentials: Record<string, unknown>;
  granted: readonly string[];
  /** Where the connector is told the provider is (base-url), or the in-process name; empty behind the proxy. */
  baseUrl: string;
  /** Behind the proxy: its URL (for `HTTPS_PROXY`). */
  proxyUrl: string;
  /** The CA file the connector is told to trust; empty when it is not told (plain HTTP, or `tls-untrusted`). */
  caFile: string;
  /** Environment an external connector gets on top of the scenario's: the proxy, the CA, the Node preload. */
  connectorEnv: Record<string, string>;
  /** For builtin connectors: answers from the simulator in this process. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export interface SimEnvOptions {
  provider: string;
  shape: TenantShape;
  faults: readonly FaultSpec[];
  settings: ServeSettings;
  clock?: () => Date;
  serving: Serving;
  /** Where a served run's CA certificate goes (`ca.pem`): the run folder's `tls/`. */
  tlsDir?: string;
}

export async function createSimEnv(options: SimEnvOptions): Promise<SimEnv> {
  const factory = await loadProvider(options.provider);
  if (!factory) throw new Error(`no simulator for provider ${options.provider}`);
  const tenant = createTenant(options.shape);
  const servingFaults = new Set<FaultKind>(options.faults.filter(isServingFault).map((f) => f.kind));
  const ctx = createContext({ tenant, seed: options.shape.seed, clock: options.clock, faults: options.faults.filter((f) => !isServingFault(f)) });
  let handlers: HttpHandler[] = [];
  let credentials: Record<string, unknown> = {};
  let granted: readonly string[] = [];
  let hosts: string[] = [];
  const build = async (baseUrl: string | undefined) => {
    const served = await factory(ctx, baseUrl, options.settings);
    ({ credentials, granted, handlers, hosts } = served);
    return handlers;
  };
  const env = { tenant, ctx, baseUrl: '', proxyUrl: '', caFile: '', connectorEnv: {} as Record<string, string> };
  let close = async () => {};
  const unreachable = async (scheme: string) =>
    servingFaults.has('dns-failure')
      ? `${scheme}://${options.provider}.sync-harness.invalid`
      : servingFaults.has('connection-refused')
        ? `${scheme}://127.0.0.1:${await unusedPort()}`
        : undefined;

  if (options.serving === 'in-process') {
    // A reserved name: nothing outside this process could answer it, even if a request escaped.
    env.baseUrl = `https://${options.provider}.sim.invalid`;
    await build(env.baseUrl);
  } else if (options.serving === 'base-url') {
    const dead = await unreachable(servingFaults.has('tls-untrusted') ? 'https' : 'http');
    if (dead) {
      env.baseUrl = dead;
      await build(dead);
    } else {
      // tls-untrusted: HTTPS from a CA the connector is never told about, as behind a TLS-inspecting proxy.
      const ca = servingFaults.has('tls-untrusted')
        ? (await import('../external/ca.js')).createRunCa(options.tlsDir!, 'sync-harness untrusted CA')
        : undefined;
      const server = await serveLoopback({ ctx, handlers: build, tls: ca?.leafFor('127.0.0.1') });
      env.baseUrl = server.baseUrl;
      close = server.close;
    }
  } else {
    await build(undefined);
    // Certificates and the proxy load only for the runs that serve through it.
    const [{ createRunCa }, { serveProxy }] = await Promise.all([import('../external/ca.js'), import('../external/proxy.js')]);
    const ca = createRunCa(options.tlsDir!);
    const proxy = await serveProxy({
      ca,
      ctx,
      hosts: new Map(hosts.map((h) => [h, options.provider])),
      answer: createAnswer({ ctx, handlers: () => handlers }),
    });
    close = proxy.close;
    env.proxyUrl = (await unreachable('http')) ?? proxy.proxyUrl;
    env.caFile = servingFaults.has('tls-untrusted') ? '' : ca.certPath;
    env.connectorEnv = proxyEnvironment(env.proxyUrl, env.caFile);
  }
  return {
    ...env,
    credentials,
    granted,
    fetch: directFetch(() => handlers, ctx, options.provider),
    close: async () => {
      await close();
      tenant.close();
    },
  };
}
