/**
 * One value every renderer reads: what a support case asks for about a run, in that order: which
 * connector, the exact error, when it started, what changed since the last good sync, whether a test sync
 * succeeds, the findings, requests and retries over time, memory and the permissions it needs.
 */
import type { Finding } from './evidence.js';
import type { SyncStats } from '../c1z/index.js';
import type { DiffReport } from './diff/report.js';
import type { RunFolder } from './run-folder.js';
import { buildTimeline, isError, type Timeline } from './timeline.js';

/** "What changed since the last good sync" (harness/diff/last-good.ts): the run's sync against the one the user says last worked. */
export interface SinceLastGood {
  /** What the user gave. */
  path: string;
  diff: DiffReport;
  /** Said when a side's sync is not a finished full one (e.g. the failed run stopped early). */
  notes: string[];
}

export interface RunReport {
  scenario: string;
  scenarioFile: string;
  runDir: string;
  provider: string;
  /** Each connector's name (`builtin:entra` or the external command's). */
  connectors: { name: string; outcome: string; error?: string }[];
  outcome: 'succeeded' | 'failed';
  /** The run's error text exactly as the engine or process gave it. */
  error?: string;
  /** The doctor's one-line summary. */
  diagnosis?: string;
  /** First request's time, and the first failed answer's (status >= 400 or none). */
  startedAt?: string;
  firstErrorAt?: string;
  met: boolean;
  unmet: string[];
  stats?: SyncStats;
  requests: number;
  findings: Finding[];
  timeline: Timeline;
  peakMemoryMb?: number;
  minimalPermissions: string[];
  /** Absent when no last good sync was given. */
  sinceLastGood?: SinceLastGood;
}

export function buildRunReport(run: RunFolder, sinceLastGood?: SinceLastGood): RunReport {
  const r = run.result;
  const firstError = run.journal.find(isError);
  return {
    scenario: r.name,
    scenarioFile: r.file,
    runDir: run.dir,
    provider: r.provider,
    connectors: r.connectors.map((c) => ({ name: c.name, outcome: c.outcome, ...(c.error ? { error: c.error } : {}) })),
    outcome: r.outcome,
    ...(r.error ? { error: r.error } : {}),
    ...(r.diagnosis ? { diagnosis: r.diagnosis } : {}),
    ...(run.journal[0] ? { startedAt: run.journal[0].at } : {}),
    ...(firstError ? { firstErrorAt: firstError.at } : {}),
    met: r.met,
    unmet: r.unmet,
    ...(r.stats ? { stats: r.stats } : {}),
    requests: r.requests,
    findings: r.findings,
    timeline: buildTimeline(run.journal, run.log),
    ...(r.peakMemoryMb !== undefined ? { peakMemoryMb: r.peakMemoryMb } : {}),
    minimalPermissions: r.minimalPermissions,
    ...(sinceLastGood ? { sinceLastGood } : {}),
  };
}

export const NO_LAST_GOOD = 'no last good sync given (pass --last-good with its run folder or .c1z to see what changed)';

/** "12 s", "1.5 min": a bucket width a reader takes in at a glance. */
export function formatWidth(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}
