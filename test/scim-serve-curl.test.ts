/**
 * `sync-harness serve --provider scim` as a real process driven by curl: the ready line, users and groups
 * paged by startIndex/count under the served root, a filter, SCIM errors on the wire, faults set through
 * the admin API, and the journal flushed on SIGTERM. PATCH is refused unless `serve --write-back`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyLine, spawnCli, type Spawned } from './support/cli.js';

const run = promisify(execFile);
const curl = async (...args: string[]) => (await run('curl', ['-sS', '--max-time', '10', ...args])).stdout;

/** Body, status and content type of one curl call. */
async function curlFull(...args: string[]): Promise<{ status: number; contentType: string; headers: string; body: string }> {
  const out = await curl('-D', '-', '-w', '\n%{http_code} %{content_type}', ...args);
  const lastBreak = out.lastIndexOf('\n');
  const [code, ...type] = out.slice(lastBreak + 1).split(' ');
  const split = out.indexOf('\r\n\r\n');
  return { status: Number(code), contentType: type.join(' '), headers: out.slice(0, split), body: out.slice(split + 4, lastBreak) };
}

interface ListResponse {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: Array<{ id: string; meta: { location: string }; members?: Array<{ $ref: string; type: string }> }>;
}

describe('serve --provider scim', () => {
  let dir: string;
  let spawned: Spawned;
  let ready: { provider: string; baseUrl: string; credentials: { token: string; baseUrl: string } };
  let auth: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-scim-'));
    spawned = spawnCli(['serve', '--provider', 'scim', '--users', '25', '--groups', '5', '--seed', '5', '--journal', join(dir, 'journal.jsonl')]);
    ready = JSON.parse(await readyLine(spawned));
    auth = ['-H', `Authorization: Bearer ${ready.credentials.token}`];
  });
  afterAll(() => {
    spawned.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every page of a listing, `count` at a time, until startIndex passes totalResults. */
  async function pageAll(resource: string, count: number): Promise<ListResponse[]> {
    const pages: ListResponse[] = [];
    for (let startIndex = 1; ; startIndex += count) {
      const page = JSON.parse(
        await curl(`${ready.credentials.baseUrl}/${resource}?startIndex=${startIndex}&count=${count}`, ...auth),
      ) as ListResponse;
      expect(page.startIndex).toBe(startIndex);
      expect(page.itemsPerPage).toBe(page.Resources.length);
      pages.push(page);
      if (startIndex + count > page.totalResults) return pages;
    }
  }

  it('prints one ready line with the SCIM root under the loopback base and a bearer token', () => {
    expect(ready.provider).toBe('scim');
    expect(ready.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.credentials).toEqual({ token: expect.stringMatching(/^scim_[\w-]{40}$/), baseUrl: `${ready.baseUrl}/scim/v2` });
  });

  it('pages every user with startIndex/count; locations point at the served root', async () => {
    const pages = await pageAll('Users', 10);
    expect(pages.map((p) => p.itemsPerPage)).toEqual([10, 10, 5]);
    const users = pages.flatMap((p) => p.Resources);
    expect(new Set(users.map((u) => u.id)).size).toBe(25);
    expect(users.every((u) => u.meta.location === `${ready.credentials.baseUrl}/Users/${u.id}`)).toBe(true);
    const tenant = JSON.parse(await curl(`${ready.baseUrl}/__harness/tenant`));
    expect(tenant.counts.users).toBe(25);

    const one = JSON.parse(await curl(users[3]!.meta.location, ...auth));
    expect(one.id).toBe(users[3]!.id);
    const filtered = JSON.parse(
      await curl('-G', `${ready.credentials.baseUrl}/Users`, '--data-urlencode', `filter=userName eq "${one.userName.toUpperCase()}"`, ...auth),
    ) as ListResponse;
    expect(filtered.Resources.map((u) => u.id)).toEqual([one.id]);
  });

  it('pages groups two at a time with members inline', async () => {
    const pages = await pageAll('Groups', 2);
    expect(pages).toHaveLength(3);
    const groups = pages.flatMap((p) => p.Resources);
    expect(groups).toHaveLength(5);
    const refs = groups.flatMap((g) => g.members ?? []);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((m) => m.$ref.startsWith(`${ready.credentials.baseUrl}/${m.type}s/`))).toBe(true);
  });

  it('answers without a token with 401, application/scim+json and a string status', async () => {
    const response = await curlFull(`${ready.credentials.baseUrl}/Users`);
    expect(response.status).toBe(401);
    expect(response.contentType).toBe('application/scim+json; charset=utf-8');
    expect(response.headers.toLowerCase()).toContain('www-authenticate: bearer realm="127.0.0.1:');
    expect(JSON.parse(response.body)).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
  });

  it('refuses PATCH with 403 without --write-back', async () => {
    const groups = JSON.parse(await curl(`${ready.credentials.baseUrl}/Groups?count=1&excludedAttributes=members`, ...auth)) as ListResponse;
    const body = JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'remove', path: 'members' }] });
    const response = await curlFull(
      '-X',
      'PATCH',
      `${ready.credentials.baseUrl}/Groups/${groups.Resources[0]!.id}`,
      '-H',
      'Content-Type: application/scim+json',
      '--data',
      body,
      ...auth,
    );
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ status: '403' });
  });

  it('throttles in SCIM form once a fault is set through the admin API', async () => {
    await curl('-X', 'PUT', `${ready.baseUrl}/__harness/faults`, '--data', '["throttle:route=scim.users.list,retry-after=3"]');
    const throttled = await curlFull(`${ready.credentials.baseUrl}/Users?count=1`, ...auth);
    await curl('-X', 'PUT', `${ready.baseUrl}/__harness/faults`, '--data', '[]');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.toLowerCase()).toContain('retry-after: 3');
    expect(JSON.parse(throttled.body)).toMatchObject({ status: '429' });
    expect((await curlFull(`${ready.credentials.baseUrl}/Users?count=1`, ...auth)).status).toBe(200);
  });

  it('stops on SIGTERM with exit 0 and a journal of the SCIM calls without the token', async () => {
    spawned.child.kill('SIGTERM');
    const result = await spawned.done;
    expect(result.code).toBe(0);
    const journal = readFileSync(join(dir, 'journal.jsonl'), 'utf8');
    const entries = journal
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { route?: string; status: number; items?: number; fault?: string });
    expect(
      entries
        .filter((e) => e.route === 'scim.users.list' && e.status === 200)
        .slice(0, 3)
        .map((e) => e.items),
    ).toEqual([10, 10, 5]);
    expect(entries.some((e) => e.route === 'scim.users.list' && e.status === 429 && e.fault?.startsWith('throttle'))).toBe(true);
    expect(journal).not.toContain(ready.credentials.token);
  });
});

describe('serve --provider scim --write-back', () => {
  let spawned: Spawned;
  let ready: { credentials: { token: string; baseUrl: string } };

  beforeAll(async () => {
    spawned = spawnCli(['serve', '--provider', 'scim', '--users', '10', '--groups', '3', '--write-back', '--journal', '/dev/null']);
    ready = JSON.parse(await readyLine(spawned));
  });
  afterAll(() => {
    spawned.child.kill('SIGKILL');
  });

  it('applies a PATCH that removes every member, and the group reads back empty', async () => {
    const auth = ['-H', `Authorization: Bearer ${ready.credentials.token}`];
    const groups = JSON.parse(await curl(`${ready.credentials.baseUrl}/Groups?count=3`, ...auth)) as ListResponse;
    const group = groups.Resources.find((g) => (g.members ?? []).length > 0)!;
    expect(group).toBeDefined();
    const body = JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'remove', path: 'members' }] });
    const response = await curlFull(
      '-X',
      'PATCH',
      `${ready.credentials.baseUrl}/Groups/${group.id}`,
      '-H',
      'Content-Type: application/scim+json',
      '--data',
      body,
      ...auth,
    );
    expect(response.status).toBe(204);
    const after = JSON.parse(await curl(`${ready.credentials.baseUrl}/Groups/${group.id}`, ...auth)) as { members?: unknown[] };
    expect(after.members ?? []).toEqual([]);
  });
});
