/**
 * `run -o junit`: one testsuite, one testcase per scenario; an unmet scenario is a failure whose text lists
 * the unmet expectations and the doctor's findings, so CI test tabs show why without opening the run folder.
 * A scenario that could not run is an error carrying its one-line message.
 */
import { escapeXml } from '../../lib/markup-escape.js';
import { isScenarioError, type ScenarioRow } from './result.js';

export function junitReport(rows: readonly ScenarioRow[]): string {
  const errors = rows.filter(isScenarioError).length;
  const failures = rows.filter((r) => !r.met).length - errors;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = rows.reduce((sum, r) => sum + (isScenarioError(r) ? 0 : r.durationMs), 0);
  const cases = rows.map((r) => {
    if (isScenarioError(r)) {
      const open = `  <testcase classname="${escapeXml(r.provider ?? 'scenario')}" name="${escapeXml(r.name)}" file="${escapeXml(r.file)}" time="0.000">`;
      return `${open}\n    <error message="${escapeXml(r.error)}" type="${r.badInput ? 'bad-input' : 'internal'}">${escapeXml(r.error)}</error>\n  </testcase>`;
    }
    const open = `  <testcase classname="${escapeXml(r.provider)}" name="${escapeXml(r.name)}" file="${escapeXml(r.file)}" time="${seconds(r.durationMs)}">`;
    const findings = r.findings.map((f) => `finding ${f.id}: ${f.title}`);
    const out = `    <system-out>${escapeXml([`run folder: ${r.runDir}`, ...findings].join('\n'))}</system-out>`;
    if (r.met) return `${open}\n${out}\n  </testcase>`;
    const message = r.unmet[0] ?? 'expectations not met';
    const body = [...r.unmet, ...(r.error ? [`error: ${r.error}`] : []), ...findings].join('\n');
    return `${open}\n    <failure message="${escapeXml(message)}" type="expectation">${escapeXml(body)}</failure>\n${out}\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sync-harness" tests="${rows.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}">`,
    `<testsuite name="scenarios" tests="${rows.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(total)}">`,
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
