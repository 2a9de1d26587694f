/**
 * `explore runs/<name>/` on a real throttled run: findings link each evidence line to the journal requests
 * it cites, the request table filters by route, status and fault and adds up to the journal, and the run's
 * sync file has its own view. A folder that is not a run folder is one line and exit 2.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../mocks/core/journal.js';
import type { CitedFinding, RequestTable } from '../reports/explore/run-model.js';
import type { SyncOverview } from '../reports/explore/sync-model.js';
import { runScenario, type ScenarioResult } from '../harness/testing.js';
import { runCli } from './support/cli.js';
import { startTestExplorer, type TestExplorer } from './support/explorer.js';

let runsDir: string;
let result: ScenarioResult;
let journal: JournalEntry[];
let explorer: TestExplorer;

beforeAll(async () => {
  runsDir = mkdtempSync(join(tmpdir(), 'explore-run-'));
  result = await runScenario('scenarios/library/entra/throttled.yaml', { runsDir });
  journal = readFileSync(join(result.runDir, 'journal.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEntry);
  explorer = await startTestExplorer([result.runDir]);
}, 60_000);
afterAll(async () => {
  await explorer?.close();
  rmSync(runsDir, { recursive: true, force: true });
});

describe('explore: the run view', () => {
  it('shows the scenario, outcome, expectations and findings, each cited request linked', async () => {
    const run = await explorer.json<{ scenario: string; outcome: string; met: boolean; findings: CitedFinding[] }>('/');
    expect({ scenario: run.scenario, outcome: run.outcome, met: run.met }).toEqual({
      scenario: result.name,
      outcome: result.outcome,
      met: result.met,
    });
    expect(run.findings.map((f) => f.id)).toEqual(result.findings.map((f) => f.id));
    const cited = run.findings.flatMap((f) => f.evidence.flatMap((e) => e.requests.map((seq) => ({ finding: f.id, line: e.line, seq }))));
    expect(cited.length).toBeGreaterThan(0);
    const html = (await explorer.get('/')).body;
    for (const { finding, line, seq } of cited) {
      expect(line).toContain(`#${seq}`);
      const request = await explorer.json<{ entry: JournalEntry; citedBy: string[] }>(`/requests/${seq}`);
      expect(request.entry).toEqual(journal.find((e) => e.seq === seq));
      expect(request.citedBy).toContain(finding);
      expect(html).toContain(`<a href="/requests/${seq}" data-cites="${seq}">#${seq}</a>`);
    }
  });

  it('filters the request table by status, route and fault, paged, adding up to the journal', async () => {
    const all = await explorer.json<RequestTable>('/requests');
    expect(all.total).toBe(journal.length);
    for (const status of all.choices.statuses) {
      const page = await explorer.json<RequestTable>(`/requests?status=${status}`);
      expect(page.total).toBe(journal.filter((e) => e.status === status).length);
      expect(page.items.every((e) => e.status === status)).toBe(true);
    }
    const route = all.choices.routes[0]!;
    expect((await explorer.json<RequestTable>(`/requests?route=${encodeURIComponent(route)}`)).total).toBe(
      journal.filter((e) => (e.route ?? '(unmatched)') === route).length,
    );
    const faulted = journal.filter((e) => e.fault);
    expect(faulted.length).toBeGreaterThan(0);
    const fault = await explorer.json<RequestTable>(`/requests?fault=${encodeURIComponent(faulted[0]!.fault!)}`);
    expect(fault.total).toBe(faulted.filter((e) => e.fault === faulted[0]!.fault).length);
    expect((await explorer.json<RequestTable>('/requests?fault=(none)')).total).toBe(journal.length - faulted.length);
  });

  it('draws the timeline from the journal and serves the sync file under /sync', async () => {
    const html = (await explorer.get('/')).body;
    expect(html).toContain(`data-metric="timeline-requests" data-value="${journal.length}"`);
    expect(html).toContain('<svg class="timeline"');
    const sync = await explorer.json<SyncOverview>('/sync/');
    expect(sync.totals).toMatchObject({ resources: result.stats!.resources, grants: result.stats!.grants });
  });

  it('still shows a run whose sync file cannot be read, saying why', async () => {
    const copy = join(runsDir, 'cut-short');
    cpSync(result.runDir, copy, { recursive: true });
    const syncFile = readdirSync(copy).find((f) => f.endsWith('.c1z'))!;
    writeFileSync(join(copy, syncFile), '');
    const cut = await startTestExplorer([copy]);
    try {
      const run = await cut.json<{ hasSync: boolean; syncProblem: string; findings: CitedFinding[] }>('/');
      expect({ hasSync: run.hasSync, findings: run.findings.length }).toEqual({ hasSync: false, findings: result.findings.length });
      expect(run.syncProblem).toMatch(/empty file \(0 bytes\): no sync found/);
      expect((await cut.get('/sync/')).status).toBe(404);
    } finally {
      await cut.close();
    }
  });

  it('refuses a folder that is not a run folder in one line, exit 2', async () => {
    const empty = join(runsDir, 'not-a-run');
    mkdirSync(empty);
    const { code, stdout, stderr } = await runCli(['explore', empty]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      `sync-harness: ${empty}: not a run folder: no result.json (give a folder \`sync-harness run\` wrote, e.g. runs/<scenario>/)\n`,
    );
  });
});
