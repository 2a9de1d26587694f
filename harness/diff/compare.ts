/**
 * Builds a {@link DiffReport} from two chosen syncs: object-level when both sides are SQLite stores,
 * per-type header stats when either is a v3 (Pebble) file.
 */
import { availableParallelism } from 'node:os';
import type { SyncStats } from '../c1z/types.js';
import { AttachedSyncs } from './attached.js';
import { countFindings, idFindings, removedExamples } from './change-findings.js';
import { evaluateGates, type GateRule } from './gates.js';
import { planTable, SQL_TABLE, type CountsByType, type TableComparison } from './object-counts.js';
import { TABLES, type Counts, type DiffReport, type Finding, type SideInfo, type Table, type TypeCounts } from './report.js';
import type { Side, Sides } from './sides.js';
import { startTaskGroups } from './sql-threads.js';
import { planStateFindings } from './state-findings.js';

export interface CompareOptions {
  dropThreshold: number;
  rules: GateRule[];
  /** Worker threads for the SQL (1: none, all on the main thread); by default one per core for a large diff. */
  threads?: number;
}

/** Rows in the largest table (both sides) from which a second thread pays for its start (tens of ms). */
const THREADED_ROWS = 200_000;

export const STATS_ONLY_NOTE =
  'a v3 (Pebble) file: only the per-type header stats are compared; object-level comparison needs files written with --storage-engine sqlite';

export function compareSyncs(sides: Sides, options: CompareOptions): DiffReport {
  const partial = sides.base.file.engine === 'sqlite' && sides.compare.file.engine === 'sqlite' ? compareObjects(sides, options) : compareStats(sides, options);
  const failures = evaluateGates(options.rules, partial);
  return { ...partial, gate: { passed: failures.length === 0, failures } };
}

function compareObjects(sides: Sides, options: CompareOptions): Omit<DiffReport, 'gate'> {
  const attached = new AttachedSyncs(sides.base, sides.compare);
  try {
    const threads = options.threads ?? defaultThreads(attached);
    // Every table's join and counts and the state findings' counts run on the worker threads, the costliest
    // first, while this thread matches ids, then decodes each table's candidates as its join comes in.
    const grants = planTable(attached, 'grants', threads);
    const resources = planTable(attached, 'resources', threads);
    const entitlements = planTable(attached, 'entitlements', 1);
    const state = planStateFindings(attached);
    const [grantRows, resourceRows, entitlementRows, stateRows] = startTaskGroups(
      attached.db,
      attached.paths,
      [grants.tasks, resources.tasks, entitlements.tasks, state.tasks],
      threads,
    );
    const ids = idFindings(attached);
    // In this order: the threads work on the rest while this one decodes the grants' candidates.
    const tables: Record<Table, TableComparison> = {
      grants: grants.finish(grantRows!),
      resources: resources.finish(resourceRows!),
      entitlements: entitlements.finish(entitlementRows!),
    };
    const stateFound = state.finish(stateRows!);
    const byType = Object.fromEntries(TABLES.map((t) => [t, tables[t].byType])) as Record<Table, CountsByType>;
    const findings: Finding[] = [
      ...countFindings(byType.resources, options.dropThreshold, (type) => removedExamples(attached, type)),
      ...ids,
      ...stateFound,
    ];
    const totals = sumTotals(byType);
    const moved = TABLES.some((t) => totals[t].added! + totals[t].removed! + totals[t].changed! > 0);
    return {
      base: info(sides.base),
      compare: info(sides.compare),
      comparison: 'objects',
      totals,
      byResourceType: typeRows(byType, false),
      changes: Object.fromEntries(TABLES.map((t) => [t, tables[t].changes])) as DiffReport['changes'],
      findings,
      differ: moved || findings.some((f) => f.kind === 'change'),
    };
  } finally {
    attached.close();
  }
}

/** One thread per core (up to 4) when the largest table is big enough to share out; else none. */
function defaultThreads(attached: AttachedSyncs): number {
  const rows = (schema: string, table: string) => (attached.db.prepare(`SELECT max(rowid) FROM ${schema}.${table}`).pluck().get() as number | null) ?? 0;
  const largest = Math.max(...TABLES.map((t) => rows('main', SQL_TABLE[t]) + rows('cmp', SQL_TABLE[t])));
  return largest >= THREADED_ROWS ? Math.min(4, availableParallelism()) : 1;
}

function compareStats(sides: Sides, options: CompareOptions): Omit<DiffReport, 'gate'> {
  const base = sides.base.file.stats(sides.base.sync.id);
  const compare = sides.compare.file.stats(sides.compare.sync.id);
  const byType = Object.fromEntries(TABLES.map((t) => [t, statsByType(base, compare, t)])) as Record<Table, CountsByType>;
  const findings = countFindings(byType.resources, options.dropThreshold);
  const totals = sumTotals(byType);
  return {
    base: info(sides.base),
    compare: info(sides.compare),
    comparison: 'stats-only',
    note: STATS_ONLY_NOTE,
    totals,
    byResourceType: typeRows(byType, true),
    findings,
    differ: TABLES.some((t) => totals[t].base !== totals[t].compare) || findings.length > 0,
  };
}

const STATS_KEY = { resources: 'resourcesByResourceType', entitlements: 'entitlementsByResourceType', grants: 'grantsByResourceType' } as const;

function statsByType(base: SyncStats, compare: SyncStats, table: Table): CountsByType {
  const counts: CountsByType = new Map();
  const a = base[STATS_KEY[table]];
  const b = compare[STATS_KEY[table]];
  for (const type of new Set([...Object.keys(a), ...Object.keys(b)])) {
    counts.set(type, { base: a[type] ?? 0, compare: b[type] ?? 0, added: null, removed: null, changed: null, unchanged: null });
  }
  return counts;
}

function sumTotals(byType: Record<Table, CountsByType>): Record<Table, Counts> {
  const totals = {} as Record<Table, Counts>;
  for (const table of TABLES) {
    const sum: Counts = { base: 0, compare: 0, added: 0, removed: 0, changed: 0, unchanged: 0 };
    for (const counts of byType[table].values()) {
      sum.base += counts.base;
      sum.compare += counts.compare;
      for (const key of ['added', 'removed', 'changed', 'unchanged'] as const) sum[key] = counts[key] === null || sum[key] === null ? null : sum[key]! + counts[key]!;
    }
    totals[table] = sum;
  }
  return totals;
}

function typeRows(byType: Record<Table, CountsByType>, statsOnly: boolean): TypeCounts[] {
  const types = new Set(TABLES.flatMap((t) => [...byType[t].keys()]));
  const none = statsOnly ? null : 0;
  const empty = (): Counts => ({ base: 0, compare: 0, added: none, removed: none, changed: none, unchanged: none });
  return [...types].sort().map((resourceType) => ({
    resourceType,
    resources: byType.resources.get(resourceType) ?? empty(),
    entitlements: byType.entitlements.get(resourceType) ?? empty(),
    grants: byType.grants.get(resourceType) ?? empty(),
  }));
}

function info(side: Side): SideInfo {
  return { file: side.file.path, syncId: side.sync.id, syncType: side.sync.syncType, finished: Boolean(side.sync.endedAt) };
}
