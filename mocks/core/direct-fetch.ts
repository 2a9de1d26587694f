/**
 * A `fetch` that answers from simulator handlers in this process, for builtin connectors in scenario runs.
 * Unlike MSW's `setupServer` it patches nothing global, so several runs (and a user's own MSW server) can
 * live in one process. A request no route matches fails as a network error, journaled with the nearest
 * simulated route; a `network-error` fault fails the same way, as a dropped connection does. A `reset`
 * gives the headers and a body that breaks halfway, as undici reports it ("terminated"); a `hang` fails as
 * the client's own timeout would, since nothing in process can wait on a socket that never answers.
 */
import type { HttpHandler } from 'msw';
import type { SimContext } from './context.js';
import { dispatch } from './dispatch.js';
import { nearestRoute } from './near-miss.js';
import { knownRoutesOf } from './route.js';
import { transportAction } from './transport-action.js';

export function directFetch(handlers: () => readonly HttpHandler[], ctx: SimContext, provider: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const response = await dispatch([...handlers()], request, url.origin);
    if (response && response.type !== 'error') {
      const action = transportAction(response);
      if (action === 'hang') throw new DOMException(`no response from ${url.origin} (hang fault): the request timed out`, 'TimeoutError');
      return action === 'reset' ? await cutHalfway(response) : response;
    }
    if (!response) {
      const nearest = nearestRoute(request, knownRoutesOf(handlers()));
      const hint = nearest ? `${nearest.method} ${nearest.url} (${nearest.name})` : undefined;
      ctx.journal.record({
        provider: nearest?.provider ?? provider,
        method: request.method,
        url,
        status: 0,
        nearestRoute: hint,
        latencyMs: 0,
        at: ctx.clock().toISOString(),
      });
      throw new TypeError(
        `fetch failed: no simulated endpoint for ${request.method} ${url.origin}${url.pathname}${hint ? ` (nearest simulated route: ${hint})` : ''}`,
      );
    }
    throw new TypeError('fetch failed: connection reset (network-error fault)');
  };
}

async function cutHalfway(response: Response): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer());
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body.subarray(0, Math.max(1, body.length >> 1)));
      controller.error(new TypeError('terminated', { cause: new Error('other side closed (reset fault)') }));
    },
  });
  return new Response(stream, { status: response.status, statusText: response.statusText, headers: response.headers });
}
