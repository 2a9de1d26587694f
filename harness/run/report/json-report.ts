/** `run -o json`: `{"scenarios":[...]}`, one entry per scenario with the fields CI scripts read. */
import type { ScenarioResult } from '../result.js';

export function jsonReport(results: readonly ScenarioResult[]): string {
  const scenarios = results.map((r) => ({
    name: r.name,
    provider: r.provider,
    outcome: r.outcome,
    met: r.met,
    unmet: r.unmet,
    error: r.error ?? null,
    stats: r.stats ?? null,
    requests: r.requests,
    findings: r.findings,
    minimalPermissions: r.minimalPermissions,
    missing: r.missing,
    extra: r.extra,
    runDir: r.runDir,
  }));
  return `${JSON.stringify({ scenarios }, null, 2)}\n`;
}
