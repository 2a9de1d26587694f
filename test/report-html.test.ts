/**
 * `report -o html` opened in headless Chromium with the network cut off: the page must render without a
 * console or page error, load nothing, and show the numbers result.json and the journal hold.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from '../harness/testing.js';
import { runCli } from './support/cli.js';

let runsDir: string;
let browser: Browser;
const runs: Record<string, ScenarioResult> = {};

beforeAll(async () => {
  runsDir = mkdtempSync(join(tmpdir(), 'report-html-'));
  for (const name of ['throttled', 'expired-secret', 'control']) runs[name] = await runScenario(`scenarios/library/entra/${name}.yaml`, { runsDir });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(runsDir, { recursive: true, force: true });
});

/** Writes the report with --out, opens it offline and collects what went wrong or tried to leave. */
async function openReport(args: string[], file: string) {
  const out = join(runsDir, file);
  const { code, stderr } = await runCli(['report', ...args, '-o', 'html', '--out', out]);
  expect(stderr).toBe(`wrote ${out}\n`);
  expect(code).toBe(0);
  const context = await browser.newContext();
  const requests: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // The report itself is the only thing allowed; anything else is an external resource.
    if (url === pathToFileURL(out).href) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => r.url() !== pathToFileURL(out).href && requests.push(r.url()));
  await page.goto(pathToFileURL(out).href);
  const value = async (name: string) => Number(await page.getAttribute(`[data-metric="${name}"]`, 'data-value'));
  const text = async (name: string) => (await page.textContent(`[data-metric="${name}"]`))!.trim();
  return { page, context, requests, problems, value, text, html: readFileSync(out, 'utf8') };
}

describe('report -o html in Chromium', () => {
  it('renders the throttled run offline with the numbers of result.json, the journal and the log', async () => {
    const run = runs.throttled!;
    const { page, context, requests, problems, value, text, html } = await openReport([run.runDir], 'throttled.html');
    try {
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(html).not.toMatch(/<script|<link|\bsrc=|@import|url\(/i);
      const result = JSON.parse(readFileSync(join(run.runDir, 'result.json'), 'utf8')) as ScenarioResult;
      expect(await value('requests')).toBe(result.requests);
      expect(await text('requests')).toBe(String(result.requests));
      expect(await value('peak-memory-mb')).toBe(result.peakMemoryMb);
      expect(await value('findings')).toBe(result.findings.length);
      expect(await value('resources')).toBe(result.stats!.resources);
      expect(await value('grants')).toBe(result.stats!.grants);
      expect(await page.getAttribute('[data-outcome]', 'data-outcome')).toBe('succeeded');
      expect(await page.locator('[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')))).toEqual(
        result.findings.map((f) => f.id),
      );
      const journal = readFileSync(join(run.runDir, 'journal.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { status: number });
      const retries = readFileSync(join(run.runDir, 'connector.log'), 'utf8')
        .split('\n')
        .filter((l) => l.includes('"retrying operation"')).length;
      expect(await value('timeline-requests')).toBe(journal.length);
      expect(await value('timeline-throttled')).toBe(journal.filter((e) => e.status === 429).length);
      expect(await value('timeline-retries')).toBe(retries);
      // The table's slices and the chart's bars both add up to the journal.
      const slices = await page.locator('tr[data-bucket]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-requests'))));
      expect(slices.reduce((a, b) => a + b, 0)).toBe(journal.length);
      const bars = await page.locator('svg rect[data-series="requests"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      expect(bars.reduce((a, b) => a + b, 0)).toBe(journal.length);
      const dots = await page.locator('svg circle[data-series="retries"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      expect(dots.reduce((a, b) => a + b, 0)).toBe(retries);
      expect(await page.locator('svg.timeline').boundingBox()).toMatchObject({ width: 720 });
    } finally {
      await context.close();
    }
  });

  it('shows the exact error and what changed since the last good run', async () => {
    const run = runs['expired-secret']!;
    const control = runs.control!;
    const { page, context, requests, problems, value } = await openReport([run.runDir, '--last-good', control.runDir], 'expired.html');
    try {
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.textContent('[data-error]')).toBe(run.error);
      expect(await page.getAttribute('[data-outcome]', 'data-outcome')).toBe('failed');
      expect(await page.getAttribute('[data-differ]', 'data-differ')).toBe('true');
      expect(await value('diff-grants-base')).toBe(control.stats!.grants);
      expect(await value('diff-grants-compare')).toBe(run.stats!.grants);
      expect(await value('diff-grants-removed')).toBeGreaterThan(0);
      expect(await value('diff-resources-added')).toBe(0);
      expect(await page.textContent('[data-connector]')).toBe('builtin:entra');
      expect(await page.textContent('[data-provider]')).toBe('entra');
    } finally {
      await context.close();
    }
  });

  it('escapes every text from the run', async () => {
    const run = runs.control!;
    const { renderHtml } = await import('../reports/render-html.js');
    const { buildReport } = await import('../harness/report/build-report.js');
    const report = await buildReport(run.runDir);
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & \'single\'';
    const html = renderHtml({
      ...report,
      scenario: hostile,
      error: hostile,
      findings: [{ id: 'x"><b>', title: hostile, evidence: [hostile], fix: [hostile] }],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('x"><b>');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`dialog ${d.message()}`);
      void d.dismiss();
    });
    await page.setContent(html);
    expect(await page.textContent('[data-error]')).toBe(hostile);
    expect(await page.getAttribute('[data-finding]', 'data-finding')).toBe('x"><b>');
    expect(problems).toEqual([]);
    await page.close();
  });
});
