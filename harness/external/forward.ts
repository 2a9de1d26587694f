/**
 * The proxy's other face, for `record`: instead of answering from the simulators, each request out of a
 * tunnel goes on to the real service (or, in tests and rehearsals, to a loopback `serve` standing in for
 * it) and the answer comes back unchanged. With a stand-in, the stand-in's base URL in answers (paging
 * links, token endpoints) is rewritten to the real host the client asked, so the client stays in the tunnel.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PEER_HEADER } from '../../mocks/core/journal.js';
import type { Answer } from '../../mocks/serve/answer.js';
import { toFetchRequest, writeFetchResponse } from '../../mocks/serve/fetch-bridge.js';

/** Request headers that belong to one hop, or that fetch sets itself. */
const HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'content-length',
  'te',
  'upgrade',
  'accept-encoding',
  PEER_HEADER,
]);

/**
 * `upstream` undefined: the real host over HTTPS. `send` is where the request goes: `fetch`, or a fetch that
 * records each exchange on the way.
 */
export function forwardingAnswer(send: typeof fetch, upstream?: string): Answer {
  const base = upstream?.replace(/\/+$/, '');
  return (req: IncomingMessage, res: ServerResponse, origin: string) => {
    void (async () => {
      const request = await toFetchRequest(req, origin);
      const headers = new Headers([...request.headers].filter(([name]) => !HOP.has(name.toLowerCase())));
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      const answer = await send(new Request(request.url, { method: request.method, headers, body, redirect: 'manual' }));
      await writeFetchResponse(res, base ? await rebased(answer, base, origin) : answer);
    })().catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      const cause = (error as Error).cause instanceof Error ? `: ${((error as Error).cause as Error).message}` : '';
      res
        .writeHead(502, { 'content-type': 'text/plain' })
        .end(`sync-harness record: upstream ${base ?? origin} failed: ${(error as Error).message}${cause}\n`);
    });
  };
}

/** A fetch that sends every request to `base` (same path and query) instead of its own host. */
export function toUpstream(base: string, inner: typeof fetch = fetch): typeof fetch {
  const root = base.replace(/\/+$/, '');
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    return inner(new Request(`${root}${url.pathname}${url.search}`, request));
  };
}

async function rebased(response: Response, base: string, origin: string): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json|xml|text|x-www-form-urlencoded/.test(type)) return response;
  const text = (await response.text()).split(base).join(origin);
  const headers = new Headers([...response.headers].filter(([name]) => !['content-length', 'content-encoding'].includes(name.toLowerCase())));
  const location = headers.get('location');
  if (location) headers.set('location', location.split(base).join(origin));
  return new Response(text, { status: response.status, statusText: response.statusText, headers });
}
