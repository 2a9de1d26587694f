/**
 * The summary table `run` prints: one row per scenario (met or not, outcome, requests, findings), then
 * for each unmet scenario what did not hold, and a last line with the totals.
 */
import { TableWriter } from '../../cli/output/table.js';
import type { Sink } from '../../cli/output/sink.js';
import type { ScenarioResult } from '../result.js';

export async function consoleReport(results: readonly ScenarioResult[], out: Sink): Promise<void> {
  const table = new TableWriter(out, ['', 'Scenario', 'Provider', 'Outcome', 'Requests', 'Findings']);
  for (const r of results) {
    await table.row([r.met ? 'ok' : 'FAIL', r.name, r.provider, r.outcome, String(r.requests), r.findings.map((f) => f.id).join(', ') || '-']);
  }
  await table.end();
  for (const r of results.filter((x) => !x.met)) {
    await out.line();
    await out.line(`${r.name} (${r.file}): expectations not met`);
    for (const line of r.unmet) await out.line(`  - ${line}`);
    for (const f of r.findings) await out.line(`  finding ${f.id}: ${f.title}`);
    await out.line(`  run folder: ${r.runDir}`);
  }
  const met = results.filter((r) => r.met).length;
  await out.line();
  await out.line(`${met} of ${results.length} scenarios met their expectations${met < results.length ? `, ${results.length - met} did not` : ''}`);
}
