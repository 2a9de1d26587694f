/**
 * Loopback `serve` throughput on a 100-user Graph page against a bare node:http server returning the same
 * pre-rendered bytes, 32 keep-alive connections, both in child processes, measured in the same run.
 * Target (issue 3): at least 0.2x the bare server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { load } from './load.js';

const CLI = resolve(import.meta.dirname, '../dist/harness/cli/main.js');

export async function benchServeThroughput(seconds = 5) {
  const serve = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      CLI,
      'serve',
      '--provider',
      'entra',
      '--users',
      '2000',
      '--journal',
      '/dev/null',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const ready = JSON.parse(await firstLine(serve)) as {
      baseUrl: string;
      credentials: { tenantId: string; clientId: string; clientSecret: string };
    };
    const token = await accessToken(ready);
    const pageUrl = `${ready.baseUrl}/v1.0/users?$top=100`;
    const headers = { authorization: `Bearer ${token}` };
    const sample = await fetch(pageUrl, { headers });
    const body = Buffer.from(await sample.arrayBuffer());
    const contentType = sample.headers.get('content-type') ?? 'application/json';
    const bare = await bareServer(body, contentType);
    try {
      const baseline = await load(bare.url, { seconds });
      const ours = await load(pageUrl, { seconds, headers });
      return {
        name: 'serve: Graph /v1.0/users?$top=100 over loopback, 32 connections',
        pageBytes: body.length,
        baseline,
        ours,
        ratio: ours.perSecond / baseline.perSecond,
        target: 0.2,
      };
    } finally {
      bare.close();
    }
  } finally {
    serve.kill('SIGTERM');
  }
}

/** The bare baseline runs in its own process too, so neither side shares a core with the load generator. */
async function bareServer(body: Buffer, contentType: string): Promise<{ url: string; close(): void }> {
  const source = `
    const { createServer } = require('node:http');
    const body = Buffer.from(${JSON.stringify(body.toString('base64'))}, 'base64');
    const server = createServer((req, res) => { res.writeHead(200, { 'content-type': ${JSON.stringify(contentType)}, 'content-length': body.length }); res.end(body); });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = Number(await firstLine(child));
  return { url: `http://127.0.0.1:${port}/`, close: () => child.kill('SIGTERM') };
}

async function accessToken(ready: { baseUrl: string; credentials: { tenantId: string; clientId: string; clientSecret: string } }): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: ready.credentials.clientId,
    client_secret: ready.credentials.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
  const response = await fetch(`${ready.baseUrl}/${ready.credentials.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
  return ((await response.json()) as { access_token: string }).access_token;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end >= 0) resolvePromise(text.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before printing its ready line`)));
  });
}
