/**
 * What a scenario run produced, as `run -o json` prints it and `runs/<name>/result.json` keeps it.
 * Wall-clock values (`durationMs`, journal times) stay out of anything compared for determinism.
 */
import type { SyncStats } from '../c1z/types.js';
import type { ActionOutcome, Finding } from '../doctor/evidence.js';

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
  runDir: string;
  durationMs: number;
}
