/**
 * `explore BASE.c1z COMPARE.c1z` on the SDK's sample before and after grant expansion: the diff view's JSON
 * is `diff -o json` itself, every count lists exactly that many objects, a changed object shows its fields
 * and both versions, findings link to objects that open, and each side's sync view is there.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DiffReport } from '../reports/diff/report.js';
import type { ChangeList, ObjectDiff } from '../reports/explore/diff-model.js';
import type { SyncOverview } from '../reports/explore/sync-model.js';
import { runCli } from './support/cli.js';
import { startTestExplorer, type TestExplorer } from './support/explorer.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const files = [samplePath(SAMPLE.unexpanded), samplePath(SAMPLE.expanded)];

describeWithSamples('explore: the diff view of unexpanded against expanded', () => {
  let explorer: TestExplorer;
  let cli: DiffReport;
  beforeAll(async () => {
    explorer = await startTestExplorer(files, { failOn: ['added:grants>10'] });
    const { stdout } = await runCli(['diff', ...files, '-o', 'json', '--fail-on', 'added:grants>10']);
    cli = JSON.parse(stdout) as DiffReport;
  }, 60_000);
  afterAll(() => explorer?.close());

  it('answers with the report `diff -o json` prints, gates included', async () => {
    const report = await explorer.json<DiffReport>('/');
    expect(report).toEqual(cli);
    expect(report.totals.grants).toMatchObject({ base: 2909, compare: 14981, added: 12072 });
    expect(report.gate.passed).toBe(false);
    const html = (await explorer.get('/')).body;
    expect(html).toContain(`data-metric="grants.added" data-value="${cli.totals.grants.added}"`);
    expect(html).toContain('data-gate="failed"');
  });

  it('lists exactly as many added objects of a type as the report counts, each absent from the base', async () => {
    const counts = cli.byResourceType.find((t) => t.resourceType === 'group')!.grants;
    const ids: string[] = [];
    for (let offset = 0; offset < counts.added + 50; offset += 50) {
      const page = await explorer.json<ChangeList>(`/changes/grants/group?kind=added&offset=${offset}`);
      expect(page.total).toBe(counts.added);
      ids.push(...page.items.map((i) => i.id));
    }
    expect(new Set(ids).size).toBe(counts.added);
    const object = await explorer.json<ObjectDiff>(`/object/grants/${encodeURIComponent(ids[0]!)}`);
    expect({ state: object.state, base: object.base, compare: (object.compare as { id: string }).id }).toEqual({
      state: 'added',
      base: undefined,
      compare: ids[0],
    });
  });

  it('pages through every changed object of a type, as many as the report counts, each with the fields diff names', async () => {
    const counts = cli.byResourceType.find((t) => t.resourceType === 'group')!.grants;
    const pages: ChangeList['items'] = [];
    for (let offset = 0; offset < counts.changed + 50; offset += 50) {
      const page = await explorer.json<ChangeList>(`/changes/grants/group?kind=changed&offset=${offset}`);
      expect(page.total).toBe(counts.changed);
      pages.push(...page.items);
    }
    expect(new Set(pages.map((p) => p.id)).size).toBe(counts.changed);
    const listed = cli.changes!.grants.objects.filter((o) => o.resourceType === 'group');
    for (const object of listed) expect(pages.find((p) => p.id === object.id)?.fields).toEqual(object.fields);
  });

  it('pages added objects the same when there are too many to keep and each page scans', async () => {
    const scanning = await startTestExplorer(files, { keptIds: 10 });
    try {
      for (const offset of [0, 50, 150]) {
        const kept = await explorer.json<ChangeList>(`/changes/grants/role?kind=added&offset=${offset}`);
        const scanned = await scanning.json<ChangeList>(`/changes/grants/role?kind=added&offset=${offset}`);
        expect(new Set(scanned.items.map((i) => i.id)).size).toBe(50);
        expect(scanned.total).toBe(kept.total);
      }
      const all = async (e: TestExplorer) => {
        const ids: string[] = [];
        for (let offset = 0; offset < 200; offset += 50)
          ids.push(...(await e.json<ChangeList>(`/changes/grants/group?kind=added&offset=${offset}`)).items.map((i) => i.id));
        return ids.sort();
      };
      expect(await all(scanning)).toEqual(await all(explorer));
    } finally {
      await scanning.close();
    }
  }, 60_000);

  it("shows a changed grant's changed fields and both versions", async () => {
    const changed = await explorer.json<ChangeList>('/changes/grants/group?kind=changed');
    const first = changed.items[0]!;
    expect(first.fields).toEqual(['sources']);
    const object = await explorer.json<ObjectDiff>(`/object/grants/${encodeURIComponent(first.id)}`);
    expect(object).toMatchObject({
      state: 'changed',
      fields: ['sources'],
      base: { id: first.id },
      compare: { id: first.id, sources: expect.any(Object) },
    });
    const html = (await explorer.get(`/object/grants/${encodeURIComponent(first.id)}`)).body;
    expect(html).toContain('data-field="sources"');
  });

  it('links every finding example to a page that opens', async () => {
    const html = (await explorer.get('/')).body;
    const findings = html.split('<li data-finding=').slice(1);
    expect(findings.length).toBe(cli.findings.length);
    const links = findings.flatMap((f) => [...f.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')));
    expect(links.length).toBeGreaterThan(0);
    for (const path of links) expect((await explorer.get(path)).status, path).toBe(200);
  });

  it("serves each side's sync view", async () => {
    expect((await explorer.json<SyncOverview>('/base/')).totals.grants).toBe(2909);
    expect((await explorer.json<SyncOverview>('/compare/')).totals.grants).toBe(14981);
    expect((await explorer.get('/compare/resource/group/group-0000000')).status).toBe(200);
  });
});
