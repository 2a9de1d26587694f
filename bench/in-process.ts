/**
 * In-process requests per second: `fetch` of a 100-user Graph page through MSW's `setupServer` to the Entra
 * simulator, against the same MSW server with a handler that returns the pre-rendered bytes of that page,
 * so the difference is the simulator's own work (token check, tenant query, rendering, journal).
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createContext } from '../mocks/core/context.js';
import { createEntraSimulator } from '../mocks/entra/index.js';
import { createTenant } from '../mocks/tenant/store.js';

export async function benchInProcess(seconds = 3) {
  const ctx = createContext({ tenant: createTenant({ users: 2000 }), seed: 1 });
  const sim = createEntraSimulator(ctx);
  const server = setupServer(...sim.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.credentials.clientId,
      client_secret: sim.credentials.clientSecret,
      scope: sim.scope,
    });
    const token = ((await (await fetch(`${sim.authority}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as { access_token: string })
      .access_token;
    const page = `${sim.bases.graph}/v1.0/users?$top=100`;
    const headers = { authorization: `Bearer ${token}` };
    const body = await (await fetch(page, { headers })).arrayBuffer();
    const ours = await rate(page, headers, seconds);
    server.resetHandlers(http.get('https://static.sim.test/page', () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } })));
    const baseline = await rate('https://static.sim.test/page', {}, seconds);
    return { name: 'in-process: fetch through MSW, Graph /v1.0/users?$top=100', baseline, ours, ratio: ours.perSecond / baseline.perSecond };
  } finally {
    server.close();
  }
}

/** 16 concurrent request loops for `seconds`. */
async function rate(url: string, headers: Record<string, string>, seconds: number) {
  let requests = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() < deadline) {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        requests++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { requests, seconds: elapsed, perSecond: requests / elapsed };
}
