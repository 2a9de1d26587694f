/**
 * What a scenario run produced, as `run -o json` prints it and `runs/<name>/result.json` keeps it.
 * Wall-clock values (`durationMs`, journal times) stay out of anything compared for determinism.
 */
import type { SyncStats } from '../../c1z/index.js';
import type { ActionOutcome, Finding } from '../evidence.js';

export interface ConnectorRun {
  /** `builtin:entra`, or the external connector's name. */
  name: string;
  outcome: 'succeeded' | 'failed';
  error?: string;
  /** External connectors: the exit code (null when killed). */
  exitCode?: number | null;
  stats?: SyncStats;
  missing: string[];
  extra: string[];
  /** Path of its sync file inside the run folder, when one was written. */
  syncFile?: string;
}

/** The second sync of a scenario with `rerun`, and how it compares with the first. */
export interface RerunResult {
  outcome: 'succeeded' | 'failed';
  error?: string;
  syncFile?: string;
  /** Absent when either side has no sync to compare. */
  diff?: {
    differ: boolean;
    gate: { passed: boolean; failures: { rule: string; message: string }[] };
    /** Change findings' ids. */
    findings: string[];
    totals: Record<
      'resources' | 'entitlements' | 'grants',
      { base: number | null; compare: number | null; added: number | null; removed: number | null; changed: number | null }
    >;
  };
}

export interface ScenarioResult {
  name: string;
  provider: string;
  file: string;
  outcome: 'succeeded' | 'failed';
  /** Every expectation held. */
  met: boolean;
  /** One line per expectation that did not hold. */
  unmet: string[];
  error?: string;
  stats?: SyncStats;
  requests: number;
  requestsByRoute: Record<string, number>;
  findings: Finding[];
  minimalPermissions: string[];
  missing: string[];
  extra: string[];
  actions: ActionOutcome[];
  /** Highest heap above the run's start while connectors ran (builtin), or peak RSS (external), in MB. */
  peakMemoryMb?: number;
  connectors: ConnectorRun[];
  rerun?: RerunResult;
  runDir: string;
  durationMs: number;
}

/**
 * A scenario that could not run. Its `error` is one line: `<file>:<line>:<col>: <field>: <problem>` when the
 * file is at fault (found at load time or when the run starts), else what went wrong inside the harness.
 */
export interface ScenarioError {
  /** The scenario's name, or its file's when the file is unreadable. */
  name: string;
  provider?: string;
  file: string;
  outcome: 'error';
  met: false;
  error: string;
  /** The scenario file is bad input (exit 2), rather than the harness failing on a good one (exit 1). */
  badInput: boolean;
}

/** A row of `run`'s summary, in the order the files were given. */
export type ScenarioRow = ScenarioResult | ScenarioError;

export function isScenarioError(row: ScenarioRow): row is ScenarioError {
  return row.outcome === 'error';
}
