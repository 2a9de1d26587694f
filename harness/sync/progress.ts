/**
 * Events the engine reports while it runs, named and shaped after the SDK's progress and warning logs
 * (`pkg/sync/progresslog`, `pkg/sync/syncer.go`) so a harness can compare a run with a real connector's log.
 */
import type { RetryLogEvent } from './retry.js';

export type ProgressEvent =
  | { msg: 'Synced resource types'; count: number }
  | { msg: 'Synced resources'; resource_type_id: string; count: number }
  | { msg: 'Synced entitlements'; resource_type_id: string; count: number; total: number }
  | { msg: 'Synced grants'; resource_type_id: string; count: number; total: number };

/** A listing skipped after a NotFound, as the SDK logs each warning it collects. */
interface WarningLogEvent {
  level: 'warn';
  msg: 'skipping action after a warning';
  error: string;
  action: string;
}

/** The sync stopped; the error is also in the result. */
interface FailureLogEvent {
  level: 'error';
  msg: 'sync failed';
  error: string;
}

export type SyncLogEvent = RetryLogEvent | WarningLogEvent | FailureLogEvent;
