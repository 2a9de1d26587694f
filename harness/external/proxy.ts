/**
 * `serve --proxy`: one HTTPS proxy answering for every simulated provider's real host names at once, so a
 * program that honours `HTTPS_PROXY` and trusts the run's CA syncs against the simulators with no change to
 * its code or configuration. Each CONNECT tunnel is terminated here with a certificate for its host, signed
 * by the run's CA, and the requests inside are answered by the same handlers as every other way of serving.
 * A host nothing simulates is refused with 403 and journaled: no request ever leaves the machine.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { SimContext } from '../../mocks/core/context.js';
import { closeServer, listenOnLoopback } from '../../mocks/serve/loopback.js';
import type { Answer } from '../../mocks/serve/answer.js';
import { recordTlsFailure } from '../../mocks/serve/tls-failure.js';
import type { RunCa } from './ca.js';

export interface ProxyServer {
  /** For `HTTPS_PROXY`: `http://127.0.0.1:<port>` (the proxy itself speaks plain HTTP; CONNECT carries TLS). */
  proxyUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface ProxyOptions {
  ca: RunCa;
  ctx: SimContext;
  /** Simulated host names (lower case), each with the provider that answers it. */
  hosts: ReadonlyMap<string, string>;
  answer: Answer;
  port?: number;
}

export async function serveProxy(options: ProxyOptions): Promise<ProxyServer> {
  const { ca, ctx, hosts, answer } = options;
  const sockets = new Set<Socket>();
  const origins = new WeakMap<Socket, string>();
  let proxyUrl = '';
  // Requests inside the tunnels: never listening, fed one TLS socket per CONNECT.
  const tunnels = createServer((req, res) => answer(req, res, origins.get(req.socket) ?? 'https://unknown.invalid'));
  const listener = createServer((req, res) => {
    // The admin API shares the proxy's port, so tests reach `/__harness/` without a second address.
    if (req.url?.startsWith('/__harness/')) return answer(req, res, proxyUrl);
    res
      .writeHead(400, { 'content-type': 'text/plain' })
      .end(
        `sync-harness proxy: only HTTPS through CONNECT is served here (got ${req.method} ${req.url}); set HTTPS_PROXY=${proxyUrl} and use https:// URLs\n`,
      );
  });
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A client that hangs up mid-handshake is not the server's failure.
    socket.on('error', () => socket.destroy());
  };
  listener.on('connection', track);
  listener.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const { host, port } = splitTarget(req.url ?? '');
    const provider = hosts.get(host);
    if (!provider) return refuse(client, host, port, [...hosts.keys()], ctx);
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) client.unshift(head);
    const tls = new TLSSocket(client, { isServer: true, secureContext: ca.contextFor(host), ALPNProtocols: ['http/1.1'] });
    track(tls);
    origins.set(tls, port === 443 ? `https://${host}` : `https://${host}:${port}`);
    tls.once('error', (error: Error) => recordTlsFailure(ctx, provider, host, error));
    tunnels.emit('connection', tls);
  });
  await listenOnLoopback(listener, options.port);
  const port = (listener.address() as AddressInfo).port;
  proxyUrl = `http://127.0.0.1:${port}`;
  return {
    proxyUrl,
    port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await closeServer(listener);
      tunnels.closeAllConnections();
    },
  };
}

function splitTarget(target: string): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(target);
  return { host: (match?.[1] ?? target).toLowerCase(), port: Number(match?.[2] ?? 443) };
}

function refuse(client: Socket, host: string, port: number, simulated: string[], ctx: SimContext): void {
  const reason = `sync-harness proxy: refusing ${host}:${port}: not a simulated host (simulated: ${simulated.sort().join(', ')}); nothing is forwarded to the internet`;
  ctx.journal.record({
    provider: 'unknown',
    method: 'CONNECT',
    url: `https://${host}:${port}/`,
    status: 403,
    transportError: reason,
    latencyMs: 0,
    at: ctx.clock().toISOString(),
  });
  client.end(
    `HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(reason) + 1}\r\nconnection: close\r\n\r\n${reason}\n`,
  );
}
