/**
 * Serving simulators inside the test process with MSW's `setupServer`. Unmatched requests are errors, never
 * passed to the network: each is journaled with the nearest simulated route and the request fails loudly.
 */
import { setupServer } from 'msw/node';
import type { HttpHandler } from 'msw';
import type { Journal } from './journal.js';
import { nearestRoute } from './near-miss.js';
import { knownRoutesOf } from './route.js';

export interface InProcessServer {
  server: ReturnType<typeof setupServer>;
  /** Requests that matched nothing, as `METHOD url (nearest: ...)` lines. */
  unhandled: string[];
  close(): void;
}

export function serveInProcess(handlers: HttpHandler[], journal: Journal, provider = 'unknown'): InProcessServer {
  const unhandled: string[] = [];
  const server = setupServer(...handlers);
  server.listen({
    onUnhandledRequest(request, print) {
      const nearest = nearestRoute(request, knownRoutesOf(handlers));
      const hint = nearest ? `${nearest.method} ${nearest.url} (${nearest.name})` : undefined;
      journal.record({
        provider: nearest?.provider ?? provider,
        method: request.method,
        url: request.url,
        status: 0,
        nearestRoute: hint,
        latencyMs: 0,
        at: new Date().toISOString(),
      });
      const line = `${request.method} ${request.url}${hint ? ` (nearest simulated route: ${hint})` : ''}`;
      unhandled.push(line);
      // MSW's own error path: the request fails as a network error (a thrown error here would become a 500,
      // which SDKs retry as if the provider had answered). No real network is ever tried.
      print.error();
    },
  });
  return { server, unhandled, close: () => server.close() };
}
