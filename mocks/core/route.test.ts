import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFaultSpec } from '../faults/spec.js';
import type { TenantStore } from '../tenant/model.js';
import { createContext } from './context.js';
import { serveInProcess, type InProcessServer } from './in-process.test-support.js';
import { compilePattern, knownRoutesOf, latencyMs, route, type FaultDialect } from './route.js';

const dialect: FaultDialect = {
  throttle: (_call, params) => HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'Retry-After': params['retry-after'] ?? '1' } }),
  serverError: (_call, status) => HttpResponse.json({ error: 'boom' }, { status }),
  tooLarge: (_call, limit) => HttpResponse.json({ error: `over ${limit}` }, { status: 413 }),
  headers: () => ({ 'request-id': 'fixed' }),
};

function setup(faults: string[] = []) {
  const ctx = createContext({ tenant: {} as TenantStore, seed: 1, faults: faults.map((f) => parseFaultSpec(f)) });
  const runtime = { provider: 'test', ctx, dialect };
  const handlers = [
    route(runtime, { name: 'test.items.list', method: 'GET', url: 'https://api.sim.test/v1/items' }, () => ({
      response: HttpResponse.json({ value: [1, 2, 3] }),
      items: 3,
    })),
  ];
  return { ctx, served: serveInProcess(handlers, ctx.journal, 'test') };
}

describe('route', () => {
  let served: InProcessServer | undefined;
  afterEach(() => served?.close());

  it('answers, adds the provider headers and journals the call', async () => {
    const s = setup();
    served = s.served;
    const response = await fetch('https://api.sim.test/v1/items?page=2');
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toBe('fixed');
    expect(await response.json()).toEqual({ value: [1, 2, 3] });
    expect(s.ctx.journal.all()).toMatchObject([
      { seq: 1, provider: 'test', route: 'test.items.list', url: '/v1/items?page=2', status: 200, items: 3 },
    ]);
  });

  it('lets transport faults answer in the provider dialect, and names the rule in the journal', async () => {
    const s = setup(['throttle:every=2,retry-after=3', 'server-error:every=3,status=502']);
    served = s.served;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch('https://api.sim.test/v1/items')).status);
    expect(statuses).toEqual([200, 429, 502, 429]);
    expect(s.ctx.journal.all().map((e) => e.fault)).toEqual([
      undefined,
      'throttle:every=2,retry-after=3',
      'server-error:every=3,status=502',
      'throttle:every=2,retry-after=3',
    ]);
  });

  it('a network-error fault fails the request without a response', async () => {
    const s = setup(['network-error']);
    served = s.served;
    await expect(fetch('https://api.sim.test/v1/items')).rejects.toThrow(/fetch failed|Failed to fetch/);
    expect(s.ctx.journal.all()[0]).toMatchObject({ status: 0, fault: 'network-error' });
  });

  it('malformed-body and wrong-content-type damage a real answer', async () => {
    const s = setup(['malformed-body:count=1', 'wrong-content-type:after=1']);
    served = s.served;
    await expect((await fetch('https://api.sim.test/v1/items')).json()).rejects.toThrow();
    expect((await fetch('https://api.sim.test/v1/items')).headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('an unmatched request fails loudly and is journaled with the nearest route', async () => {
    const s = setup();
    served = s.served;
    // MSW says it on stderr as it fails the request; expected here, so kept out of the test output.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(fetch('https://api.sim.test/v1/itemz')).rejects.toThrow();
      expect(printed).toHaveBeenCalledWith(expect.stringMatching(/^\[MSW\] Error: intercepted a request without a matching request handler:/));
    } finally {
      printed.mockRestore();
    }
    expect(s.served.unhandled[0]).toMatch(
      /GET https:\/\/api\.sim\.test\/v1\/itemz \(nearest simulated route: GET https:\/\/api\.sim\.test\/v1\/items \(test\.items\.list\)\)/,
    );
    expect(s.ctx.journal.all()[0]).toMatchObject({ status: 0, nearestRoute: expect.stringContaining('test.items.list') });
  });
});

describe('latency fault values', () => {
  const draws = (params: Record<string, string>, seed = 3) => {
    let a = seed;
    const random = () => (a = (a * 16807) % 2147483647) / 2147483647;
    return Array.from({ length: 400 }, () => latencyMs(params, random));
  };

  it('fixed, uniform within bounds, and lognormal around its median', () => {
    expect(draws({ ms: '200' }).every((v) => v === 200)).toBe(true);
    const uniform = draws({ min: '50', max: '400' });
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...uniform)).toBeLessThanOrEqual(400);
    const lognormal = draws({ median: '100', sigma: '0.5' }).sort((a, b) => a - b);
    expect(lognormal[200]).toBeGreaterThan(80);
    expect(lognormal[200]).toBeLessThan(125);
    expect(lognormal[399]! / lognormal[200]!).toBeGreaterThan(2); // a long right tail
    expect(lognormal[0]).toBeGreaterThan(0);
  });
});

describe('direct route patterns (the loopback fast path)', () => {
  it('match like MSW paths: params, literal $ segments, any case, an optional trailing slash, never across segments', () => {
    const p = compilePattern('http://127.0.0.1:46447/v1.0/groups/:id/members/$ref');
    expect(p.exec('http://127.0.0.1:46447/v1.0/groups/abc%20d/members/$ref')?.groups).toEqual({ id: 'abc%20d' });
    expect(p.test('http://127.0.0.1:46447/v1.0/GROUPS/x/members/$ref/')).toBe(true);
    expect(p.test('http://127.0.0.1:46447/v1.0/groups/x/y/members/$ref')).toBe(false);
    expect(p.test('http://127.0.0.1:46448/v1.0/groups/x/members/$ref')).toBe(false);
    const count = compilePattern('https://graph.microsoft.com/v1.0/users/$count');
    expect(count.test('https://graph.microsoft.com/v1.0/users/$count')).toBe(true);
    expect(count.test('https://graph.microsoft.com/v1.0/users/xcount')).toBe(false);
  });
});

describe('knownRoutesOf', () => {
  it('names the routes among the given handlers only, once each: routes built elsewhere never become hints', () => {
    const ctx = createContext({ tenant: {} as TenantStore, seed: 1 });
    const runtime = { provider: 'test', ctx, dialect };
    const list = route(runtime, { name: 'test.items.list', method: 'GET', url: 'https://api.sim.test/v1/items' }, () => HttpResponse.json({}));
    const again = route(runtime, { name: 'test.items.list', method: 'GET', url: 'https://api.sim.test/v1/items' }, () => HttpResponse.json({}));
    route({ ...runtime, provider: 'other' }, { name: 'other.things.list', method: 'GET', url: 'https://other.sim.test/things' }, () =>
      HttpResponse.json({}),
    );
    expect(knownRoutesOf([list, again, 'not a handler'])).toEqual([
      { provider: 'test', name: 'test.items.list', method: 'GET', url: 'https://api.sim.test/v1/items' },
    ]);
  });
});
