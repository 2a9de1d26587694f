/**
 * `explore FILE.c1z` served in-process over the real SDK samples: what the pages (as JSON) say matches the
 * listing commands, nested groups show their path, and every request is checked for the token, Host and
 * Origin before anything is read. A resource name holding markup comes back escaped.
 */
import { create } from '@bufbuild/protobuf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResourceSchema, ResourceTypeSchema, ResourceTypeTrait } from '../c1z/proto/connector.js';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import { steppingClock } from '../c1z/synthetic/stepping-clock.js';
import type { EntitlementPage, ResourceList, ResourcePage, SyncOverview } from '../reports/explore/sync-model.js';
import { tokenCookie } from '../harness/explore/access-guard.js';
import { CSP } from '../harness/explore/server.js';
import { runCli } from './support/cli.js';
import { writeSyncFile } from './support/sync-files.js';
import { rawGet, startTestExplorer, type TestExplorer } from './support/explorer.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'explore-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const via = (page: ResourcePage, entitlementId: string) => {
  const held = page.holds.items.find((h) => h.entitlementId === entitlementId);
  return held && { direct: held.direct, via: held.via?.map((v) => v.displayName), stored: held.grantId !== undefined };
};

describeWithSamples('explore: the sync view of the SDK samples', () => {
  let expanded: TestExplorer;
  let unexpanded: TestExplorer;
  beforeAll(async () => {
    [expanded, unexpanded] = await Promise.all([
      startTestExplorer([samplePath(SAMPLE.expanded)]),
      startTestExplorer([samplePath(SAMPLE.unexpanded)]),
    ]);
  }, 60_000);
  afterAll(async () => {
    await expanded?.close();
    await unexpanded?.close();
  });

  it('lists the resource types with the counts `stats` gives', async () => {
    const overview = await expanded.json<SyncOverview>('/');
    const { stdout } = await runCli(['stats', '-f', samplePath(SAMPLE.expanded), '-o', 'json']);
    const stats = JSON.parse(stdout) as {
      stats: { resources: string; entitlements: string; grants: string; resourcesByResourceType: Record<string, string> };
    };
    expect(overview.totals).toEqual({
      resourceTypes: 4,
      resources: Number(stats.stats.resources),
      entitlements: Number(stats.stats.entitlements),
      grants: Number(stats.stats.grants),
    });
    expect(Object.fromEntries(overview.resourceTypes.map((t) => [t.id, t.resources]))).toEqual(
      Object.fromEntries(Object.entries(stats.stats.resourcesByResourceType).map(([k, v]) => [k, Number(v)])),
    );
    expect(overview.resourceTypes.find((t) => t.id === 'user')).toMatchObject({ displayName: 'User', traits: ['user'], resources: 1000 });
  });

  it('finds a user by display name, and pages the search on the server', async () => {
    const found = await expanded.json<ResourceList>('/resources?q=User%200000020');
    expect(found.items.map((r) => `${r.resourceTypeId}:${r.resourceId}`)).toEqual(['user:user-0000020']);
    const page = await expanded.json<ResourceList>('/resources?type=user&offset=950');
    expect({ total: page.total, shown: page.items.length, first: page.items[0]?.resourceId }).toEqual({
      total: 1000,
      shown: 50,
      first: 'user-0000950',
    });
  });

  it("shows a user's groups, and what they give through a group with the path", async () => {
    const user = await expanded.json<ResourcePage>('/resource/user/user-0000020');
    expect(via(user, 'group:group-0000019:member')).toEqual({ direct: true, via: undefined, stored: true });
    expect(via(user, 'project:project-0000099:access')).toEqual({ direct: false, via: ['Group 0000019'], stored: true });
  });

  it('follows nested groups through several levels, before and after expansion', async () => {
    const after = await expanded.json<ResourcePage>('/resource/group/group-0000000');
    expect(via(after, 'group:group-0000001:member')).toEqual({ direct: true, via: undefined, stored: true });
    expect(via(after, 'group:group-0000004:member')).toEqual({
      direct: false,
      via: ['Group 0000001', 'Group 0000002', 'Group 0000003'],
      stored: true,
    });
    // Before expansion the inherited grants are not stored: the path comes from the GrantExpandable edges alone.
    const before = await unexpanded.json<ResourcePage>('/resource/group/group-0000000');
    expect(via(before, 'group:group-0000004:member')).toEqual({
      direct: false,
      via: ['Group 0000001', 'Group 0000002', 'Group 0000003'],
      stored: false,
    });
    const html = (await unexpanded.get('/resource/group/group-0000000')).body;
    expect(html).toContain('data-via="Group 0000001 -&gt; Group 0000002 -&gt; Group 0000003"');
  });

  it('opens a group and lists its members as `grants -e` does, inherited ones marked with their source', async () => {
    const group = await expanded.json<ResourcePage>('/resource/group/group-0000003');
    const member = group.entitlements.find((e) => e.id === 'group:group-0000003:member')!;
    const { stdout } = await runCli(['grants', '-f', samplePath(SAMPLE.expanded), '-e', 'group:group-0000003:member', '-o', 'json']);
    const listed = (JSON.parse(stdout) as { grants: Array<{ grant: { principal: { id: { resourceType: string; resource: string } } } }> }).grants;
    expect(member.holders).toBe(listed.length);
    const all: string[] = [];
    for (let offset = 0; offset < member.holders; offset += 50) {
      const page = await expanded.json<EntitlementPage>(`/entitlement/${encodeURIComponent(member.id)}?offset=${offset}`);
      all.push(...page.holders.map((h) => `${h.principal.resourceTypeId}:${h.principal.resourceId}`));
    }
    expect(all.sort()).toEqual(listed.map((g) => `${g.grant.principal.id.resourceType}:${g.grant.principal.id.resource}`).sort());
    const page = await expanded.json<EntitlementPage>(`/entitlement/${encodeURIComponent(member.id)}`);
    expect(page.holders.find((h) => h.principal.resourceId === 'group-0000000')).toMatchObject({
      direct: false,
      sources: ['group:group-0000002:member'],
    });
  });

  it('shows the raw protobuf JSON of a grant, a resource and a resource type', async () => {
    const grant = await expanded.json<{ raw: { id: string } }>(`/grant/${encodeURIComponent('group:group-0000003:member:user:user-0000020')}`);
    expect(grant.raw.id).toBe('group:group-0000003:member:user:user-0000020');
    expect((await expanded.json<ResourcePage>('/resource/user/user-0000020')).raw).toMatchObject({
      id: { resourceType: 'user', resource: 'user-0000020' },
      displayName: 'User 0000020',
    });
    expect(await expanded.json('/resource-type/user')).toMatchObject({ id: 'user', displayName: 'User' });
  });

  it('answers an unknown object with 404 and a one-line reason', async () => {
    const answer = await expanded.get('/resource/user/nobody', { json: true });
    expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({
      status: 404,
      body: { error: 'no resource user:nobody in this sync' },
    });
    expect((await expanded.get('/no/such/page')).status).toBe(404);
  });

  it('reads a v3 (Pebble) file the same way', async () => {
    const pebble = await startTestExplorer([samplePath(SAMPLE.pebble)]);
    try {
      const overview = await pebble.json<SyncOverview>('/');
      expect(overview.totals).toEqual({ resourceTypes: 4, resources: 35217, entitlements: 334, grants: 66601 });
      const [first] = (await pebble.json<ResourceList>('/resources?type=group')).items;
      const page = await pebble.json<ResourcePage>(`/resource/group/${encodeURIComponent(first!.resourceId)}`);
      expect(page.resource.resourceId).toBe(first!.resourceId);
    } finally {
      await pebble.close();
    }
  }, 60_000);

  describe('access', () => {
    it('refuses a request without the token, or with a wrong one', async () => {
      const host = new URL(expanded.origin).host;
      expect((await rawGet(`${expanded.origin}/`, { host })).status).toBe(403);
      expect((await rawGet(`${expanded.origin}/?token=wrong`, { host })).status).toBe(403);
      const wrongCookie = await rawGet(`${expanded.origin}/resources`, { host, cookie: `${tokenCookie(expanded.origin)}=wrong` });
      expect({ status: wrongCookie.status, body: wrongCookie.body }).toEqual({
        status: 403,
        body: 'explore refused: wrong token (open the URL explore printed, token included)\n',
      });
      expect((await rawGet(`${expanded.origin}/static/explore.js`, { host })).status).toBe(403);
    });

    it('takes the token from the printed URL once, into a cookie, and drops it from the address', async () => {
      const answer = await rawGet(`${expanded.origin}/resources?q=ada&token=${expanded.token}`, {
        host: new URL(expanded.origin).host,
        accept: 'text/html',
      });
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe('/resources?q=ada');
      expect(answer.headers['set-cookie']).toEqual([`${tokenCookie(expanded.origin)}=${expanded.token}; HttpOnly; SameSite=Strict; Path=/`]);
    });

    it('refuses a foreign Host or Origin even with the token', async () => {
      expect((await expanded.get('/', { headers: { host: `rebound.example:${new URL(expanded.origin).port}` } })).status).toBe(403);
      expect((await expanded.get('/', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
      expect((await expanded.get('/', { headers: { origin: expanded.origin } })).status).toBe(200);
    });

    it('sends the Content-Security-Policy and no-sniff on every answer, and refuses writes', async () => {
      for (const path of ['/', '/static/explore.css', '/nothing']) {
        const answer = await expanded.get(path);
        expect([answer.headers['content-security-policy'], answer.headers['x-content-type-options']]).toEqual([CSP, 'nosniff']);
      }
      expect(CSP).toContain("script-src 'self'");
      expect(CSP).not.toContain('unsafe-inline');
      const post = await new Promise<number>((resolve, reject) => {
        const req = request(`${expanded.origin}/`, { method: 'POST' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(post).toBe(405);
    });
  });
});

describe('explore: text from the file is shown as text', () => {
  it('escapes a resource name holding markup on every page that shows it', async () => {
    const path = join(dir, 'markup.c1z');
    const name = `<img src=x onerror="alert(1)"><script>alert('x')</script> & "Eve"`;
    const writer = new C1zWriter(path, { seed: 1, clock: steppingClock(new Date('2026-01-01T00:00:00Z'), 1000) });
    const sync = writer.startSync();
    writer.addResourceType(sync, create(ResourceTypeSchema, { id: 'user', displayName: 'User <b>', traits: [ResourceTypeTrait.USER] }));
    writer.addResource(sync, create(ResourceSchema, { id: { resourceType: 'user', resource: '<u1>' }, displayName: name }));
    writer.endSync(sync);
    await writer.finish();
    const explorer = await startTestExplorer([path]);
    try {
      for (const page of ['/resources?q=eve', `/resource/user/${encodeURIComponent('<u1>')}`, '/']) {
        const html = (await explorer.get(page)).body;
        expect(html).not.toContain('<script>alert');
        expect(html).not.toContain('<img src=x');
        expect(html).not.toContain('User <b>');
      }
      const html = (await explorer.get('/resources?q=eve')).body;
      expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Eve&quot;');
      expect((await explorer.json<ResourcePage>(`/resource/user/${encodeURIComponent('<u1>')}`)).resource.displayName).toBe(name);
    } finally {
      await explorer.close();
    }
  });
});

describe('explore: which sync of a file with several', () => {
  it('shows the rows of the sync the listings show, and says when it is not a finished full one', async () => {
    const path = join(dir, 'two-syncs.c1z');
    const [, second] = await writeSyncFile(path, [{ size: 1 }, { size: 2 }]);
    const explorer = await startTestExplorer([path]);
    try {
      const overview = await explorer.json<SyncOverview>('/');
      expect({ sync: overview.sync?.id, resources: overview.totals.resources, note: overview.note }).toEqual({
        sync: second!.id,
        resources: second!.counts.resources,
        note: undefined,
      });
      expect((await explorer.json<ResourceList>('/resources')).total).toBe(second!.counts.resources);
    } finally {
      await explorer.close();
    }
    const unfinishedPath = join(dir, 'unfinished.c1z');
    const [unfinished] = await writeSyncFile(unfinishedPath, [{ size: 1, state: 'unfinished' }]);
    const other = await startTestExplorer([unfinishedPath]);
    try {
      expect((await other.json<SyncOverview>('/')).note).toBe(`no finished full sync: showing the unfinished sync ${unfinished!.id}`);
    } finally {
      await other.close();
    }
  });
});

describe('explore: bad input', () => {
  it('refuses a missing file, a file that is not a sync file and a wrong port in one line, exit 2', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello, not a c1z\n');
    const good = join(dir, 'good.c1z');
    await writeSyncFile(good, [{ size: 1 }]);
    for (const [args, pattern] of [
      [[join(dir, 'missing.c1z')], /missing\.c1z: no such file/],
      [[text], /notes\.txt: .*not a/],
      [[text, '--port', 'http'], /--port "http": not a TCP port/],
      [[good, join(dir, 'missing.c1z')], /missing\.c1z: no such file/],
      [[text, text, text], /explore: more than two paths: give a \.c1z file, two \.c1z files/],
      [[good, '--fail-on', 'removed:grants>1'], /explore: --fail-on applies to a diff/],
    ] as const) {
      const { code, stdout, stderr } = await runCli(['explore', ...args]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(pattern);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
