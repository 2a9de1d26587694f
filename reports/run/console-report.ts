/**
 * The summary table `run` prints: one row per scenario (met or not, outcome, requests, findings; `ERROR`
 * for one that could not run), then for each unmet scenario what did not hold, and a last line with the totals.
 */
import { TableWriter } from '../../lib/output/table.js';
import type { Sink } from '../../lib/output/sink.js';
import { isScenarioError, type ScenarioRow } from './result.js';

export async function consoleReport(results: readonly ScenarioRow[], out: Sink): Promise<void> {
  const table = new TableWriter(out, ['', 'Scenario', 'Provider', 'Outcome', 'Requests', 'Findings']);
  for (const r of results) {
    if (isScenarioError(r)) await table.row(['ERROR', r.name, r.provider ?? '-', r.outcome, '-', '-']);
    else await table.row([r.met ? 'ok' : 'FAIL', r.name, r.provider, r.outcome, String(r.requests), r.findings.map((f) => f.id).join(', ') || '-']);
  }
  await table.end();
  for (const r of results.filter((x) => !x.met)) {
    await out.line();
    if (isScenarioError(r)) {
      await out.line(`${r.name} (${r.file}): could not run`);
      await out.line(`  - ${r.error}`);
      continue;
    }
    await out.line(`${r.name} (${r.file}): expectations not met`);
    for (const line of r.unmet) await out.line(`  - ${line}`);
    for (const f of r.findings) await out.line(`  finding ${f.id}: ${f.title}`);
    await out.line(`  run folder: ${r.runDir}`);
  }
  const met = results.filter((r) => r.met).length;
  const errors = results.filter(isScenarioError).length;
  const unmet = results.length - met - errors;
  const tail = [unmet ? `${unmet} did not` : '', errors ? `${errors} could not run` : ''].filter(Boolean).join(', ');
  await out.line();
  await out.line(`${met} of ${results.length} scenarios met their expectations${tail ? `, ${tail}` : ''}`);
}
