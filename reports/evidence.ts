/**
 * What the doctor reads after a scenario run: the simulators' journal, the engine's and connector's log,
 * what the sync file holds, how it compares with the tenant, and memory samples. Everything is plain data
 * so a run folder can be diagnosed again later (`runs/<id>/`), and tests can build evidence by hand.
 */
import type { JournalEntry } from '../mocks/core/journal.js';
import type { TenantStore } from '../mocks/tenant/model.js';
import type { ProviderName } from '../mocks/providers.js';

/** One structured log line: the engine's events (`retrying operation`, `sync failed`...) or a connector's. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  [field: string]: unknown;
}

export interface SyncedResource {
  type: string;
  id: string;
  /** The RawId annotation's id; undefined when the resource has none. */
  rawId?: string;
  /** UserTrait login and primary email, for telling duplicates apart. */
  login?: string;
  email?: string;
}

export interface SyncedGrant {
  id: string;
  entitlementId: string;
  principalType: string;
  principalId: string;
}

/** What the run's sync file holds (its latest sync). */
export interface SyncContents {
  resourceTypes: string[];
  resources: SyncedResource[];
  grants: SyncedGrant[];
  entitlements: number;
}

export interface ActionOutcome {
  op: 'grant' | 'revoke';
  entitlement: string;
  principal: string;
  ok: boolean;
  error?: string;
}

export interface MemoryEvidence {
  /** Highest V8 heap in use while the connector ran, in bytes. */
  peakHeapBytes: number;
  /**
   * Heap still held when the sync ended (after a full GC), at two tenant sizes: a connector that keeps pages
   * holds more with more users; a streaming one holds about the same.
   */
  retained?: { users: number; bytes: number }[];
}

export interface RunEvidence {
  provider: ProviderName;
  /** Permissions granted to the app in this run (Graph roles, Google scopes, IAM actions; SCIM: none). */
  granted: readonly string[];
  writeBack: boolean;
  journal: readonly JournalEntry[];
  log: readonly LogLine[];
  outcome: 'succeeded' | 'failed';
  /** The run's error text (the engine's, or a crashed process's exit and stderr tail). */
  error?: string;
  /** Absent when no sync file was written. */
  sync?: SyncContents;
  /** `<type>:<id>` resources and grant ids the tenant exposes but the sync lacks, and the reverse. */
  completeness?: { missing: string[]; extra: string[] };
  tenant: TenantStore;
  memory?: MemoryEvidence;
  actions: ActionOutcome[];
}

export interface Finding {
  /** Stable, kebab-case: `expired-secret`, `throttled`... */
  id: string;
  title: string;
  /** Request or log lines that show it, at most a handful, whole. */
  evidence: string[];
  /**
   * Per evidence line, the text the detector matched in it (an error code, a status), for views that cut a
   * long line: they cut around it so it stays visible. Null or absent: nothing in particular.
   */
  matched?: (string | null)[];
  /** What to do, in steps, in the troubleshooting guides' terms. */
  fix: string[];
}

export interface Diagnosis {
  findings: Finding[];
  /** Least-privilege permissions for the endpoints the connector actually called successfully. */
  minimalPermissions: string[];
  /** One line: "healthy: ..." or the findings' titles. */
  summary: string;
}
