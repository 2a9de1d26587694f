/**
 * Builds a {@link DiffReport} from two chosen syncs: object-level when both sides have a SQLite database
 * (sides.ts opens every file with one, a v3 file's rows written into it), else per-type stats. A v1 sync
 * against a v3 one is compared on what v3 keeps, and the report's note says so.
 */
import { availableParallelism } from 'node:os';
import { NOT_KEPT_BY_V3 } from '../../c1z/index.js';
import { AttachedSyncs } from './attached.js';
import { countFindings, idFindings, removedExamples } from './change-findings.js';
import { evaluateGates, type GateRule } from './gates.js';
import { planTable, SQL_TABLE, type CountsByType, type TableComparison } from './object-counts.js';
import { TABLES, type Counts, type DiffReport, type Finding, type SideInfo, type Table, type TypeCounts } from '../../reports/diff/report.js';
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

const V3_FIELDS_NOTE = `a v1 (SQLite) file against a v3 (Pebble) file: only what v3 files keep is compared, not ${NOT_KEPT_BY_V3}`;

export function compareSyncs(sides: Sides, options: CompareOptions): DiffReport {
  // openSides gives every side a database (a v3 file's rows are written into one), so objects always compare.
  if (!sides.base.file.databasePath || !sides.compare.file.databasePath)
    throw new Error('compareSyncs: a side was opened without its database (use openSides)');
  const partial = compareObjects(sides, options);
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
      ...(sides.base.file.engine !== sides.compare.file.engine ? { note: V3_FIELDS_NOTE } : {}),
      totals,
      byResourceType: typeRows(byType),
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
  const rows = (schema: string, table: string) =>
    (attached.db.prepare(`SELECT max(rowid) FROM ${schema}.${table}`).pluck().get() as number | null) ?? 0;
  const largest = Math.max(...TABLES.map((t) => rows('main', SQL_TABLE[t]) + rows('cmp', SQL_TABLE[t])));
  return largest >= THREADED_ROWS ? Math.min(4, availableParallelism()) : 1;
}

function sumTotals(byType: Record<Table, CountsByType>): Record<Table, Counts> {
  const totals = {} as Record<Table, Counts>;
  for (const table of TABLES) {
    const sum: Counts = { base: 0, compare: 0, added: 0, removed: 0, changed: 0, unchanged: 0 };
    for (const counts of byType[table].values()) {
      sum.base += counts.base;
      sum.compare += counts.compare;
      for (const key of ['added', 'removed', 'changed', 'unchanged'] as const) sum[key] += counts[key];
    }
    totals[table] = sum;
  }
  return totals;
}

function typeRows(byType: Record<Table, CountsByType>): TypeCounts[] {
  const types = new Set(TABLES.flatMap((t) => [...byType[t].keys()]));
  const empty = (): Counts => ({ base: 0, compare: 0, added: 0, removed: 0, changed: 0, unchanged: 0 });
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
