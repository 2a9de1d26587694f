/**
 * Request bodies are capped (1 MiB; Graph 4 MiB, its documented limit) and refused with 413 in each
 * provider's own error shape. A declared Content-Length over the cap is refused before any of the body is
 * read; a chunked body is read only up to the cap; a request refused by its auth check first (SCIM PATCH
 * with a bad token) is answered without reading the body at all. The same holds over sockets and in process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimEnv } from '../../harness/run/sim-env.js';
import { serveProviders, type Serving } from '../../harness/serve/serve-providers.js';
import { resolveShape } from '../../mocks/tenant/shape.js';
import { createTenant } from '../../mocks/tenant/store.js';
import { CURL, describeWithTools } from '../support/system-tools.js';

const MiB = 1024 * 1024;

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Body bytes the server had taken off the socket's send buffer when its answer arrived. */
  sentBeforeAnswer: number;
}

/**
 * Streams `total` bytes of generated body (chunked unless `declared` is given), writing only as the server
 * drains the socket, and stops as soon as an answer arrives: nothing big is ever allocated here.
 */
function stream(url: string, method: string, headers: Record<string, string>, total: number, declared?: number): Promise<Sent> {
  const target = new URL(url);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        headers: declared === undefined ? headers : { ...headers, 'content-length': String(declared) },
      },
      (res) => {
        answered = true;
        const sentBeforeAnswer = sent;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentBeforeAnswer });
          req.destroy();
        });
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request body bounds over sockets', () => {
  let serving: Serving;
  let base: string;
  let entra: { authority: string; graphBase: string };
  let scim: { baseUrl: string; token: string };
  let googleToken: string;

  beforeAll(async () => {
    serving = await serveProviders({
      providers: ['entra', 'google', 'aws', 'scim'],
      tenant: () => createTenant({ seed: 4, users: 5 }),
      seed: 4,
      faults: [],
      writeBack: true,
    });
    base = serving.address;
    const creds = (name: string) =>
      (serving.ready as { providers: Array<{ provider: string; credentials: Record<string, unknown> }> }).providers.find((p) => p.provider === name)!
        .credentials;
    entra = creds('entra') as typeof entra;
    scim = creds('scim') as typeof scim;
    googleToken = (creds('google').serviceAccountKey as { token_uri: string }).token_uri;
  });
  afterAll(async () => serving.stop());

  it('a 500 MB declared POST to the Entra token endpoint is refused at once, unread, in eSTS JSON', async () => {
    const sent = await stream(
      `${entra.authority}/oauth2/v2.0/token`,
      'POST',
      { 'content-type': 'application/x-www-form-urlencoded' },
      8 * MiB,
      500 * 1024 * MiB,
    );
    expect(sent.status).toBe(413);
    const body = JSON.parse(sent.body) as { error: string; error_codes: number[]; error_description: string };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(/^AADSTS50000: .*larger than 1048576 bytes/);
    expect(sent.headers.connection).toBe('close');
    expect(sent.sentBeforeAnswer).toBeLessThan(8 * MiB);
  });

  it('a 64 MB chunked POST to the token endpoint stops being read past the cap, and the server stays small', async () => {
    const rssBefore = process.memoryUsage().rss;
    const sent = await stream(`${entra.authority}/oauth2/v2.0/token`, 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, 64 * MiB);
    expect(sent.status).toBe(413);
    // The cap plus what the kernel's socket buffers hold; reading everything would be the whole 64 MB.
    expect(sent.sentBeforeAnswer).toBeLessThan(16 * MiB);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(48 * MiB);
  });

  it('a SCIM PATCH with a bad token gets 401 without its 64 MB body being read', async () => {
    const sent = await stream(
      `${scim.baseUrl}/Groups/some-id`,
      'PATCH',
      { authorization: 'Bearer wrong', 'content-type': 'application/scim+json' },
      64 * MiB,
    );
    expect(sent.status).toBe(401);
    expect(sent.body).toMatch(/urn:ietf:params:scim:api:messages:2\.0:Error/);
    expect(sent.sentBeforeAnswer).toBeLessThan(16 * MiB);
  });

  it.each([
    [
      'SCIM',
      () => `${scim.baseUrl}/Groups/some-id`,
      'PATCH',
      {},
      2 * MiB,
      (b: string) => expect(JSON.parse(b)).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '413' }),
    ],
    [
      'Graph',
      () => `${entra.graphBase}/v1.0/groups/g1/members/$ref`,
      'POST',
      {},
      5 * MiB,
      (b: string) => expect(JSON.parse(b).error.code).toBe('RequestEntityTooLarge'),
    ],
    [
      'Google Directory',
      () => `${base}/admin/directory/v1/groups/g1/members`,
      'POST',
      {},
      2 * MiB,
      (b: string) => expect(JSON.parse(b).error).toMatchObject({ code: 413, errors: [{ reason: 'badRequest' }] }),
    ],
    ['Google OAuth', () => googleToken, 'POST', {}, 2 * MiB, (b: string) => expect(JSON.parse(b)).toMatchObject({ error: 'invalid_request' })],
    [
      'IAM (Query XML)',
      () => `${base}/`,
      'POST',
      { 'content-type': 'application/x-www-form-urlencoded' },
      2 * MiB,
      (b: string) => expect(b).toMatch(/<ErrorResponse[\s\S]*<Code>RequestEntityTooLarge<\/Code>/),
    ],
    [
      'Identity Store (JSON)',
      () => `${base}/`,
      'POST',
      { 'x-amz-target': 'AWSIdentityStore.ListUsers', 'content-type': 'application/x-amz-json-1.1' },
      2 * MiB,
      (b: string) => expect(JSON.parse(b).__type).toMatch(/RequestEntityTooLargeException/),
    ],
  ] as const)('%s answers an oversized declared body with its own 413, before its auth check', async (_name, url, method, headers, size, check) => {
    const declared = await stream(url(), method, { ...headers }, size, size);
    expect(declared.status).toBe(413);
    check(declared.body);
  });

  // These read the body to authenticate (the token form, the SigV4 payload hash), so a chunked body meets the cap.
  it.each([
    ['Google OAuth', () => googleToken, {}, (b: string) => expect(JSON.parse(b)).toMatchObject({ error: 'invalid_request' })],
    [
      'IAM (Query XML)',
      () => `${base}/`,
      { 'content-type': 'application/x-www-form-urlencoded' },
      (b: string) => expect(b).toMatch(/<Code>RequestEntityTooLarge<\/Code>/),
    ],
    [
      'Identity Store (JSON)',
      () => `${base}/`,
      { 'x-amz-target': 'AWSIdentityStore.ListUsers', 'content-type': 'application/x-amz-json-1.1' },
      (b: string) => expect(JSON.parse(b).__type).toMatch(/RequestEntityTooLargeException/),
    ],
  ] as const)('%s answers an oversized chunked body with its 413, having read only up to the cap', async (_name, url, headers, check) => {
    const sent = await stream(url(), 'POST', { ...headers }, 64 * MiB);
    expect(sent.status).toBe(413);
    check(sent.body);
    expect(sent.sentBeforeAnswer).toBeLessThan(16 * MiB);
  });

  it('SCIM with a valid token reads a chunked PATCH only up to the cap, then answers its 413', async () => {
    const groups = await fetch(`${scim.baseUrl}/Groups?count=1`, { headers: { authorization: `Bearer ${scim.token}` } });
    const id = ((await groups.json()) as { Resources: Array<{ id: string }> }).Resources[0]!.id;
    const sent = await stream(
      `${scim.baseUrl}/Groups/${id}`,
      'PATCH',
      { authorization: `Bearer ${scim.token}`, 'content-type': 'application/scim+json' },
      64 * MiB,
    );
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body)).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '413' });
    expect(sent.sentBeforeAnswer).toBeLessThan(16 * MiB);
  });

  it('a body within the cap is still served (the token endpoint answers its usual 400 for a bad form)', async () => {
    const sent = await stream(`${entra.authority}/oauth2/v2.0/token`, 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, 512 * 1024);
    expect(sent.status).toBe(400);
  });
});

describe('request body bounds in process (builtin connectors)', () => {
  it('a streamed 64 MB body to the token endpoint is refused with 413 after about 1 MiB is pulled', async () => {
    const env = await createSimEnv({
      provider: 'entra',
      shape: resolveShape({ seed: 4, users: 3 }),
      faults: [],
      settings: {},
      serving: 'in-process',
    });
    try {
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 64 * MiB) return controller.close();
          pulled += 64 * 1024;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      });
      const authority = String(env.credentials.authority ?? `${env.baseUrl}/${String(env.credentials.tenantId)}`);
      const response = await env.fetch(`${authority}/oauth2/v2.0/token`, { method: 'POST', body, duplex: 'half' } as RequestInit);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error_description: string }).error_description).toMatch(/^AADSTS50000/);
      expect(pulled).toBeLessThan(4 * MiB);
    } finally {
      await env.close();
    }
  });
});

/** curl's HTTP status and body, streaming a generated body from stdin (chunked) so nothing big sits in a file. */
function curlStreaming(args: string[], bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      CURL,
      ['-sS', '--max-time', '20', '-w', '\n%{http_code}', '-H', 'Transfer-Encoding: chunked', '--data-binary', '@-', ...args],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.on('error', reject);
    child.on('close', () => {
      const split = out.lastIndexOf('\n');
      resolve({ status: Number(out.slice(split + 1)), body: out.slice(0, split) });
    });
    const chunk = Buffer.alloc(64 * 1024, 'b');
    let sent = 0;
    child.stdin.on('error', () => {}); // curl stops reading once answered
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!child.stdin.write(chunk)) return void child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    pump();
  });
}

describeWithTools('request body bounds through the proxy and over TLS (curl)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sync-harness-body-bounds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The client is still sending when the 413 comes: the lingering close (mocks/serve/lingering-close.ts) is
  // what lets it read the answer instead of meeting a reset.
  it.each([['proxy'], ['tls']] as const)('%s: a 32 MB chunked token request is refused with 413 in eSTS JSON', async (mode) => {
    const serving = await serveProviders({
      providers: ['entra'],
      tenant: () => createTenant({ seed: 4, users: 3 }),
      seed: 4,
      faults: [],
      mode,
      tlsDir: join(dir, mode),
    });
    try {
      const { tenantId, authority } = (serving.ready as { credentials: { tenantId: string; authority: string } }).credentials;
      const args =
        mode === 'proxy'
          ? ['--proxy', serving.address, '--cacert', String(serving.ready.caCert), `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`]
          : ['--cacert', String(serving.ready.caCert), `${authority}/oauth2/v2.0/token`];
      const answer = await curlStreaming(args, 32 * MiB);
      expect(answer.status).toBe(413);
      expect((JSON.parse(answer.body) as { error_description: string }).error_description).toMatch(/^AADSTS50000: .*larger than 1048576 bytes/);
    } finally {
      await serving.stop();
    }
  });
}, [CURL]);
