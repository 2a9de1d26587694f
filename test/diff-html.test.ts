/**
 * `diff -o html` opened in headless Chromium with the network cut off: the page loads nothing and logs no
 * error, and every number on it (totals, per-type rows, chart bars, findings, gate) equals `-o json` for
 * the same two syncs. Run on the real samples (expansion adds grants) and on a small pair whose ids, type
 * name and file name are markup, which must show as text.
 */
import { create } from '@bufbuild/protobuf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import {
  EntitlementSchema,
  GrantSchema,
  packAnnotation,
  RawIdSchema,
  ResourceSchema,
  ResourceTypeSchema,
  type Resource,
} from '../c1z/proto/index.js';
import { runCli } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath } from './support/samples.js';

const PAGE_URL = 'http://diff-report.invalid/report.html';
const TABLES = ['resources', 'entitlements', 'grants'] as const;
const MEASURES = ['base', 'compare', 'added', 'removed', 'changed', 'unchanged'] as const;
/** The chart's plot width in pixels (reports/diff/render-html-chart.ts): a bar's length is its share of the largest. */
const PLOT = 420;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => browser?.close());

interface PageRead {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Every request other than the page itself: each one would have left the machine. */
  requests: string[];
  dom: Awaited<ReturnType<typeof readDom>>;
}

/** Serves the page from a made-up origin; every other request is recorded and refused. */
async function openHtml(html: string): Promise<PageRead> {
  const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
  const read: Omit<PageRead, 'dom'> = { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      read.requests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => void (m.type() === 'error' && read.consoleErrors.push(m.text())));
    page.on('pageerror', (e) => void read.pageErrors.push(e.message));
    page.on('dialog', (d) => {
      read.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => void (r.url() !== PAGE_URL && !read.requests.includes(r.url()) && read.requests.push(r.url())));
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    return { ...read, dom: await page.evaluate(readDom) };
  } finally {
    await context.close();
  }
}

/** Runs in the page: everything the page claims, by its data hooks. */
function readDom() {
  const all = (selector: string, root: ParentNode = document) => [...root.querySelectorAll<HTMLElement | SVGElement>(selector)];
  const attr = (el: Element, name: string) => el.getAttribute(name);
  return {
    title: document.title,
    verdict: attr(document.querySelector('h1')!, 'data-verdict'),
    markup: all('script, img, iframe, object, embed, link[rel="stylesheet"], b, i').map((el) => el.tagName),
    sides: all('[data-section="sides"] tr[data-side]').map((tr) => ({
      side: attr(tr, 'data-side'),
      file: tr.querySelector('[data-field="file"]')!.textContent,
      syncId: tr.querySelector('[data-field="syncId"]')!.textContent,
    })),
    totals: all('[data-section="totals"] td[data-metric]').map((td) => ({ metric: attr(td, 'data-metric')!, text: td.textContent! })),
    byType: all('[data-section="by-type"] td[data-metric]').map((td) => ({
      type: attr(td, 'data-type')!,
      metric: attr(td, 'data-metric')!,
      text: td.textContent!,
    })),
    bars: all('[data-section="chart"] g.bar').map((g) => ({
      type: attr(g, 'data-type')!,
      table: attr(g, 'data-table')!,
      side: attr(g, 'data-side')!,
      value: Number(attr(g, 'data-value')),
      text: g.querySelector('text.value')!.textContent!,
      width: Number(attr(g.querySelector('rect')!, 'width')),
    })),
    findings: all('li.finding').map((li) => ({
      id: attr(li, 'data-finding'),
      kind: attr(li, 'data-kind'),
      side: attr(li, 'data-side'),
      resourceType: attr(li, 'data-type'),
      count: Number(attr(li, 'data-count')),
      message: li.querySelector('.message')!.textContent,
      examples: all('.examples li', li).map((e) => e.textContent),
    })),
    changedFields: Object.fromEntries(all('[data-changed-field]').map((el) => [attr(el, 'data-changed-field'), el.textContent])),
    gate: attr(document.querySelector('[data-section="gate"]')!, 'data-gate'),
    failures: all('[data-section="gate"] li[data-rule]').map((li) => ({
      rule: attr(li, 'data-rule'),
      message: li.querySelector('.message')!.textContent,
    })),
  };
}

/** A number as the page prints it (`12,072`). */
const number = (text: string): number => Number(text.replaceAll(',', ''));

async function diffBoth(args: string[], code = 0): Promise<{ json: any; html: string }> {
  const json = await runCli(['diff', ...args, '-o', 'json']);
  const html = await runCli(['diff', ...args, '-o', 'html']);
  expect(json.code, json.stderr).toBe(code);
  expect(html.code, html.stderr).toBe(code);
  return { json: JSON.parse(json.stdout), html: html.stdout };
}

/** The page and the JSON agree on every number, finding and gate failure. */
function expectPageEqualsJson(read: PageRead, json: any): void {
  expect(read.consoleErrors).toEqual([]);
  expect(read.pageErrors).toEqual([]);
  expect(read.dialogs).toEqual([]);
  expect(read.requests).toEqual([]);
  const { dom } = read;
  expect(dom.markup).toEqual([]);
  expect(dom.sides).toEqual([
    { side: 'base', file: json.base.file, syncId: json.base.syncId },
    { side: 'compare', file: json.compare.file, syncId: json.compare.syncId },
  ]);

  const totals = Object.fromEntries(dom.totals.map((c) => [c.metric, number(c.text)]));
  expect(totals).toEqual(Object.fromEntries(TABLES.flatMap((t) => MEASURES.map((m) => [`${t}.${m}`, json.totals[t][m]]))));

  const byType = Object.fromEntries(dom.byType.map((c) => [`${c.type} ${c.metric}`, number(c.text)]));
  expect(dom.byType).toHaveLength(json.byResourceType.length * TABLES.length * MEASURES.length);
  expect(byType).toEqual(
    Object.fromEntries(
      json.byResourceType.flatMap((row: any) => TABLES.flatMap((t) => MEASURES.map((m) => [`${row.resourceType} ${t}.${m}`, row[t][m]]))),
    ),
  );

  // The chart: a pair of bars for every type with objects of that table on either side.
  const expectedBars = TABLES.flatMap((t) =>
    json.byResourceType
      .filter((row: any) => row[t].base + row[t].compare > 0)
      .flatMap((row: any) => (['base', 'compare'] as const).map((side) => ({ type: row.resourceType, table: t, side, value: row[t][side] }))),
  );
  expect(dom.bars.map(({ type, table, side, value }) => ({ type, table, side, value }))).toEqual(expectedBars);
  for (const bar of dom.bars) {
    expect(number(bar.text)).toBe(bar.value);
    const max = Math.max(...dom.bars.filter((b) => b.table === bar.table).map((b) => b.value));
    const length = bar.value === 0 ? 0 : Math.max(1, (bar.value / max) * PLOT);
    expect(bar.width).toBeCloseTo(length, 1);
  }

  expect(dom.findings).toEqual(
    json.findings.map((f: any) => ({
      id: f.id,
      kind: f.kind,
      side: f.side ?? null,
      resourceType: f.resourceType ?? null,
      count: f.count,
      message: f.message,
      examples: f.examples,
    })),
  );
  const changedFields = Object.fromEntries(
    TABLES.flatMap((t) =>
      Object.entries(json.changes?.[t]?.objects.length ? json.changes[t].fields : {}).map(([field, n]) => [
        `${t}.${field}`,
        (n as number).toLocaleString('en-US'),
      ]),
    ),
  );
  expect(dom.changedFields).toEqual(changedFields);
  expect(dom.gate).toBe(json.gate.passed ? 'passed' : 'failed');
  expect(dom.failures).toEqual(json.gate.failures);
}

/** Loads nothing by construction, whatever the browser would allow. */
function expectSelfContained(html: string): void {
  expect(html).toMatch(/^<!DOCTYPE html>\n/);
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  expect(html).not.toMatch(/<script|@import|url\(|@font-face/i);
  expect([...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1])).toEqual(['data:,']);
}

describeWithSamples('diff -o html on the real samples', () => {
  it('unexpanded against expanded: the page shows the JSON numbers, offline and without errors', async () => {
    const { json, html } = await diffBoth([samplePath(SAMPLE.unexpanded), samplePath(SAMPLE.expanded)]);
    expectSelfContained(html);
    const read = await openHtml(html);
    expectPageEqualsJson(read, json);
    // The figures the issue names, as a person reads them off the page.
    const total = (metric: string) => read.dom.totals.find((c) => c.metric === metric)!.text;
    expect([total('grants.added'), total('grants.removed'), total('grants.changed'), total('grants.unchanged')]).toEqual([
      '12,072',
      '0',
      '1,199',
      '1,710',
    ]);
    expect(read.dom.verdict).toBe('differ');
    expect(read.dom.changedFields).toEqual({ 'grants.sources': '1,199' });
  }, 60_000);

  it('a v1 file against a v3 file: the page says what is compared, and its numbers equal the JSON', async () => {
    const { json, html } = await diffBoth([samplePath(SAMPLE.unexpanded), samplePath(SAMPLE.pebble)]);
    const read = await openHtml(html);
    expectPageEqualsJson(read, json);
    expect(html).toContain('only what v3 files keep is compared');
  }, 60_000);
});

// Markup in a type name, in ids and in the file name: all of it must reach the reader as text.
const HOSTILE_TYPE = `app"><b>&'`;
const HOSTILE_IDS = ['<img src=x onerror=alert(1)>', 'a&amp;b</code><i>'];

const resource = (type: string, id: string, name: string, rawId = true): Resource =>
  create(ResourceSchema, {
    id: { resourceType: type, resource: id },
    displayName: name,
    annotations: rawId ? [packAnnotation(RawIdSchema, { id })] : [],
  });
const group1 = resource('group', 'g1', 'Group 1');
const member = create(EntitlementSchema, { id: 'group:g1:member', resource: group1, slug: 'member' });

async function writeSync(path: string, resources: Resource[], members: Resource[]): Promise<void> {
  const writer = new C1zWriter(path, { seed: 1 });
  const sync = writer.startSync({ type: 'full' });
  for (const type of new Set(resources.map((r) => r.id!.resourceType)))
    writer.addResourceType(sync, create(ResourceTypeSchema, { id: type, displayName: type }));
  for (const r of resources) writer.addResource(sync, r);
  writer.addEntitlement(sync, member);
  for (const p of members)
    writer.addGrant(sync, create(GrantSchema, { id: `group:g1:member:user:${p.id!.resource}`, entitlement: member, principal: p }));
  writer.endSync(sync);
  await writer.finish();
}

describe('diff -o html on a small pair with markup in its names', () => {
  let dir: string;
  let base: string;
  let compare: string;
  const u = (id: string, name: string, rawId = true) => resource('user', id, name, rawId);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diff-html-test-'));
    base = join(dir, 'base.c1z');
    compare = join(dir, `compare <i>&"x".c1z`);
    await writeSync(
      base,
      [u('u1', 'Ann'), u('u2', 'Bob'), u('Case4', 'Cy'), group1, ...HOSTILE_IDS.map((id) => resource(HOSTILE_TYPE, id, id))],
      [u('u1', 'Ann'), u('u2', 'Bob')],
    );
    // u2 renamed; Case4 back as case4; u5 joins without a RawId; the hostile type vanishes.
    const joiner = u('u5', 'Eve', false);
    await writeSync(
      compare,
      [u('u1', 'Ann'), u('u2', 'Bobby'), u('case4', 'Cy'), joiner, group1, resource('group', 'g2', 'Group 2')],
      [u('u1', 'Ann'), u('u2', 'Bob'), joiner],
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every number, finding and gate failure on the page equals the JSON, and markup shows as text', async () => {
    const gates = ['--fail-on', 'vanished:*', '--fail-on', 'added:grants>0', '--fail-on', 'removed:grants>0'];
    const { json, html } = await diffBoth([base, compare, ...gates], 1);
    // The pair is what the comments above say, so the page is checked against a diff worth reading.
    expect(json.totals.resources).toEqual({ base: 6, compare: 6, added: 3, removed: 3, changed: 1, unchanged: 2 });
    expect(json.findings.map((f: any) => f.id)).toEqual(['vanished-resource-type', 'case-only-id-change', 'missing-raw-id']);
    expect(json.gate.failures.map((f: any) => f.rule)).toEqual(['vanished:*', 'added:grants>0']);
    expectSelfContained(html);

    const read = await openHtml(html);
    expectPageEqualsJson(read, json);
    expect(read.dom.verdict).toBe('gate-failed');
    expect(read.dom.title).toBe('Sync diff: gate failed');
    expect(read.dom.sides[1]!.file).toBe(compare);
    expect(read.dom.bars.filter((b) => b.type === HOSTILE_TYPE).map((b) => [b.side, b.value])).toEqual([
      ['base', 2],
      ['compare', 0],
    ]);
    expect(read.dom.findings[0]!.examples).toEqual(HOSTILE_IDS.map((id) => `${HOSTILE_TYPE}:${id}`).sort());
  }, 60_000);

  it('a pair against itself: no differences, a passed gate, all bars equal', async () => {
    const { json, html } = await diffBoth([compare, compare, '--fail-on', 'removed:resources>0']);
    const read = await openHtml(html);
    expectPageEqualsJson(read, json);
    expect(read.dom.verdict).toBe('same');
    expect(read.dom.gate).toBe('passed');
    for (const table of TABLES) {
      const bars = read.dom.bars.filter((b) => b.table === table);
      expect(bars.filter((b) => b.side === 'base').map((b) => b.width)).toEqual(bars.filter((b) => b.side === 'compare').map((b) => b.width));
    }
  }, 60_000);
});
