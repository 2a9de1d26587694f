/**
 * `diff -o junit`: for CI test tabs. One testsuite:
 *   - `syncs compared`: the totals and the state findings; it passes, since only a gate decides failure;
 *   - one testcase per `--fail-on` rule, failed when the rule holds, the failure naming the numbers;
 *   - one testcase per change finding kind raised, passing (a finding fails CI only through a gate such
 *     as `finding:<id>`), its examples in `system-out` so the tab shows them.
 * The testcases fail exactly when the diff exits 1.
 */
import { escapeXml } from '../../lib/markup-escape.js';
import { TABLES, type DiffReport, type Finding } from './report.js';

interface Case {
  classname: string;
  name: string;
  failure?: { message: string; body: string };
  out: string[];
}

export function renderJunit(report: DiffReport, rules: readonly string[]): string {
  const cases: Case[] = [summaryCase(report), ...rules.map((rule) => gateCase(report, rule)), ...findingCases(report)];
  const failures = cases.filter((c) => c.failure).length;
  const suite = `sync diff ${report.base.syncId} → ${report.compare.syncId}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sync-harness diff" tests="${cases.length}" failures="${failures}" errors="0" time="0">`,
    `<testsuite name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`,
    ...cases.map(testcase),
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(c: Case): string {
  const lines = [`  <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}" time="0">`];
  if (c.failure) lines.push(`    <failure message="${escapeXml(c.failure.message)}" type="gate">${escapeXml(c.failure.body)}</failure>`);
  if (c.out.length) lines.push(`    <system-out>${escapeXml(c.out.join('\n'))}</system-out>`);
  lines.push('  </testcase>');
  return lines.join('\n');
}

function summaryCase(report: DiffReport): Case {
  const n = (v: number | null) => (v === null ? '-' : String(v));
  const out = [
    `base:    ${report.base.file} sync ${report.base.syncId}${report.base.finished ? '' : ' (unfinished)'}`,
    `compare: ${report.compare.file} sync ${report.compare.syncId}${report.compare.finished ? '' : ' (unfinished)'}`,
    ...(report.note ? [`note: ${report.note}`] : []),
    ...TABLES.map((t) => {
      const c = report.totals[t];
      return `${t}: base ${c.base}, compare ${c.compare}, added ${n(c.added)}, removed ${n(c.removed)}, changed ${n(c.changed)}, unchanged ${n(c.unchanged)}`;
    }),
    report.differ ? 'the syncs differ' : 'no differences',
    ...report.findings.filter((f) => f.kind === 'state').map((f) => `state finding ${f.id} (${f.side} sync): ${f.message}${examples(f)}`),
  ];
  return { classname: 'sync-harness.diff', name: 'syncs compared', out };
}

function gateCase(report: DiffReport, rule: string): Case {
  const failed = report.gate.failures.find((f) => f.rule === rule);
  const c: Case = { classname: 'sync-harness.diff.gate', name: `--fail-on ${rule}`, out: [] };
  if (failed) c.failure = { message: `${rule}: ${failed.message}`, body: `gate rule ${rule} holds: ${failed.message}` };
  else c.out.push(`gate rule ${rule} does not hold`);
  return c;
}

/** One testcase per finding id; a kind raised for several types lists each. */
function findingCases(report: DiffReport): Case[] {
  const byId = new Map<string, Finding[]>();
  for (const f of report.findings) if (f.kind === 'change') byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  return [...byId].map(([id, list]) => ({
    classname: 'sync-harness.diff.finding',
    name: `change finding ${id}`,
    out: list.map((f) => `${f.message}${examples(f)}`),
  }));
}

function examples(f: Finding): string {
  return f.examples.length ? `\n  e.g. ${f.examples.join('\n  e.g. ')}` : '';
}
