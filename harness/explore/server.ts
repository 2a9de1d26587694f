/**
 * The explorer's HTTP server: node's own, on 127.0.0.1 only, read-only (GET and HEAD). Every answer
 * carries a Content-Security-Policy that allows this origin's one script and stylesheet and nothing else,
 * so a resource name holding markup can neither run nor load anything, even if escaping were ever missed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../../lib/errors.js';
import { page } from '../../reports/explore/layout.js';
import { SCRIPT, STYLESHEET } from '../../reports/explore/assets.js';
import { esc } from '../../reports/html-text.js';
import { checkAccess } from './access-guard.js';
import { NotFound } from './not-found.js';
import type { Route, View } from './view.js';

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const STATIC: Record<string, [string, string]> = {
  '/static/explore.css': ['text/css; charset=utf-8', STYLESHEET],
  '/static/explore.js': ['text/javascript; charset=utf-8', SCRIPT],
};

export interface ServeOptions {
  routes: Route[];
  /** What is explored, for the header of every page. */
  subject: string;
  /** 0: a free port. */
  port: number;
  /** Undefined: no token asked (`--no-token`). */
  token: string | undefined;
  /** A request that failed inside (not the reader's doing), one line. */
  onError?: (message: string) => void;
}

export interface Serving {
  /** The URL to open, with the token. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveExplorer(options: ServeOptions): Promise<Serving> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    try {
      answer(request, response, origin, options);
    } catch (error) {
      options.onError?.(`explore: ${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', "internal error (see the explore command's output)\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? new UserError(`explore: --port ${options.port}: already in use (leave --port out to pick a free one)`) : error,
      ),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: options.token ? `${origin}/?token=${options.token}` : `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(request: IncomingMessage, response: ServerResponse, origin: string, options: ServeOptions): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'text/plain; charset=utf-8', 'explore is read-only: GET and HEAD only\n');
    return;
  }
  const verdict = checkAccess(request, origin, options.token);
  if (!verdict.ok) {
    send(response, verdict.status, 'text/plain; charset=utf-8', `${verdict.message}\n`);
    return;
  }
  if (verdict.setCookie) response.setHeader('Set-Cookie', verdict.setCookie);
  const json = wantsJson(request);
  // A browser is sent on without the token in its address bar (and history); a script keeps its answer.
  if (verdict.redirect && !json) {
    response.setHeader('Location', verdict.redirect);
    send(response, 302, 'text/plain; charset=utf-8', '');
    return;
  }
  const url = new URL(request.url ?? '/', origin);
  const asset = STATIC[url.pathname];
  if (asset) {
    send(response, 200, asset[0], asset[1]);
    return;
  }
  let view: View | undefined;
  try {
    view = route(options.routes, url);
  } catch (error) {
    if (!(error instanceof NotFound) && !(error instanceof UserError)) throw error;
    // A damaged row is the file's fault, said in one line like the CLI says it; a missing object is a 404.
    const status = error instanceof NotFound ? 404 : 422;
    reply(response, status, json, { error: error.message }, () =>
      page({
        title: error instanceof NotFound ? 'not found' : 'cannot show this',
        subject: options.subject,
        crumbs: [['/', 'home']],
        body: `<p class="bad">${esc(error.message)}</p>`,
      }),
    );
    return;
  }
  if (!view) {
    const message = `no page at ${url.pathname}`;
    reply(response, 404, json, { error: message }, () =>
      page({ title: 'not found', subject: options.subject, crumbs: [['/', 'home']], body: `<p>${esc(message)}</p>` }),
    );
    return;
  }
  const found = view;
  reply(response, 200, json, found.data, () => page({ title: found.title, subject: options.subject, crumbs: found.crumbs, body: found.body() }));
}

function route(routes: Route[], url: URL): View | undefined {
  for (const candidate of routes) {
    const match = candidate.pattern.exec(url.pathname);
    if (!match) continue;
    let params: string[];
    try {
      params = match.slice(1).map((p) => decodeURIComponent(p));
    } catch {
      throw new NotFound(`${url.pathname}: not a valid address`);
    }
    return candidate.answer(params, url.searchParams);
  }
  return undefined;
}

function wantsJson(request: IncomingMessage): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function reply(response: ServerResponse, status: number, json: boolean, data: unknown, html: () => string): void {
  if (json) send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(data, null, 2)}\n`);
  else send(response, status, 'text/html; charset=utf-8', html());
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
    // The same path answers HTML or JSON by Accept.
    Vary: 'Accept',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
