/**
 * The explorer in headless Chromium with the network cut off (only the explorer's origin is let through):
 * the three views answer what a support engineer asks, with no console error on any page, by keyboard
 * alone, and a resource name holding markup stays text. With UPDATE_EXPLORE_SCREENSHOTS=1 it also writes
 * the screenshots docs/explore.md shows (docs/explore/*.png).
 */
import { create } from '@bufbuild/protobuf';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ResourceSchema, ResourceTypeSchema, ResourceTypeTrait } from '../c1z/proto/connector.js';
import { steppingClock } from '../c1z/synthetic/stepping-clock.js';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import type { DiffReport } from '../reports/diff/report.js';
import { runScenario } from '../harness/testing.js';
import { runCli } from './support/cli.js';
import { startTestExplorer, type TestExplorer } from './support/explorer.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const SCREENSHOTS = process.env.UPDATE_EXPLORE_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../docs/explore') : undefined;

let dir: string;
let browser: Browser;
const problems: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'explore-browser-'));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  // Every page every test opened: nothing logged an error, nothing tried to leave the explorer's origin.
  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
});

/** A page on the explorer, entered by its printed URL (token and all), with the network cut off elsewhere. */
async function open(explorer: TestExplorer): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${explorer.origin}/`)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${page.url()}: console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${page.url()}: page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`${page.url()}: a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(explorer.url);
  // The token went into a cookie; the address no longer shows it.
  expect(page.url()).toBe(`${explorer.origin}/`);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Presses Tab until a link with this text has the focus; fails after `max` presses. */
async function tabTo(page: Page, text: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === text) return;
  }
  throw new Error(`no link "${text}" reached by Tab`);
}

describeWithSamples('explore in Chromium: the SDK samples', () => {
  it('finds a user by name by keyboard alone and shows their groups, with the path through nested groups', async () => {
    const explorer = await startTestExplorer([samplePath(SAMPLE.expanded)]);
    try {
      const page = await open(explorer);
      await shot(page, 'sync');
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
      await page.keyboard.type('User 0000020');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/resources\?q=User\+0000020/);
      await tabTo(page, 'User 0000020');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/resource\/user\/user-0000020$/);
      await shot(page, 'resource');
      expect(await page.locator('tr[data-held="group:group-0000019:member"] td:nth-child(3)').textContent()).toBe('direct');
      expect(await page.locator('tr[data-held="project:project-0000099:access"] td:nth-child(3)').textContent()).toBe('via Group 0000019');
      // The path link leads to the group, whose own page shows the chain of nested groups.
      await page.locator('tr[data-held="project:project-0000099:access"] .via a').click();
      await page.waitForURL(/\/resource\/group\/group-0000019$/);
      await page.goto(`${explorer.origin}/resource/group/group-0000000`);
      expect(await page.locator('tr[data-held="group:group-0000004:member"] td:nth-child(3)').textContent()).toBe(
        'via Group 0000001 -> Group 0000002 -> Group 0000003',
      );
    } finally {
      await explorer.close();
    }
  });

  it('opens a group and shows its members', async () => {
    const explorer = await startTestExplorer([samplePath(SAMPLE.expanded)]);
    try {
      const page = await open(explorer);
      await page.getByRole('link', { name: 'Group', exact: true }).click();
      await page.getByRole('link', { name: 'Group 0000003', exact: true }).click();
      const members = page.locator('section[data-entitlement="group:group-0000003:member"]');
      expect(Number(await members.locator('[data-value]').first().getAttribute('data-value'))).toBeGreaterThan(10);
      await members.getByRole('link', { name: 'all of them' }).click();
      await page.waitForURL(/\/entitlement\//);
      const holders = await page.locator('tr[data-holder]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-holder')));
      expect(holders).toContain('user:user-0000020');
      expect(holders).toContain('group:group-0000002');
    } finally {
      await explorer.close();
    }
  });

  it('shows the diff of unexpanded against expanded with the totals of diff -o json', async () => {
    const files = [samplePath(SAMPLE.unexpanded), samplePath(SAMPLE.expanded)];
    const explorer = await startTestExplorer(files);
    try {
      const report = JSON.parse((await runCli(['diff', ...files, '-o', 'json'])).stdout) as DiffReport;
      const page = await open(explorer);
      await shot(page, 'diff');
      for (const table of ['resources', 'entitlements', 'grants'] as const) {
        for (const key of ['base', 'compare', 'added', 'removed', 'changed', 'unchanged'] as const) {
          const shown = await page.locator(`[data-metric="${table}.${key}"]`).getAttribute('data-value');
          expect(Number(shown), `${table}.${key}`).toBe(report.totals[table][key]);
        }
      }
      await page.locator('tr[data-type="group"] a[data-kind="changed"]').first().click();
      await page.waitForURL(/\/changes\//);
      await page.locator('tr[data-object] a').first().click();
      expect(await page.locator('[data-state]').getAttribute('data-state')).toBe('changed');
    } finally {
      await explorer.close();
    }
  });
});

it('links each finding of a run to the requests it cites, and filters the request table', async () => {
  const result = await runScenario('scenarios/library/entra/throttled.yaml', { runsDir: dir });
  const explorer = await startTestExplorer([result.runDir]);
  try {
    const page = await open(explorer);
    await shot(page, 'run');
    const cites = await page.locator('a[data-cites]').evaluateAll((links) => links.map((a) => a.getAttribute('data-cites')!));
    expect(cites.length).toBeGreaterThan(0);
    for (const seq of new Set(cites)) {
      await page.locator(`a[data-cites="${seq}"]`).first().click();
      await page.waitForURL(new RegExp(`/requests/${seq}$`));
      expect(await page.locator('h1').textContent()).toBe(`request #${seq}`);
      expect(await page.locator('pre').textContent()).toContain(`"seq": ${seq}`);
      await page.goBack();
    }
    await page.goto(`${explorer.origin}/requests`);
    await page.locator('select[name="status"]').selectOption('429');
    await page.waitForURL(/status=429/);
    const statuses = await page.locator('tr[data-seq] td:nth-child(7)').evaluateAll((cells) => cells.map((c) => c.textContent));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['429']));
    await shot(page, 'requests');
  } finally {
    await explorer.close();
  }
}, 60_000);

it('shows a resource name holding markup as text, running nothing', async () => {
  const path = join(dir, 'markup.c1z');
  const name = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
  const writer = new C1zWriter(path, { seed: 1, clock: steppingClock(new Date('2026-01-01T00:00:00Z'), 1000) });
  const sync = writer.startSync();
  writer.addResourceType(sync, create(ResourceTypeSchema, { id: 'user', displayName: 'User', traits: [ResourceTypeTrait.USER] }));
  writer.addResource(sync, create(ResourceSchema, { id: { resourceType: 'user', resource: 'u1' }, displayName: name }));
  writer.endSync(sync);
  await writer.finish();
  const explorer = await startTestExplorer([path]);
  try {
    const page = await open(explorer);
    await page.goto(`${explorer.origin}/resources?q=alert`);
    expect(await page.locator('tr[data-resource="user:u1"] td a').first().textContent()).toBe(name);
    await page.goto(`${explorer.origin}/resource/user/u1`);
    expect(await page.locator('h1').textContent()).toBe(`${name} (user:u1)`);
    // Only the explorer's own script is on the page, and no image was made of the name.
    expect(await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src).pathname))).toEqual(['/static/explore.js']);
    expect(await page.locator('img').count()).toBe(0);
  } finally {
    await explorer.close();
  }
});
