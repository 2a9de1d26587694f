/**
 * `run -o junit`: one testsuite, one testcase per scenario; an unmet scenario is a failure whose text lists
 * the unmet expectations and the doctor's findings, so CI test tabs show why without opening the run folder.
 */
import { xml } from '../../cli/output/xml.js';
import type { ScenarioResult } from '../result.js';

export function junitReport(results: readonly ScenarioResult[]): string {
  const failures = results.filter((r) => !r.met).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, r) => sum + r.durationMs, 0);
  const cases = results.map((r) => {
    const open = `  <testcase classname="${xml(r.provider)}" name="${xml(r.name)}" file="${xml(r.file)}" time="${seconds(r.durationMs)}">`;
    const findings = r.findings.map((f) => `finding ${f.id}: ${f.title}`);
    const out = `    <system-out>${xml([`run folder: ${r.runDir}`, ...findings].join('\n'))}</system-out>`;
    if (r.met) return `${open}\n${out}\n  </testcase>`;
    const message = r.unmet[0] ?? 'expectations not met';
    const body = [...r.unmet, ...(r.error ? [`error: ${r.error}`] : []), ...findings].join('\n');
    return `${open}\n    <failure message="${xml(message)}" type="expectation">${xml(body)}</failure>\n${out}\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sync-harness" tests="${results.length}" failures="${failures}" time="${seconds(total)}">`,
    `<testsuite name="scenarios" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(total)}">`,
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
