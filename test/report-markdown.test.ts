/**
 * `sync-harness report` on real run folders: library scenarios run into a temp runs dir, then the Markdown
 * is checked against the run's own files (result.json, journal.jsonl, connector.log).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from '../harness/testing.js';
import { runCli } from './support/cli.js';

let runsDir: string;
const runs: Record<string, ScenarioResult> = {};

beforeAll(async () => {
  runsDir = mkdtempSync(join(tmpdir(), 'report-md-'));
  for (const name of ['throttled', 'expired-secret', 'control']) runs[name] = await runScenario(`scenarios/library/entra/${name}.yaml`, { runsDir });
}, 60_000);
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

const jsonLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** The timeline table's rows as numbers: [requests, throttled, errors, retries] per slice, then the total. */
function timelineRows(markdown: string): { slices: number[][]; total: number[] } {
  const section = markdown.split('## Requests and retries over time')[1]!.split('\n## ')[0]!;
  const rows = section.split('\n').filter((l) => /^\| (`|\*\*Total)/.test(l));
  const numbers = (row: string) =>
    row
      .split('|')
      .slice(2, 6)
      .map((c) => Number(c.replaceAll('*', '').trim()));
  return { slices: rows.slice(0, -1).map(numbers), total: numbers(rows.at(-1)!) };
}

describe('report -o markdown', () => {
  it('says what failed, exactly, and when, with the findings and their fixes', async () => {
    const run = runs['expired-secret']!;
    const { code, stdout, stderr } = await runCli(['report', run.runDir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(run.error).toMatch(/token is expired/);
    expect(stdout).toContain(`\`\`\`text\n${run.error}\n\`\`\``);
    expect(stdout).toContain('| Connector type | `entra` (`builtin:entra`) |');
    const firstAt = jsonLines(join(run.runDir, 'journal.jsonl'))[0]!.at as string;
    expect(stdout).toContain(`| Started at | \`${firstAt}\` |`);
    expect(stdout).toContain('❌ test sync failed');
    expect(stdout).toContain('its expectations were **met**');
    expect(stdout).toContain('no last good sync given');
    for (const f of run.findings) {
      expect(stdout).toContain(`### ${f.id}: `);
      for (const e of f.evidence) expect(stdout).toContain(e);
    }
    expect(run.findings.map((f) => f.id)).toContain('expired-secret');
    // Fix steps read as written, raw too: no HTML entities for text that cannot start formatting.
    expect(stdout).toContain('Certificates & secrets > New client secret');
    expect(stdout).not.toMatch(/&(amp|gt|lt);/);
    for (const p of run.minimalPermissions) expect(stdout).toContain(`- \`${p}\``);
  });

  it('counts requests, throttled answers, errors and retries over time exactly as the journal and log hold them', async () => {
    const run = runs.throttled!;
    const { code, stdout } = await runCli(['report', run.runDir]);
    expect(code).toBe(0);
    const journal = jsonLines(join(run.runDir, 'journal.jsonl'));
    const retries = jsonLines(join(run.runDir, 'connector.log')).filter((l) => l.msg === 'retrying operation').length;
    const throttled = journal.filter((e) => e.status === 429 || String(e.fault ?? '').startsWith('throttle')).length;
    const errors = journal.filter((e) => (e.status as number) >= 400 || e.status === 0).length;
    expect(throttled).toBeGreaterThan(0);
    expect(retries).toBe(throttled);
    const { slices, total } = timelineRows(stdout);
    expect(total).toEqual([journal.length, throttled, errors, retries]);
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.length).toBeLessThanOrEqual(30);
    for (let k = 0; k < 4; k++) expect(slices.reduce((sum, row) => sum + row[k]!, 0)).toBe(total[k]);
    expect(journal.length).toBe(run.requests);
    expect(stdout).toContain('✅ test sync succeeded');
    expect(stdout).toContain('### throttled: ');
    expect(stdout).toContain(`| Peak memory | ${run.peakMemoryMb} MB |`);
  });

  it('with --last-good, says what changed since the control run (a run folder or its .c1z)', async () => {
    const failed = runs['expired-secret']!;
    const control = runs.control!;
    const fromFolder = await runCli(['report', failed.runDir, '--last-good', control.runDir]);
    const fromFile = await runCli(['report', failed.runDir, '--last-good', join(control.runDir, 'sync.c1z')]);
    expect(fromFolder.code).toBe(0);
    expect(fromFile.stdout).toBe(fromFolder.stdout);
    const md = fromFolder.stdout;
    expect(md).not.toContain('no last good sync given');
    expect(md).toContain('**the syncs differ**');
    // The control synced every membership; the expired secret stopped the sync partway through them.
    const grants = md
      .split('\n')
      .find((l) => l.startsWith('| grants |'))!
      .split('|')
      .map((c) => c.trim());
    const [base, compare, added, removed] = grants.slice(2, 6).map(Number);
    expect(base).toBe(control.stats!.grants);
    expect(compare).toBe(failed.stats!.grants);
    expect(removed).toBeGreaterThan(0);
    expect(base! - removed! + added!).toBe(compare);
    expect(md).toMatch(/\| `group` \| 10 → 10 \| \d+ → \d+ \| \d+ → \d+ \|/);
  });

  it('compares a healthy run with itself as no differences', async () => {
    const { stdout } = await runCli(['report', runs.control!.runDir, '--last-good', runs.control!.runDir]);
    expect(stdout).toContain(': no differences.');
    expect(stdout).toContain('The doctor found nothing wrong.');
  });

  it('writes --out only once complete, leaving no temporary beside it', async () => {
    const out = join(runsDir, 'out', 'report.md');
    mkdirSync(join(runsDir, 'out'));
    writeFileSync(out, 'old');
    const { code, stdout, stderr } = await runCli(['report', runs.throttled!.runDir, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('# Sync report: entra-throttled');
    expect(readdirSync(join(runsDir, 'out'))).toEqual(['report.md']);
  });
});

describe('report on bad input', () => {
  it.each([
    ['a missing folder', () => join(runsDir, 'nope'), /nope: no such run folder/],
    ['a file', () => join(runs.control!.runDir, 'sync.c1z'), /not a run folder \(a file\)/],
    [
      'a folder without result.json',
      () => {
        const dir = join(runsDir, 'empty');
        if (!existsSync(dir)) mkdirSync(dir);
        return dir;
      },
      /empty: not a run folder: no result.json/,
    ],
  ])('%s is one line and exit 2', async (_label, path, message) => {
    const { code, stdout, stderr } = await runCli(['report', path()]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('a --last-good that does not exist is one line and exit 2', async () => {
    const { code, stderr } = await runCli(['report', runs.control!.runDir, '--last-good', join(runsDir, 'gone.c1z')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/gone\.c1z: no such file or run folder/);
  });
});
