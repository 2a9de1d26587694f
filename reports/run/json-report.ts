/**
 * `run -o json`: `{"scenarios":[...]}`, one entry per scenario with the fields CI scripts read; a scenario
 * that could not run has outcome `error`, met false and its one-line error.
 */
import { isScenarioError, type ScenarioRow } from './result.js';

export function jsonReport(results: readonly ScenarioRow[]): string {
  const scenarios = results.map((r) =>
    isScenarioError(r)
      ? { name: r.name, provider: r.provider ?? null, file: r.file, outcome: r.outcome, met: r.met, unmet: [], error: r.error, badInput: r.badInput }
      : {
          name: r.name,
          provider: r.provider,
          file: r.file,
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
        },
  );
  return `${JSON.stringify({ scenarios }, null, 2)}\n`;
}
