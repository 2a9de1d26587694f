/**
 * Everything `sync-harness serve` does short of parsing flags: build the tenant, host the chosen providers
 * one of three ways (plain HTTP on a loopback port; HTTPS there with a per-run CA; or an HTTPS proxy that
 * answers for the providers' real host names), journal to a file as requests arrive, and say once, on one
 * line, where and how.
 */
import { dirname, resolve } from 'node:path';
import type { HttpHandler } from 'msw';
import { UserError } from '../../lib/errors.js';
import { keepPrevious } from '../../lib/fs/keep-previous.js';
import { createContext, type SimContext } from '../../mocks/core/context.js';
import type { FaultSpec } from '../../mocks/faults/spec.js';
import type { TenantStore } from '../../mocks/tenant/model.js';
import { createAnswer } from '../../mocks/serve/answer.js';
import { openJournalFile, type JournalFile } from '../../mocks/serve/journal-file.js';
import { serveLoopback } from '../../mocks/serve/loopback.js';
import type { ProviderFactory, ServedProvider, ServeSettings } from '../../mocks/core/served-provider.js';
import { loadProvider, providerNames } from '../../mocks/serve/provider-registry.js';

type ServeMode = 'http' | 'tls' | 'proxy';

export interface ServeOptions {
  providers: string[];
  tenant: () => TenantStore;
  seed: number;
  faults: FaultSpec[];
  port?: number;
  journalPath?: string;
  writeBack?: boolean;
  /** Default `http`. */
  mode?: ServeMode;
  /** Where `tls` and `proxy` write the run's CA certificate (`ca.pem`; its key stays in memory). */
  tlsDir?: string;
  /** Serve this recording (HAR, nock JSON, or a folder of nock.back files) instead of simulators. */
  replay?: string;
  /** Behind the proxy: the host the SCIM simulator answers (default scim.example.test). */
  scimHost?: string;
  clock?: () => Date;
  /** Told when the journal file stops taking writes (a full disk): one line for the user. */
  onJournalError?: (message: string) => void;
}

export interface Serving {
  /** The ready line: `{provider, baseUrl, credentials}`, or `{baseUrl, providers: [...]}` for several; plus `caCert` (tls, proxy) and `proxyUrl` (proxy). */
  ready: Record<string, unknown>;
  /** Where clients go: the base URL, or the proxy's URL. */
  address: string;
  /** Where the journal that was at `journalPath` went (`journal.1.jsonl`), when there was one. */
  previousJournal?: string;
  ctx: SimContext;
  /** What each provider handed out (credentials), by name. */
  served: ReadonlyArray<{ name: string; provider: ServedProvider }>;
  stop(): Promise<void>;
}

export async function serveProviders(options: ServeOptions): Promise<Serving> {
  const mode = options.mode ?? 'http';
  const factories = options.replay
    ? [{ name: 'replay', factory: await replayFactory(options.replay) }]
    : await Promise.all(
        options.providers.map(async (name) => {
          const factory = await loadProvider(name);
          if (!factory) throw new UserError(`--provider ${name}: not simulated (available: ${providerNames().join(', ')})`);
          return { name, factory };
        }),
      );
  const ctx = createContext({ tenant: options.tenant(), seed: options.seed, faults: options.faults, clock: options.clock });
  const settings: ServeSettings = { writeBack: options.writeBack, scimHost: options.scimHost };
  let served: Array<{ name: string; provider: ServedProvider }> = [];
  let handlers: HttpHandler[] = [];
  const build = async (baseUrl: string | undefined) => {
    served = await Promise.all(factories.map(async ({ name, factory }) => ({ name, provider: await factory(ctx, baseUrl, settings) })));
    handlers = served.flatMap((s) => s.provider.handlers);
    return handlers;
  };
  // The handlers are built again after this (they hold the tenant they were built for): the loopback server
  // asks for them itself, the proxy calls build.
  const reset = async () => {
    ctx.tenant.close();
    ctx.tenant = options.tenant();
    ctx.journal.clear();
    ctx.faults.set([]);
  };
  // Certificates (node-forge) and the proxy load only when asked for: plain serving starts without them.
  // Absolute, so the ready line's caCert works from any working directory (SSL_CERT_FILE, a container mount).
  const ca =
    mode === 'http'
      ? undefined
      : await runCa(resolve(options.tlsDir ?? dirname(options.journalPath ?? 'runs/serve/journal.jsonl')), options.tlsDir !== undefined);

  let address: string;
  let close: () => Promise<void>;
  let extra: Record<string, unknown>;
  if (mode === 'proxy') {
    await build(undefined);
    const hosts = new Map(served.flatMap((s) => s.provider.hosts.map((host) => [host, s.name] as const)));
    const { serveProxy } = await import('../external/proxy.js');
    const resetAndRebuild = async () => {
      await reset();
      await build(undefined);
    };
    const proxy = await listening(options.port, () =>
      serveProxy({ ca: ca!, ctx, hosts, port: options.port, answer: createAnswer({ ctx, handlers: () => handlers, reset: resetAndRebuild }) }),
    );
    address = proxy.proxyUrl;
    close = proxy.close;
    extra = { proxyUrl: proxy.proxyUrl, caCert: ca!.certPath };
  } else {
    const server = await listening(options.port, () =>
      serveLoopback({ ctx, port: options.port, handlers: build, reset, tls: ca?.leafFor('127.0.0.1') }),
    );
    address = server.baseUrl;
    close = server.close;
    extra = { baseUrl: server.baseUrl, ...(ca ? { caCert: ca.certPath } : {}) };
  }
  let journal: JournalFile | undefined;
  let previousJournal: string | undefined;
  try {
    // Once serving is sure to start, so a serve refused for bad input leaves the journals as they were.
    previousJournal = options.journalPath ? keepPrevious(options.journalPath) : undefined;
    journal = options.journalPath ? openJournalFile(options.journalPath, ctx, options.onJournalError ?? (() => {})) : undefined;
  } catch (error) {
    await close();
    ctx.tenant.close();
    throw error;
  }
  const entries = served.map((s) => ({
    provider: s.name,
    ...(mode === 'proxy' ? { hosts: s.provider.hosts } : { baseUrl: address }),
    credentials: s.provider.credentials,
  }));
  const ready = entries.length === 1 ? { ...entries[0]!, ...extra } : { ...extra, providers: entries };
  return {
    ready,
    address,
    ...(previousJournal ? { previousJournal } : {}),
    ctx,
    served,
    async stop() {
      await close();
      ctx.tenant.close();
      await journal?.end();
    },
  };
}

/** Listening, with the usual reasons a port cannot be had said in one line. */
async function listening<T>(port: number | undefined, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UserError(`--port ${port}: already in use on 127.0.0.1 (choose another, or leave --port out for a free one)`, { cause: error });
    if (code === 'EACCES')
      throw new UserError(`--port ${port}: not allowed for this user (ports below 1024 need privileges; choose 1024-65535)`, { cause: error });
    throw error;
  }
}

/** The run's CA, written where asked; a folder it cannot write is the user's to fix. */
async function runCa(dir: string, asked: boolean) {
  const { createRunCa } = await import('../external/ca.js');
  try {
    return createRunCa(dir);
  } catch (error) {
    // A folder that cannot be made arrives worded for the CA folder, with the errno as its cause.
    const cause = ((error as Error).cause ?? error) as NodeJS.ErrnoException;
    if (!cause.code) throw error;
    const flag = asked ? '--tls-dir' : '--tls-dir (default: the --journal folder)';
    throw new UserError(`${flag} ${dir}: cannot write the CA there (${cause.message}; give a writable folder)`, { cause: error });
  }
}

/** Loaded only when asked for: replaying needs the recording code, simulating does not. */
async function replayFactory(file: string): Promise<ProviderFactory> {
  const { readFixtures, replayProvider } = await import('../record/index.js');
  let exchanges;
  try {
    exchanges = readFixtures(file);
  } catch (error) {
    throw new UserError(`--replay ${file}: ${(error as Error).message}`);
  }
  if (exchanges.length === 0) throw new UserError(`--replay ${file}: no recorded requests in it (expected a HAR, nock JSON, or a folder of them)`);
  return replayProvider(exchanges);
}
