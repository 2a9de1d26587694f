/**
 * Whether a run reproduces a report: the same class of error, every finding the report shows (the run
 * may show more: a simulated sync sees its own journal, a customer's log only what was logged), and the
 * same outcome when the report says how the sync ended.
 */
import type { ScenarioResult } from '../../reports/run/result.js';
import { errorClass, type ErrorClass } from './error-class.js';
import type { ReproPlan } from './plan.js';

export interface Comparison {
  match: boolean;
  errorClass: { report: ErrorClass; run: ErrorClass };
  outcome: { report?: 'succeeded' | 'failed'; run: 'succeeded' | 'failed' };
  findings: { report: string[]; run: string[]; missing: string[]; extra: string[] };
}

export function compareRun(report: ReproPlan['report'], result: Pick<ScenarioResult, 'outcome' | 'error' | 'findings'>): Comparison {
  const run = [...new Set(result.findings.map((f) => f.id))].sort();
  const missing = report.findings.filter((id) => !run.includes(id));
  const extra = run.filter((id) => !report.findings.includes(id));
  const runClass = errorClass({ findings: run, outcome: result.outcome, ...(result.error ? { error: result.error } : {}) });
  const sameOutcome = report.outcome === undefined || report.outcome === result.outcome;
  return {
    match: runClass === report.errorClass && missing.length === 0 && sameOutcome,
    errorClass: { report: report.errorClass, run: runClass },
    outcome: { ...(report.outcome ? { report: report.outcome } : {}), run: result.outcome },
    findings: { report: report.findings, run, missing, extra },
  };
}
