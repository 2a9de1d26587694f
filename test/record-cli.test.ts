/**
 * `sync-harness record` end to end: the reference connector runs as an unmodified process through the
 * recording proxy, with a loopback `serve` standing in for the real service behind it, given serve's
 * ready line as it was printed. The recording is
 * sanitized (no secret in any form, no real id or name), replays to the same sync once the ids are mapped
 * back, and `serve --replay` serves it to anyone else, with faults on top.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanForSecrets, secretsOfRun } from '../harness/record/index.js';
import { serveProviders, type Serving } from '../harness/serve/serve-providers.js';
import { createTenant } from '../mocks/tenant/store.js';
import { builtCli, readyLine, runCli, spawnCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'record-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/;

for (const provider of ['entra', 'google'] as const) {
  describe(`record --provider ${provider}`, () => {
    let upstream: Serving;
    let credentials: Record<string, unknown>;
    let out: string;
    let result: Awaited<ReturnType<typeof runCli>>;
    beforeAll(async () => {
      upstream = await serveProviders({
        providers: [provider],
        tenant: () => createTenant({ seed: 21, users: 40, groups: 5 }),
        seed: 21,
        faults: [],
      });
      credentials = (upstream.ready as { credentials: Record<string, unknown> }).credentials;
      // serve's ready line as it printed it: record moves its loopback URLs to the real hosts itself.
      const credentialsFile = join(dir, `${provider}-ready.json`);
      writeFileSync(credentialsFile, `${JSON.stringify(upstream.ready)}\n`);
      out = join(dir, provider);
      const connector = [
        process.execPath,
        builtCli(),
        'connector',
        provider,
        '--credentials',
        '{credentialsFile}',
        '--file',
        '{output}',
        '--log-format',
        'json',
      ];
      // Without --upstream, the ready line's own base URL is the stand-in.
      const stand = provider === 'entra' ? ['--upstream', upstream.address] : [];
      result = await runCli([
        'record',
        '--provider',
        provider,
        '--credentials',
        credentialsFile,
        ...stand,
        '--out',
        out,
        '--name',
        'ticket-42',
        '-o',
        'json',
        '--',
        ...connector,
      ]);
    }, 120_000);
    afterAll(() => upstream.stop());

    it('records through the proxy, and the replay syncs the same once ids are mapped back', () => {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as {
        exchanges: number;
        problems: string[];
        connector: { outcome: string };
        replay: { matches: boolean; totals: Record<string, { added: number; removed: number; changed: number; base: number }> };
      };
      expect(summary.connector.outcome).toBe('succeeded');
      expect(summary.exchanges).toBeGreaterThan(5);
      expect(summary.problems).toEqual([]);
      expect(summary.replay.matches).toBe(true);
      for (const counts of Object.values(summary.replay.totals)) expect([counts.added, counts.removed, counts.changed]).toEqual([0, 0, 0]);
      expect(summary.replay.totals.resources!.base).toBeGreaterThanOrEqual(45);
      // What the stand-in served is what the connector asked for: every request went through.
      expect(upstream.ctx.journal.all().filter((e) => e.status >= 400)).toEqual([]);
    });

    it('keeps the identity mapping and the real sync private, out of the shareable fixtures', () => {
      expect(statSync(join(out, 'private')).mode & 0o777).toBe(0o700);
      expect(statSync(join(out, 'private', 'ticket-42.identity-map.json')).mode & 0o777).toBe(0o600);
      const har = readFileSync(join(out, 'ticket-42.har'), 'utf8');
      const user = upstream.ctx.tenant.users({ limit: 5 }).items[3]!;
      const id = provider === 'entra' ? user.objectId : user.googleId;
      // The connector saw this user: its id is in the private mapping, and nowhere in the fixture.
      expect(readFileSync(join(out, 'private', 'ticket-42.identity-map.json'), 'utf8')).toContain(id);
      expect(har).not.toContain(id);
      expect(har).not.toContain(user.displayName);
      expect(har).not.toContain(user.mail);
      expect(JSON.parse(har)).toMatchObject({ log: { version: '1.2' } });
    });

    it('leaves no secret of the run in the fixtures, in any form', async () => {
      const files = [join(out, 'ticket-42.har'), join(out, 'ticket-42.nock.json')];
      const scan = await scanForSecrets(secretsOfRun(credentials), files);
      expect(scan.filesScanned).toBe(2);
      expect(scan.findings).toEqual([]);
      // Tokens the run was issued are not known here; no token-shaped text survives at all.
      for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(JWT);
    });
  });
}

describe('record with a client that strays', () => {
  it('records what reached the provider, and names the host it refused', async () => {
    const upstream = await serveProviders({
      providers: ['entra'],
      tenant: () => createTenant({ seed: 2, users: 3, groups: 1 }),
      seed: 2,
      faults: [],
    });
    try {
      // curl honours HTTPS_PROXY and SSL_CERT_FILE as they are, like a Go connector.
      const command = ['sh', '-c', 'curl -s https://graph.microsoft.com/v1.0/users >/dev/null; curl -s https://example.org/ >/dev/null; exit 0'];
      const result = await runCli([
        'record',
        '--provider',
        'entra',
        '--upstream',
        upstream.address,
        '--out',
        join(dir, 'stray'),
        '--name',
        'stray',
        '-o',
        'json',
        '--',
        ...command,
      ]);
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as { exchanges: number; problems: string[]; files: { recordedSync?: string } };
      expect(summary.exchanges).toBe(1);
      expect(summary.problems).toEqual([expect.stringMatching(/^sync-harness proxy: refusing example\.org:443: not a simulated host/)]);
      expect(summary.files.recordedSync).toBeUndefined();
    } finally {
      await upstream.stop();
    }
  });
});

describe('serve --replay', () => {
  it('serves a recording on a base URL, answering what was recorded and refusing the rest loudly, with faults on top', async () => {
    const har = join(dir, 'entra', 'ticket-42.har');
    const spawned = spawnCli([
      'serve',
      '--replay',
      har,
      '--fault',
      'server-error:route=replay.*,every=2,status=503',
      '--journal',
      join(dir, 'replay', 'journal.jsonl'),
    ]);
    try {
      const ready = JSON.parse(await readyLine(spawned)) as { provider: string; baseUrl: string; credentials: { providers: string[] } };
      expect(ready.provider).toBe('replay');
      const recorded = (
        JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: Array<{ request: { method: string; url: string } }> } }
      ).log.entries.find((e) => e.request.method === 'GET')!;
      const path = new URL(recorded.request.url);
      const get = (url: string) =>
        new Promise<number>((resolve) =>
          execFile('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', url], (_e, stdout) => resolve(Number(stdout))),
        );
      const first = await get(`${ready.baseUrl}${path.pathname}${path.search}`);
      const second = await get(`${ready.baseUrl}${path.pathname}${path.search}`);
      expect([first, second]).toEqual([200, 503]);
      expect(await get(`${ready.baseUrl}/v1.0/never-recorded`)).toBe(404);
    } finally {
      spawned.child.kill('SIGTERM');
      await spawned.done;
    }
  });

  it('serves a recording at the real host names behind --proxy', async () => {
    const har = join(dir, 'google', 'ticket-42.har');
    const spawned = spawnCli(['serve', '--replay', har, '--proxy', '--journal', join(dir, 'replay-proxy', 'journal.jsonl')]);
    try {
      const ready = JSON.parse(await readyLine(spawned)) as { proxyUrl: string; caCert: string; hosts: string[] };
      expect(ready.hosts).toEqual(expect.arrayContaining(['oauth2.googleapis.com', 'admin.googleapis.com']));
      const recorded = (
        JSON.parse(readFileSync(har, 'utf8')) as {
          log: { entries: Array<{ request: { method: string; url: string }; response: { status: number } }> };
        }
      ).log.entries.find((e) => e.request.method === 'GET')!;
      const status = await new Promise<number>((resolve) =>
        execFile(
          'curl',
          ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--proxy', ready.proxyUrl, '--cacert', ready.caCert, recorded.request.url],
          (_e, stdout) => resolve(Number(stdout)),
        ),
      );
      expect(status).toBe(recorded.response.status);
    } finally {
      spawned.child.kill('SIGTERM');
      await spawned.done;
    }
  });

  it('says what is wrong with a file that is not a recording', async () => {
    const bad = join(dir, 'not-a-recording.json');
    writeFileSync(bad, '{"hello": 1}');
    const result = await runCli(['serve', '--replay', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sync-harness: --replay .*not-a-recording\.json: /);
  });
});
