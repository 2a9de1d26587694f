/**
 * The admin API is for clients on this machine that addressed the server by a loopback name: a web page
 * (cross-origin `Origin`) or a DNS-rebinding site (foreign `Host`) is refused before anything happens, on
 * the loopback port and on the proxy's port alike. Provider routes keep answering any Host on loopback
 * (their data is synthetic and needs the printed credentials), and the proxy's tunnels carry real names.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../mocks/faults/spec.js';
import { serveProviders, type Serving } from '../../harness/serve/serve-providers.js';
import { createTenant } from '../../mocks/tenant/store.js';

interface Raw {
  status: number;
  body: string;
}

/** node:http, since fetch may not set Host (and browsers set Origin themselves). */
function send(address: string, method: string, path: string, headers: Record<string, string>): Promise<Raw> {
  const url = new URL(address);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('admin API origin and host checks', () => {
  let serving: Serving | undefined;
  afterEach(async () => serving?.stop());

  async function start(mode: 'http' | 'proxy', tlsDir?: string) {
    serving = await serveProviders({
      providers: ['entra'],
      tenant: () => createTenant({ seed: 2, users: 3 }),
      seed: 2,
      faults: [parseFaultSpec('throttle:every=2')],
      mode,
      tlsDir,
    });
    return serving;
  }

  it('a cross-origin POST /__harness/reset is refused with 403 and resets nothing', async () => {
    const { address, ctx } = await start('http');
    const port = new URL(address).port;
    await fetch(`${address}/v1.0/users`); // something in the journal that a reset would clear
    const before = ctx.journal.all().length;
    expect(before).toBeGreaterThan(0);
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null']) {
      const refused = await send(address, 'POST', '/__harness/reset', { host: `127.0.0.1:${port}`, origin });
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body).error).toMatch(/^admin API refused: a request from the web page at/);
    }
    expect(ctx.journal.all()).toHaveLength(before);
    const allowed = await send(address, 'GET', '/__harness/tenant', { host: `localhost:${port}`, origin: `http://localhost:${port}` });
    expect(allowed.status).toBe(200);
  });

  it('a foreign Host (DNS rebinding) is refused on every admin call, including a PUT that would change the faults', async () => {
    const { address, ctx } = await start('http');
    for (const host of ['evil.example', `rebind.evil.example:${new URL(address).port}`]) {
      for (const [method, path] of [
        ['GET', '/__harness/journal'],
        ['PUT', '/__harness/faults'],
        ['POST', '/__harness/reset'],
      ] as const) {
        const refused = await send(address, method, path, { host });
        expect(refused.status, `${method} ${path} Host ${host}`).toBe(403);
        expect(JSON.parse(refused.body).error).toMatch(/^admin API refused: Host ".*" is not this server \(address it as 127\.0\.0\.1:\d+\)/);
      }
    }
    expect(ctx.faults.specs()).toHaveLength(1);
  });

  it('provider routes still answer on loopback whatever the Host (decision: only the admin API is guarded)', async () => {
    const { address } = await start('http');
    const graph = await send(address, 'GET', '/v1.0/users', { host: 'graph.internal.example' });
    expect(graph.status).toBe(401);
    expect(JSON.parse(graph.body).error.code).toBe('InvalidAuthenticationToken');
  });

  it("the proxy's own port guards its admin API the same way", async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sync-harness-admin-origin-'));
    try {
      const { address } = await start('proxy', dir);
      const port = new URL(address).port;
      expect((await send(address, 'GET', '/__harness/faults', { host: `127.0.0.1:${port}` })).status).toBe(200);
      expect((await send(address, 'POST', '/__harness/reset', { host: 'evil.example' })).status).toBe(403);
      expect((await send(address, 'POST', '/__harness/reset', { host: `127.0.0.1:${port}`, origin: 'https://evil.example' })).status).toBe(403);
    } finally {
      await serving?.stop();
      serving = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
