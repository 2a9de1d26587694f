/**
 * Everything `sync-harness serve` does short of parsing flags: build the tenant, host the chosen providers
 * on one loopback port, journal to a file as requests arrive, and say once, on one line, where and how.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../harness/errors.js';
import { createContext } from '../core/context.js';
import type { FaultSpec } from '../faults/spec.js';
import type { TenantStore } from '../tenant/model.js';
import { serveLoopback, type LoopbackServer } from './loopback.js';
import { loadProvider, providerNames, type ServedProvider } from './provider-registry.js';

export interface ServeOptions {
  providers: string[];
  tenant: () => TenantStore;
  seed: number;
  faults: FaultSpec[];
  port?: number;
  journalPath?: string;
  writeBack?: boolean;
}

export interface Serving {
  server: LoopbackServer;
  /** The ready line: `{provider, baseUrl, credentials}`, or `{baseUrl, providers: [...]}` for several. */
  ready: Record<string, unknown>;
  stop(): Promise<void>;
}

export async function serveProviders(options: ServeOptions): Promise<Serving> {
  const factories = await Promise.all(
    options.providers.map(async (name) => {
      const factory = await loadProvider(name);
      if (!factory) throw new UserError(`--provider ${name}: not simulated (available: ${providerNames().join(', ')})`);
      return { name, factory };
    }),
  );
  const ctx = createContext({ tenant: options.tenant(), seed: options.seed, faults: options.faults });
  let served: Array<{ name: string; provider: ServedProvider }> = [];
  const build = async (baseUrl: string) => {
    served = await Promise.all(factories.map(async ({ name, factory }) => ({ name, provider: await factory(ctx, baseUrl, { writeBack: options.writeBack }) })));
    return served.flatMap((s) => s.provider.handlers);
  };
  let journal: WriteStream | undefined;
  if (options.journalPath) {
    mkdirSync(dirname(options.journalPath), { recursive: true });
    const out = createWriteStream(options.journalPath, { flags: 'w' });
    journal = out;
    ctx.journal.onRecord((entry) => out.write(`${JSON.stringify(entry)}\n`));
  }
  const server = await serveLoopback({
    ctx,
    port: options.port,
    handlers: build,
    reset: async () => {
      ctx.tenant.close();
      ctx.tenant = options.tenant();
      ctx.journal.clear();
      ctx.faults.set([]);
      server.setHandlers(await build(server.baseUrl));
    },
  });
  const entries = served.map((s) => ({ provider: s.name, baseUrl: server.baseUrl, credentials: s.provider.credentials }));
  const ready = entries.length === 1 ? entries[0]! : { baseUrl: server.baseUrl, providers: entries };
  return {
    server,
    ready,
    async stop() {
      await server.close();
      ctx.tenant.close();
      if (journal) await new Promise<void>((resolve) => journal!.end(() => resolve()));
    },
  };
}
