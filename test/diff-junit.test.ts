/**
 * `diff -o junit` read back by a strict XML parser (Chromium's DOMParser; the project has no XML library):
 * one testsuite; `syncs compared`, one testcase per `--fail-on` rule and one per change finding kind; a
 * testcase fails exactly when its rule holds, the failure naming the rule and the numbers as `-o json`
 * does. Markup in a resource type name reaches the parsed messages unchanged.
 */
import { create } from '@bufbuild/protobuf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitlementSchema, GrantSchema, packAnnotation, RawIdSchema, ResourceSchema, type Resource } from '../c1z/proto/index.js';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import { runCli } from './support/cli.js';

interface ParsedCase {
  classname: string | null;
  name: string | null;
  failure: { message: string | null; type: string | null; text: string } | null;
  out: string | null;
}

interface Parsed {
  error: string | null;
  suites: Array<{ name: string | null; tests: number; failures: number }>;
  totals: { tests: number; failures: number };
  cases: ParsedCase[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => browser?.close());

async function parseJunit(text: string): Promise<Parsed> {
  const context = await browser.newContext({ offline: true });
  try {
    const page = await context.newPage();
    return await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      const num = (el: Element, name: string) => Number(el.getAttribute(name));
      return {
        error: error ? error.textContent : null,
        suites: [...root.children]
          .filter((el) => el.tagName === 'testsuite')
          .map((s) => ({ name: s.getAttribute('name'), tests: num(s, 'tests'), failures: num(s, 'failures') })),
        totals: { tests: num(root, 'tests'), failures: num(root, 'failures') },
        cases: [...doc.getElementsByTagName('testcase')].map((c) => {
          const failure = c.getElementsByTagName('failure')[0];
          return {
            classname: c.getAttribute('classname'),
            name: c.getAttribute('name'),
            failure: failure ? { message: failure.getAttribute('message'), type: failure.getAttribute('type'), text: failure.textContent! } : null,
            out: c.getElementsByTagName('system-out')[0]?.textContent ?? null,
          };
        }),
      };
    }, text);
  } finally {
    await context.close();
  }
}

/** The JUnit and the JSON of one diff, with the exit code both gave. */
async function diffBoth(args: string[], code: number): Promise<{ json: any; junit: Parsed; xml: string }> {
  const json = await runCli(['diff', ...args, '-o', 'json']);
  const junit = await runCli(['diff', ...args, '-o', 'junit']);
  expect(json.code, json.stderr).toBe(code);
  expect(junit.code, junit.stderr).toBe(code);
  const parsed = await parseJunit(junit.stdout);
  expect(parsed.error).toBeNull();
  return { json: JSON.parse(json.stdout), junit: parsed, xml: junit.stdout };
}

const HOSTILE_TYPE = `app<&"'>]]>`;
const resource = (type: string, id: string, name: string, rawId = true): Resource =>
  create(ResourceSchema, {
    id: { resourceType: type, resource: id },
    displayName: name,
    annotations: rawId ? [packAnnotation(RawIdSchema, { id })] : [],
  });
const group1 = resource('group', 'g1', 'Group 1');
const member = create(EntitlementSchema, { id: 'group:g1:member', resource: group1, slug: 'member' });
const users = (ids: string[]) => ids.map((id) => resource('user', id, `Name of ${id.toLowerCase()}`));

async function writeSync(path: string, seed: number, resources: Resource[], members: Resource[]): Promise<void> {
  const writer = new C1zWriter(path, { seed });
  const sync = writer.startSync({ type: 'full' });
  for (const r of resources) writer.addResource(sync, r);
  writer.addEntitlement(sync, member);
  for (const p of members)
    writer.addGrant(sync, create(GrantSchema, { id: `group:g1:member:user:${p.id!.resource}`, entitlement: member, principal: p }));
  writer.endSync(sync);
  await writer.finish();
}

describe('diff -o junit', () => {
  let dir: string;
  let base: string;
  let compare: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diff-junit-test-'));
    base = join(dir, 'base.c1z');
    compare = join(dir, 'compare.c1z');
    // Users drop from 10 to 6 (one back with its id in another case), a type vanishes, a group lacks its RawId.
    const before = users(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'Case10']);
    const after = users(['u1', 'u2', 'u3', 'u4', 'u5', 'case10']);
    await writeSync(base, 1, [...before, group1, resource(HOSTILE_TYPE, 'a1', 'App 1'), resource(HOSTILE_TYPE, 'a2', 'App 2')], before.slice(0, 4));
    await writeSync(compare, 2, [...after, resource('group', 'g1', 'Group 1', false)], after.slice(0, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a testcase per gate rule, failing exactly when the rule holds, with the numbers of the JSON', async () => {
    const rules = ['removed:type:user>30%', 'added:grants>0', `vanished:${HOSTILE_TYPE}`, 'finding:missing-raw-id', 'removed:grants>=2'];
    const { json, junit } = await diffBoth([base, compare, ...rules.flatMap((r) => ['--fail-on', r])], 1);
    expect(json.gate.failures.map((f: any) => f.rule)).toEqual([
      'removed:type:user>30%',
      `vanished:${HOSTILE_TYPE}`,
      'finding:missing-raw-id',
      'removed:grants>=2',
    ]);

    const gateCases = junit.cases.filter((c) => c.classname === 'sync-harness.diff.gate');
    expect(gateCases.map((c) => c.name)).toEqual(rules.map((r) => `--fail-on ${r}`));
    for (const [i, rule] of rules.entries()) {
      const failed = json.gate.failures.find((f: any) => f.rule === rule);
      const c = gateCases[i]!;
      if (!failed) {
        expect(c.failure, rule).toBeNull();
        expect(c.out).toBe(`gate rule ${rule} does not hold`);
        continue;
      }
      expect(c.failure).toEqual({ message: `${rule}: ${failed.message}`, type: 'gate', text: `gate rule ${rule} holds: ${failed.message}` });
    }
    // The numbers, as the JSON words them, reach the test tab.
    expect(gateCases[0]!.failure!.message).toBe('removed:type:user>30%: 5 user resources removed of 10 in the base sync (50% > 30%)');
    expect(gateCases[2]!.failure!.message).toBe(
      `vanished:${HOSTILE_TYPE}: resource type ${HOSTILE_TYPE} vanished: 2 resources in the base sync, none in the compared one`,
    );

    expect(junit.suites).toEqual([{ name: `sync diff ${json.base.syncId} → ${json.compare.syncId}`, tests: junit.cases.length, failures: 4 }]);
    expect(junit.totals).toEqual({ tests: junit.cases.length, failures: 4 });
    expect(junit.cases.filter((c) => c.failure).length).toBe(json.gate.failures.length);
  });

  it('one passing testcase per change finding kind, listing each finding and its examples', async () => {
    const { json, junit } = await diffBoth([base, compare], 0);
    const change = json.findings.filter((f: any) => f.kind === 'change');
    expect(change.map((f: any) => [f.id, f.resourceType ?? null])).toEqual([
      ['vanished-resource-type', HOSTILE_TYPE],
      ['resource-type-drop', 'user'],
      ['case-only-id-change', null],
    ]);
    expect(junit.cases.map((c) => [c.classname, c.name])).toEqual([
      ['sync-harness.diff', 'syncs compared'],
      ['sync-harness.diff.finding', 'change finding vanished-resource-type'],
      ['sync-harness.diff.finding', 'change finding resource-type-drop'],
      ['sync-harness.diff.finding', 'change finding case-only-id-change'],
    ]);
    expect(junit.cases.every((c) => c.failure === null)).toBe(true);
    expect(junit.totals).toEqual({ tests: 4, failures: 0 });
    for (const [i, finding] of change.entries()) {
      expect(junit.cases[i + 1]!.out).toBe([finding.message, ...finding.examples.map((e: string) => `  e.g. ${e}`)].join('\n'));
    }
    expect(junit.cases[3]!.out).toContain('e.g. user:Case10 → user:case10');

    // The summary carries the totals (g1 changed: it lost its RawId) and the state findings, which are
    // about one sync and fail nothing.
    const summary = junit.cases[0]!.out!;
    expect(summary).toContain(
      `grants: base ${json.totals.grants.base}, compare ${json.totals.grants.compare}, added 0, removed 2, changed 0, unchanged 2`,
    );
    expect(summary).toContain(`resources: base 13, compare 7, added 1, removed 7, changed 1, unchanged 5`);
    const state = json.findings.find((f: any) => f.kind === 'state');
    expect(state).toMatchObject({ id: 'missing-raw-id', side: 'compare' });
    expect(summary).toContain(`state finding missing-raw-id (compare sync): ${state.message}`);
  });

  it('a sync against itself without gates: a single passing testcase "syncs compared"', async () => {
    const { junit, xml } = await diffBoth([compare, compare], 0);
    expect(junit.cases.map((c) => [c.name, c.failure])).toEqual([['syncs compared', null]]);
    expect(junit.cases[0]!.out).toContain('no differences');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
  });
});
