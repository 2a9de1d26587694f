import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../core/context.js';
import { route, type FaultDialect } from '../core/route.js';
import type { TenantStore } from '../tenant/model.js';
import { serveLoopback, type LoopbackServer } from './loopback.js';

const dialect: FaultDialect = {
  throttle: () => HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'Retry-After': '1' } }),
  serverError: (_call, status) => HttpResponse.json({ error: 'boom' }, { status }),
  tooLarge: (_call, limit) => HttpResponse.json({ error: `over ${limit}` }, { status: 413 }),
  headers: () => ({}),
};
const tenant = { shape: { seed: 1, users: 3 }, counts: () => ({ users: 3 }) } as unknown as TenantStore;

describe('loopback serving', () => {
  let served: LoopbackServer | undefined;
  afterEach(async () => served?.close());

  async function start() {
    const ctx = createContext({ tenant, seed: 1 });
    served = await serveLoopback({
      ctx,
      handlers: (baseUrl) => [
        route({ provider: 'test', ctx, dialect }, { name: 'test.items.list', method: 'GET', url: `${baseUrl}/v1/items` }, ({ call }) =>
          HttpResponse.json({ value: [1, 2], next: `${baseUrl}/v1/items?page=2`, seen: call.url.search }),
        ),
        route({ provider: 'test', ctx, dialect }, { name: 'test.items.create', method: 'POST', url: `${baseUrl}/v1/items` }, async ({ request }) =>
          HttpResponse.json({ got: await request.json() }, { status: 201 }),
        ),
      ],
    });
    return { ctx, served };
  }

  it('answers a real client (curl) on 127.0.0.1 through the MSW handlers, links on its own base', async () => {
    const { served } = await start();
    expect(served.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Asynchronously: the server runs in this process and must keep answering while curl waits.
    const { stdout } = await promisify(execFile)('curl', ['-sS', '--max-time', '10', `${served.baseUrl}/v1/items?x=1`]);
    const body = JSON.parse(stdout);
    expect(body).toEqual({ value: [1, 2], next: `${served.baseUrl}/v1/items?page=2`, seen: '?x=1' });
    const created = await fetch(`${served.baseUrl}/v1/items`, {
      method: 'POST',
      body: JSON.stringify({ a: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ got: { a: 1 } });
  });

  it('answers an unknown path with 404 naming the nearest route, and journals it', async () => {
    const { served, ctx } = await start();
    const response = await fetch(`${served.baseUrl}/v1/itemz`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ nearestRoute: `GET ${served.baseUrl}/v1/items` });
    expect(ctx.journal.all().at(-1)).toMatchObject({ status: 404, nearestRoute: `GET ${served.baseUrl}/v1/items` });
  });

  it('has an admin API: faults replaced at run time, journal read and cleared, tenant shown', async () => {
    const { served } = await start();
    const put = await fetch(`${served.baseUrl}/__harness/faults`, { method: 'PUT', body: JSON.stringify(['throttle:every=2']) });
    expect(await put.json()).toEqual(['throttle:every=2']);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${served.baseUrl}/v1/items`)).status);
    expect(statuses).toEqual([200, 429, 200, 429]);
    const journal = (await (await fetch(`${served.baseUrl}/__harness/journal`)).json()) as Array<{ status: number; fault?: string }>;
    expect(journal.map((e) => e.status)).toEqual([200, 429, 200, 429]);
    expect(journal[1]!.fault).toBe('throttle:every=2');
    const lines = await (await fetch(`${served.baseUrl}/__harness/journal?format=jsonl`)).text();
    expect(lines.trimEnd().split('\n')).toHaveLength(4);
    expect((await fetch(`${served.baseUrl}/__harness/journal`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${served.baseUrl}/__harness/journal`)).json()).toEqual([]);
    expect(await (await fetch(`${served.baseUrl}/__harness/tenant`)).json()).toEqual({ shape: { seed: 1, users: 3 }, counts: { users: 3 } });
  });

  it('a network-error fault drops the connection without an answer', async () => {
    const { served, ctx } = await start();
    await fetch(`${served.baseUrl}/__harness/faults`, { method: 'PUT', body: JSON.stringify(['network-error:count=1']) });
    await expect(fetch(`${served.baseUrl}/v1/items`)).rejects.toThrow();
    expect((await fetch(`${served.baseUrl}/v1/items`)).status).toBe(200);
    expect(ctx.journal.all().map((e) => e.status)).toEqual([0, 200]);
  });

  it('refuses bad admin input with a clear 400 and lists the calls on an unknown one', async () => {
    const { served } = await start();
    const bad = await fetch(`${served.baseUrl}/__harness/faults`, { method: 'PUT', body: JSON.stringify(['thrrottle']) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/unknown fault "thrrottle"/);
    const unknown = await fetch(`${served.baseUrl}/__harness/nope`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).calls).toContain('PUT /faults');
    expect((await fetch(`${served.baseUrl}/__harness/reset`, { method: 'POST' })).status).toBe(400);
  });
});
