/**
 * Serving simulators on a loopback port for programs outside this process (Go connectors, curl, other test
 * languages), over plain HTTP or, given a certificate, HTTPS. One server answers through the same MSW
 * handlers as in-process runs; requests no simulated route matches get a 404 naming the nearest route, and
 * are journaled, never proxied anywhere.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { HttpHandler } from 'msw';
import type { SimContext } from '../core/context.js';
import { createAnswer } from './answer.js';
import { recordTlsFailure } from './tls-failure.js';

export interface LoopbackServer {
  baseUrl: string;
  port: number;
  server: Server;
  /** Replace the handlers (after the admin API resets the tenant, say). */
  setHandlers(handlers: HttpHandler[]): void;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  port?: number;
  ctx: SimContext;
  /** Builds the handlers once the port, and so the base URL, is known. */
  handlers(baseUrl: string): Promise<HttpHandler[]> | HttpHandler[];
  /**
   * Resets the simulation's state (tenant, journal, faults) for `POST /__harness/reset`; the server then
   * asks `handlers` again, since handlers built for the old tenant hold on to it.
   */
  reset?(): Promise<void>;
  /** Serve HTTPS with this key and certificate (for 127.0.0.1) instead of plain HTTP. */
  tls?: { key: string; cert: string };
}

export async function serveLoopback(options: LoopbackOptions): Promise<LoopbackServer> {
  let handlers: HttpHandler[] = [];
  let baseUrl = '';
  const reset = options.reset;
  const answer = createAnswer({
    ctx: options.ctx,
    handlers: () => handlers,
    reset: reset
      ? async () => {
          await reset();
          handlers = await options.handlers(baseUrl);
        }
      : undefined,
  });
  const server: Server = options.tls
    ? createTlsServer({ ...options.tls }, (req, res) => answer(req, res, baseUrl))
    : createServer((req, res) => answer(req, res, baseUrl));
  if (options.tls) server.on('tlsClientError', (error: Error) => recordTlsFailure(options.ctx, 'unknown', '127.0.0.1', error));
  await listenOnLoopback(server, options.port);
  const port = (server.address() as AddressInfo).port;
  baseUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  handlers = await options.handlers(baseUrl);
  return {
    baseUrl,
    port,
    server,
    setHandlers: (next) => {
      handlers = next;
    },
    close: () => closeServer(server),
  };
}

export function listenOnLoopback(server: Server, port = 0): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** Closes at once: a `hang` fault's open sockets and idle keep-alive clients would otherwise hold it open. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
