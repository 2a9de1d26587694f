/**
 * Answering one request read from a socket, whoever accepted it: the loopback server (plain or TLS) or the
 * proxy's tunnels. The admin API, the simulator's handlers, the socket-level faults (`network-error`,
 * `reset`, `hang`) and the loud 404 for anything no simulated route matches all live here once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpHandler } from 'msw';
import type { SimContext } from '../core/context.js';
import { nearestRoute } from '../core/near-miss.js';
import { BodyTooLargeError } from '../core/body-limit.js';
import { dispatch } from '../core/dispatch.js';
import { knownRoutesOf } from '../core/route.js';
import { transportAction } from '../core/transport-action.js';
import { handleAdmin } from './admin-api.js';
import { adminRefusal } from './admin-guard.js';
import { toFetchRequest, writeFetchResponse } from './fetch-bridge.js';

export interface AnswerTarget {
  ctx: SimContext;
  handlers(): HttpHandler[];
  reset?(): Promise<void>;
}

/** `origin` is where the request was addressed: the served base URL, or `https://<host>` inside a proxy tunnel. */
export type Answer = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

export function createAnswer(target: AnswerTarget): Answer {
  return (req, res, origin) => {
    void answer(target, req, res, origin).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BodyTooLargeError) {
        // Read by something with no dialect of its own (a replayed recording, a test's handler).
        return void writeFetchResponse(res, Response.json({ error: `sync-harness: request body over ${error.limit} bytes` }, { status: 413 }));
      }
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sync-harness: simulator failed: ${(error as Error).message}\n`);
    });
  };
}

async function answer(target: AnswerTarget, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  if (new URL(req.url ?? '/', origin).pathname.startsWith('/__harness/')) {
    // Judged on the headers alone, before any body is read.
    const refused = adminRefusal(req.headers.host, req.headers.origin, origin);
    if (refused) return writeFetchResponse(res, Response.json({ error: refused }, { status: 403 }));
    return writeFetchResponse(res, await handleAdmin(await toFetchRequest(req, origin), { ctx: target.ctx, reset: target.reset }));
  }
  const request = await toFetchRequest(req, origin);
  const url = new URL(request.url);
  const response = await dispatch(target.handlers(), request, origin);
  if (response?.type === 'error') {
    // A `network-error` fault: no response at all, as a dropped connection looks to the client.
    res.socket?.destroy();
    return;
  }
  if (response) {
    const action = transportAction(response);
    // `hang`: the socket stays open and silent until the client gives up (or the server closes).
    if (action === 'hang') return;
    if (action === 'reset') return writeHalfThenReset(res, response);
    return writeFetchResponse(res, response);
  }
  const nearest = nearestRoute(request, knownRoutesOf(target.handlers()));
  const hint = nearest ? `${nearest.method} ${nearest.url.replace(/^https?:\/\/[^/]+/, origin)}` : undefined;
  target.ctx.journal.record({
    provider: nearest?.provider ?? 'unknown',
    method: request.method,
    url: request.url,
    status: 404,
    nearestRoute: hint,
    latencyMs: 0,
    at: target.ctx.clock().toISOString(),
  });
  return writeFetchResponse(
    res,
    Response.json(
      { error: 'sync-harness: no simulated endpoint for this request', request: `${request.method} ${url.pathname}`, nearestRoute: hint ?? null },
      { status: 404 },
    ),
  );
}

/** The full headers (with the true Content-Length) and half the body, then the connection drops. */
async function writeHalfThenReset(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.write(body.subarray(0, Math.max(1, body.length >> 1)), () => res.socket?.destroy());
}
