/**
 * curl through `serve --proxy` reaches every simulated provider's real host name, trusting only the run's
 * CA (`--cacert`); without it curl stops at its certificate error, and a host nothing simulates is refused
 * at CONNECT. `serve --tls` is the same CA on a loopback base URL. The handshakes a client broke off and the
 * refused hosts are journaled, so a run's journal says why a connector never got its first page.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalEntry } from '../mocks/core/journal.js';
import { serveProviders, type Serving } from '../harness/serve/serve-providers.js';
import { createTenant } from '../mocks/tenant/store.js';
import { readyLine, spawnCli } from './support/cli.js';
import { CURL, describeWithTools } from './support/system-tools.js';

interface Curl {
  code: number;
  status: number;
  body: string;
  stderr: string;
}

/** curl's exit code, the HTTP status and the body; never throws, since the failures are what is tested. */
function curl(...args: string[]): Promise<Curl> {
  return new Promise((resolve) => {
    execFile(CURL, ['-sS', '--max-time', '10', '-w', '\n%{http_code}', ...args], (error, stdout, stderr) => {
      const split = stdout.lastIndexOf('\n');
      resolve({
        code: error ? Number((error as { code?: number }).code ?? 1) : 0,
        status: Number(stdout.slice(split + 1)),
        body: stdout.slice(0, split),
        stderr,
      });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'serve-proxy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWithTools('serve --proxy with curl', () => {
  let serving: Serving;
  let via: string[];
  const journal = () => serving.ctx.journal.all() as JournalEntry[];
  beforeAll(async () => {
    serving = await serveProviders({
      providers: ['entra', 'google', 'aws', 'scim'],
      tenant: () => createTenant({ seed: 3, users: 12, groups: 3 }),
      seed: 3,
      faults: [],
      mode: 'proxy',
      tlsDir: join(dir, 'proxy-tls'),
      scimHost: 'scim.acme.test',
    });
    via = ['--proxy', serving.address, '--cacert', String(serving.ready.caCert)];
  });
  afterAll(() => serving.stop());

  const credentialsOf = (name: string) => serving.served.find((s) => s.name === name)!.provider.credentials as Record<string, string>;

  it('answers Entra at login.microsoftonline.com and graph.microsoft.com', async () => {
    const entra = credentialsOf('entra');
    const token = await curl(
      ...via,
      `https://login.microsoftonline.com/${entra.tenantId}/oauth2/v2.0/token`,
      '-d',
      'grant_type=client_credentials',
      '-d',
      `client_id=${entra.clientId}`,
      '--data-urlencode',
      `client_secret=${entra.clientSecret}`,
      '-d',
      'scope=https://graph.microsoft.com/.default',
    );
    expect(token, token.stderr).toMatchObject({ code: 0, status: 200 });
    const { access_token } = JSON.parse(token.body) as { access_token: string };
    const users = await curl(...via, '-H', `Authorization: Bearer ${access_token}`, 'https://graph.microsoft.com/v1.0/users?$top=5');
    expect(users).toMatchObject({ code: 0, status: 200 });
    expect((JSON.parse(users.body) as { value: unknown[] }).value).toHaveLength(5);
  });

  it("answers Google at oauth2.googleapis.com and admin.googleapis.com, in Google's error shapes", async () => {
    const token = await curl(
      ...via,
      'https://oauth2.googleapis.com/token',
      '-d',
      'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer',
      '-d',
      'assertion=not-a-jwt',
    );
    expect(token).toMatchObject({ code: 0, status: 400 });
    expect(JSON.parse(token.body)).toMatchObject({ error: 'invalid_request', error_description: 'Invalid JWT format.' });
    const users = await curl(...via, 'https://admin.googleapis.com/admin/directory/v1/users?customer=my_customer');
    expect(users).toMatchObject({ code: 0, status: 401 });
    expect(JSON.parse(users.body)).toMatchObject({ error: { code: 401 } });
  });

  it('answers AWS at iam, sts and the regional identitystore host, refusing unsigned calls as AWS does', async () => {
    for (const [host, call] of [
      ['iam.amazonaws.com', 'Action=ListUsers&Version=2010-05-08'],
      ['sts.amazonaws.com', 'Action=GetCallerIdentity&Version=2011-06-15'],
    ] as const) {
      const answer = await curl(...via, `https://${host}/`, '-d', call);
      expect(answer.code, host).toBe(0);
      expect([400, 403], host).toContain(answer.status);
      expect(answer.body, host).toMatch(/<ErrorResponse[^>]*>[\s\S]*<Code>(MissingAuthenticationToken|IncompleteSignature)<\/Code>/);
    }
    const store = await curl(
      ...via,
      'https://identitystore.us-east-1.amazonaws.com/',
      '-H',
      'x-amz-target: AWSIdentityStore.ListUsers',
      '-H',
      'content-type: application/x-amz-json-1.1',
      '-d',
      '{}',
    );
    expect(store.code).toBe(0);
    expect(store.status).toBeGreaterThanOrEqual(400);
    expect(store.body).toMatch(/__type|message/i);
  });

  it('answers SCIM at the host it was given', async () => {
    const scim = credentialsOf('scim');
    expect(scim.baseUrl).toMatch(/^https:\/\/scim\.acme\.test\//);
    const users = await curl(...via, '-H', `Authorization: Bearer ${scim.token}`, `${scim.baseUrl}/Users?count=3`);
    expect(users).toMatchObject({ code: 0, status: 200 });
    expect(JSON.parse(users.body)).toMatchObject({ totalResults: 12, itemsPerPage: 3 });
  });

  it('journals each request with the provider that answered, arriving through the tunnel', () => {
    const providers = new Set(
      journal()
        .filter((e) => e.route)
        .map((e) => e.provider),
    );
    expect([...providers].sort()).toEqual(['aws', 'entra', 'google', 'scim']);
    expect(journal().filter((e) => e.route && !e.peer?.startsWith('127.0.0.1:'))).toEqual([]);
  });

  it('fails curl with its certificate error when the CA is not trusted, and journals the broken handshake', async () => {
    const before = journal().length;
    const answer = await curl('--proxy', serving.address, 'https://graph.microsoft.com/v1.0/users');
    expect(answer.code).toBe(60);
    expect(answer.stderr).toMatch(/SSL certificate problem: unable to get local issuer certificate/);
    const broken = journal()
      .slice(before)
      .find((e) => e.transportError);
    expect(broken).toMatchObject({ provider: 'entra', method: 'TLS' });
    expect(broken!.transportError).toMatch(/graph\.microsoft\.com.*does not trust the certificate/);
  });

  it('refuses a host nothing simulates at CONNECT, naming it, and forwards nothing', async () => {
    const answer = await curl(...via, 'https://api.github.com/');
    expect(answer.code).toBe(56);
    expect(answer.stderr).toMatch(/CONNECT tunnel failed, response 403/);
    const refusal = journal().at(-1)!;
    expect(refusal).toMatchObject({ method: 'CONNECT', status: 403 });
    expect(refusal.transportError).toMatch(/refusing api\.github\.com:443: not a simulated host .*graph\.microsoft\.com/);
  });

  it('explains itself to a plain HTTP request sent to the proxy as if it were a server', async () => {
    const answer = await curl(`${serving.address}/v1.0/users`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/only HTTPS through CONNECT .*HTTPS_PROXY=http:\/\/127\.0\.0\.1:\d+/);
  });

  it('writes the CA certificate and nothing else: its key never leaves the process', () => {
    expect(readdirSync(join(dir, 'proxy-tls'))).toEqual(['ca.pem']);
  });
}, [CURL]);

describeWithTools('serve --tls with curl', () => {
  let serving: Serving;
  beforeAll(async () => {
    serving = await serveProviders({
      providers: ['scim'],
      tenant: () => createTenant({ seed: 4, users: 6, groups: 2 }),
      seed: 4,
      faults: [],
      mode: 'tls',
      tlsDir: join(dir, 'tls'),
    });
  });
  afterAll(() => serving.stop());

  it('serves HTTPS on 127.0.0.1 to a client trusting the run CA, and fails one that does not', async () => {
    expect(serving.address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { credentials, caCert } = serving.ready as { credentials: { token: string; baseUrl: string }; caCert: string };
    const trusted = await curl('--cacert', caCert, '-H', `Authorization: Bearer ${credentials.token}`, `${credentials.baseUrl}/Users?count=2`);
    expect(trusted, trusted.stderr).toMatchObject({ code: 0, status: 200 });
    const untrusted = await curl(`${credentials.baseUrl}/Users`);
    expect(untrusted.code).toBe(60);
    expect(serving.ctx.journal.all().at(-1)!.transportError).toMatch(/does not trust the certificate/);
  });
}, [CURL]);

describeWithTools('sync-harness serve --proxy (the command)', () => {
  it('prints proxyUrl and caCert on its ready line, never the CA key', async () => {
    // No --provider: the proxy answers for every simulated provider's hosts.
    const spawned = spawnCli(['serve', '--proxy', '--journal', join(dir, 'cli', 'journal.jsonl'), '--users', '4', '--groups', '1']);
    try {
      const line = await readyLine(spawned);
      const ready = JSON.parse(line) as { proxyUrl: string; caCert: string; providers: Array<{ provider: string; hosts: string[] }> };
      expect(ready.proxyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.caCert).toBe(join(dir, 'cli', 'ca.pem'));
      expect(ready.providers.map((p) => p.provider)).toEqual(['aws', 'entra', 'google', 'okta', 'scim']);
      expect(ready.providers.flatMap((p) => p.hosts)).toEqual([
        'iam.amazonaws.com',
        'sts.amazonaws.com',
        'identitystore.us-east-1.amazonaws.com',
        'login.microsoftonline.com',
        'graph.microsoft.com',
        'oauth2.googleapis.com',
        'admin.googleapis.com',
        'sync-harness.okta.com',
        'scim.example.test',
      ]);
      // Private keys printed are providers' credentials a connector needs (Google's service account, Okta's
      // service app); outside those, none.
      const { providers, ...rest } = JSON.parse(line) as { providers: { credentials: unknown }[] };
      expect(line).toMatch(/PRIVATE KEY/);
      expect(JSON.stringify([rest, providers.map(({ credentials: _, ...p }) => p)])).not.toMatch(/PRIVATE KEY/);
      const answer = await curl(
        '--proxy',
        ready.proxyUrl,
        '--cacert',
        ready.caCert,
        'https://admin.googleapis.com/admin/directory/v1/users?customer=my_customer',
      );
      expect(answer.status).toBe(401);
      // Okta answers at its org's host.
      expect((await curl('--proxy', ready.proxyUrl, '--cacert', ready.caCert, 'https://sync-harness.okta.com/api/v1/users')).status).toBe(401);
    } finally {
      spawned.child.kill('SIGTERM');
    }
    const { stderr } = await spawned.done;
    expect(stderr).toMatch(/as an HTTPS proxy at http:\/\/127\.0\.0\.1:\d+ \(HTTPS_PROXY=/);
    expect(stderr).not.toMatch(/PRIVATE KEY/);
    expect(readdirSync(join(dir, 'cli'))).not.toContain('ca-key.pem');
  });
}, [CURL]);
