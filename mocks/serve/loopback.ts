/**
 * Serving simulators on a loopback port for programs outside this process (Go connectors, curl, other test
 * languages). One node:http server answers through the same MSW handlers as in-process runs; requests no
 * simulated route matches get a 404 naming the nearest route, and are journaled, never proxied anywhere.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpHandler } from 'msw';
import type { SimContext } from '../core/context.js';
import { nearestRoute } from '../core/near-miss.js';
import { dispatch } from '../core/dispatch.js';
import { knownRoutes } from '../core/route.js';
import { handleAdmin } from './admin-api.js';
import { toFetchRequest, writeFetchResponse } from './fetch-bridge.js';

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
  /** Rebuilds the tenant and handlers for `POST /__harness/reset`. */
  reset?(): Promise<void>;
}

export async function serveLoopback(options: LoopbackOptions): Promise<LoopbackServer> {
  let handlers: HttpHandler[] = [];
  const server = createServer((req, res) => {
    void answer(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sync-harness: simulator failed: ${(error as Error).message}\n`);
    });
  });

  async function answer(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const request = await toFetchRequest(req, baseUrl);
    const url = new URL(request.url);
    if (url.pathname.startsWith('/__harness/')) {
      return writeFetchResponse(res, await handleAdmin(request, { ctx: options.ctx, reset: options.reset }));
    }
    const response = await dispatch(handlers, request, baseUrl);
    if (response?.type === 'error') {
      // A `network-error` fault: no response at all, as a dropped connection looks to the client.
      res.socket?.destroy();
      return;
    }
    if (response) return writeFetchResponse(res, response);
    const nearest = nearestRoute(request, [...knownRoutes.values()]);
    const hint = nearest ? `${nearest.method} ${nearest.url.replace(/^https?:\/\/[^/]+/, baseUrl)}` : undefined;
    options.ctx.journal.record({
      provider: nearest?.provider ?? 'unknown',
      method: request.method,
      url: request.url,
      status: 404,
      nearestRoute: hint,
      latencyMs: 0,
      at: options.ctx.clock().toISOString(),
    });
    return writeFetchResponse(
      res,
      Response.json(
        { error: 'sync-harness: no simulated endpoint for this request', request: `${request.method} ${url.pathname}`, nearestRoute: hint ?? null },
        { status: 404 },
      ),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  handlers = await options.handlers(baseUrl);
  return {
    baseUrl,
    port,
    server,
    setHandlers: (next) => {
      handlers = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
