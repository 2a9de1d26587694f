/**
 * `sync-harness serve` as a real process: one JSON ready line, a curl client that gets a token and pages
 * users through the loopback base, an admin API, and a clean exit on SIGTERM with the journal flushed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyLine, spawnCli, type Spawned } from './support/cli.js';

const curl = async (...args: string[]) => (await promisify(execFile)('curl', ['-sS', '--max-time', '10', ...args])).stdout;

describe('serve --provider entra', () => {
  let dir: string;
  let spawned: Spawned;
  let ready: { provider: string; baseUrl: string; credentials: { tenantId: string; clientId: string; clientSecret: string } };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-'));
    spawned = spawnCli(['serve', '--provider', 'entra', '--users', '25', '--seed', '5', '--journal', join(dir, 'journal.jsonl')]);
    ready = JSON.parse(await readyLine(spawned));
  });
  afterAll(() => {
    spawned.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one ready line with a loopback base and the credentials', () => {
    expect(ready.provider).toBe('entra');
    expect(ready.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.credentials).toMatchObject({ tenantId: expect.any(String), clientId: expect.any(String), clientSecret: expect.any(String) });
  });

  it('serves a curl client: token, then every user across pages that link back to the same base', async () => {
    const { baseUrl, credentials } = ready;
    const token = JSON.parse(
      await curl(
        '-X',
        'POST',
        `${baseUrl}/${credentials.tenantId}/oauth2/v2.0/token`,
        '--data-urlencode',
        `client_id=${credentials.clientId}`,
        '--data-urlencode',
        `client_secret=${credentials.clientSecret}`,
        '-d',
        'grant_type=client_credentials',
        '--data-urlencode',
        'scope=https://graph.microsoft.com/.default',
      ),
    ).access_token as string;
    const ids = new Set<string>();
    let next: string | undefined = `${baseUrl}/v1.0/users?$top=10&$select=id`;
    while (next) {
      expect(next.startsWith(`${baseUrl}/`)).toBe(true);
      const page = JSON.parse(await curl('-g', next, '-H', `Authorization: Bearer ${token}`)) as {
        value: Array<{ id: string }>;
        '@odata.nextLink'?: string;
      };
      for (const user of page.value) ids.add(user.id);
      next = page['@odata.nextLink'];
    }
    expect(ids.size).toBe(25);
    const tenant = JSON.parse(await curl(`${baseUrl}/__harness/tenant`));
    expect(tenant.counts.users).toBe(25);
  });

  it('stops on SIGTERM with exit 0, the journal flushed to its file and no secret in it', async () => {
    spawned.child.kill('SIGTERM');
    const result = await spawned.done;
    expect(result.code).toBe(0);
    const journal = readFileSync(join(dir, 'journal.jsonl'), 'utf8');
    const entries = journal
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries[0]).toMatchObject({ seq: 1, route: 'entra.token', status: 200 });
    expect(entries.filter((e) => e.route === 'graph.users.list')).toHaveLength(3);
    expect(journal).not.toContain(ready.credentials.clientSecret);
  });
});
