/**
 * A connector repo's own nock.back fixture (hand-written, test/fixtures/record/entra-nock-back.json: nock's
 * recorder format with a port in the scope, JSON and string answers, flat rawHeaders) replayed for a
 * connector in another process: served by the loopback server under its base URL, the recorded hosts
 * rebased there, page links included, faults layered in Graph's dialect, and anything the fixture lacks
 * answered with a 404 naming the nearest recorded request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSyncFile } from '../c1z/open.js';
import { readFixtures } from '../harness/record/files.js';
import { replayContext, replayProvider } from '../harness/record/replay.js';
import { syncBuiltin } from '../harness/record/run.test-support.js';
import { serveLoopback, type LoopbackServer } from '../mocks/serve/loopback.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/record/entra-nock-back.json');
const TENANT = '11111111-2222-4333-8444-555555555555';

let server: LoopbackServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = dir = undefined;
});

async function serveFixture(faults: string[] = []) {
  const ctx = replayContext({ faults });
  const fixtures = readFixtures(FIXTURE);
  // As `serve --replay` would: the replay as a served provider, every recorded host on the server's base URL.
  server = await serveLoopback({ ctx, handlers: async (baseUrl) => (await replayProvider(fixtures)(ctx, baseUrl)).handlers });
  const credentials = {
    tenantId: TENANT,
    clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    clientSecret: 'whatever-the-test-uses',
    authority: `${server.baseUrl}/${TENANT}`,
    graphBase: server.baseUrl,
  };
  return { ctx, baseUrl: server.baseUrl, credentials };
}

describe('a nock.back fixture from a connector repo, served for replay', () => {
  it('answers on the base URL, with page links rebased there', async () => {
    const { baseUrl } = await serveFixture();
    const response = await fetch(`${baseUrl}/v1.0/users?$top=999&$select=id,displayName,userPrincipalName,mail,accountEnabled,userType`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { '@odata.nextLink': string; value: unknown[] };
    expect(page.value).toHaveLength(2);
    expect(page['@odata.nextLink']).toBe(
      `${baseUrl}/v1.0/users?$select=id,displayName,userPrincipalName,mail,accountEnabled,userType&$top=999&$skiptoken=RFNwdAIAAQAAAA`,
    );
    const second = await fetch(page['@odata.nextLink']);
    expect(((await second.json()) as { value: unknown[] }).value).toHaveLength(1);
  });

  it("is synced by the Entra connector over HTTP, with a fault layered in Graph's dialect", async () => {
    const { ctx, credentials } = await serveFixture(['throttle:every=4']);
    dir = mkdtempSync(join(tmpdir(), 'record-nock-repo-'));
    const output = join(dir, 'replay.c1z');
    const run = await syncBuiltin('entra', credentials, globalThis.fetch, output);
    expect(run.result.outcome).toBe('succeeded');
    const file = await openSyncFile(output);
    try {
      const sync = file.syncs().at(-1)!;
      const scope = { syncId: sync.id };
      expect([...file.rows().resources(scope)].map((r) => r.externalId).sort()).toEqual([
        'group:0b000000-0000-4000-8000-000000000001',
        'user:0a000000-0000-4000-8000-000000000001',
        'user:0a000000-0000-4000-8000-000000000002',
        'user:0a000000-0000-4000-8000-000000000003',
      ]);
      expect([...file.rows().grants(scope)].map((g) => g.externalId).sort()).toEqual([
        'group:0b000000-0000-4000-8000-000000000001:member:user:0a000000-0000-4000-8000-000000000002',
        'group:0b000000-0000-4000-8000-000000000001:member:user:0a000000-0000-4000-8000-000000000003',
        'group:0b000000-0000-4000-8000-000000000001:owner:user:0a000000-0000-4000-8000-000000000001',
      ]);
    } finally {
      file.close();
    }
    const throttled = ctx.journal.query({ fault: true });
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((e) => e.status === 429 && e.fault === 'throttle:every=4')).toBe(true);
    expect(run.sleeps).toHaveLength(throttled.length);
  });

  it('answers what the fixture lacks with a 404 naming the nearest recorded request on the base URL', async () => {
    const { baseUrl, ctx } = await serveFixture();
    const response = await fetch(`${baseUrl}/beta/groups/0b000000-0000-4000-8000-000000000001/members?$select=id,displayName`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      nearestRecorded: `GET ${baseUrl}/beta/groups/0b000000-0000-4000-8000-000000000001/members?$select=id`,
      differences: ['query $select: recorded "id", sent "id,displayName"'],
    });
    expect(ctx.journal.all().at(-1)).toMatchObject({ status: 404, provider: 'entra', route: 'replay.graph GET /beta/groups/{id}/members' });
  });
});
