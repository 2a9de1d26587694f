/**
 * Added, removed, changed and unchanged objects per table and resource type, counted inside SQLite: each
 * table is joined on external_id within each side's sync, so neither side is ever loaded into memory.
 * Rows whose bytes differ are only candidates; {@link judgeCandidates} decodes them and keeps real changes.
 *
 * The join returns only the exceptions: base rows without a partner, pairs whose bytes differ, pairs whose
 * resource type differs (a few percent of the rows in a real diff). Everything else follows from the per-type
 * counts of each side, which the resource-type indexes give without reading the tables: a type's unchanged
 * rows are its base rows less the removed and the candidates, and its added rows are its compared rows less
 * those that found a partner. No GROUP BY sorts a million rows.
 *
 * Speed (1M grants a side): rows are paired by walking both sides' (external_id, sync_id) indexes in
 * step, which reads neither table (a lookup per base row in table order would land at random in the other
 * index); the pairs are then sorted by the compared rowid and both rows fetched by rowid, so each table is
 * read nearly front to back (rows sit in about the same order in two syncs of one connector). A large table
 * is joined in slices of the base side's rowids, one per core (see sql-threads.ts): each slice still walks
 * the whole base index, a tenth of the cost, but reads only its own part of both tables.
 */
import type { AttachedSide, AttachedSyncs } from './attached.js';
import { FieldJudge } from './field-judge.js';
import type { StoredBlob } from './semantic.js';
import type { Rows, SqlTask } from './sql-threads.js';
import type { ChangeDetail, Counts, Table } from '../../reports/diff/report.js';

export const SQL_TABLE: Record<Table, string> = { resources: 'v1_resources', entitlements: 'v1_entitlements', grants: 'v1_grants' };
/** Changed objects listed by name in a report, per table; the rest are counted. */
const LISTED_CHANGES = 50;

/** Relative cost of a table's join (see SqlTask.cost): grants outnumber resources ten to one, and those entitlements. */
const JOIN_COST: Record<Table, number> = { grants: 100, resources: 10, entitlements: 1 };

export type CountsByType = Map<string, Counts>;

export interface TableComparison {
  byType: CountsByType;
  changes: ChangeDetail;
}

/** The queries comparing one table, and how their rows become the table's comparison. */
export interface TablePlan {
  table: Table;
  /** The join's slices first (the long tasks), then the two sides' counts. */
  tasks: SqlTask[];
  /** `rows(i)`: task `i`'s rows. Decodes the candidates on the main connection before it asks for the counts. */
  finish(rows: (task: number) => Rows): TableComparison;
}

/** `slices`: how many parts the join is cut into, by the base side's rowid. */
export function planTable(sides: AttachedSyncs, table: Table, slices: number): TablePlan {
  const name = SQL_TABLE[table];
  const { base, compare } = sides;
  const same = `b.data = c.data AND ${expansionEqual(table, base, compare)}`;
  // `ORDER BY b.external_id` makes SQLite walk both covering indexes; `LIMIT -1` keeps it from flattening
  // the subqueries. A row comes back when it has no partner, or its bytes (or its type) differ.
  const join = (range: string) => `
    SELECT p.baseRow, p.compareRow, b.resource_type_id, c.resource_type_id, CASE WHEN ${same} THEN 1 ELSE 0 END AS same
      FROM (SELECT baseRow, compareRow FROM (
              SELECT b.rowid AS baseRow, c.rowid AS compareRow
                FROM main.${name} b LEFT JOIN cmp.${name} c ON c.external_id = b.external_id AND c.sync_id = ?
               WHERE b.sync_id = ?${range} ORDER BY b.external_id LIMIT -1)
            ORDER BY compareRow LIMIT -1) p
      JOIN main.${name} b ON b.rowid = p.baseRow LEFT JOIN cmp.${name} c ON c.rowid = p.compareRow
     WHERE p.compareRow IS NULL OR (${same}) IS NOT 1 OR b.resource_type_id IS NOT c.resource_type_id`;
  const cuts = sliceBounds(sides, name, slices);
  const joins: SqlTask[] = cuts.slice(1).map((end, i) => {
    const start = cuts[i]!;
    const range = [start === null ? '' : ' AND +b.rowid > ?', end === null ? '' : ' AND +b.rowid <= ?'].join('');
    return { sql: join(range), params: [compare.syncId, base.syncId, ...[start, end].filter((n) => n !== null)], cost: JOIN_COST[table] };
  });
  const tasks = [...joins, countByType(base, name), countByType(compare, name)];

  return {
    table,
    tasks,
    finish(rows) {
      const byType: CountsByType = new Map();
      const at = (type: string): Counts => {
        let counts = byType.get(type);
        if (!counts) byType.set(type, (counts = { base: 0, compare: 0, added: 0, removed: 0, changed: 0, unchanged: 0 }));
        return counts;
      };
      // Exceptions are counted against the types' totals below: unchanged goes negative in between.
      // Pairs by the compared row's type: a type's base rows that found a partner, moved where types differ.
      const paired = new Map<string, number>();
      const pair = (type: string, n: number) => paired.set(type, (paired.get(type) ?? 0) + n);
      const candidates: number[] = [];
      for (let i = 0; i < joins.length; i++) {
        for (const [baseRow, compareRow, type, compareType, same] of rows(i) as Array<[number, number | null, string, string | null, number]>) {
          const counts = at(type);
          counts.unchanged! -= 1;
          if (compareRow === null) {
            counts.removed! += 1;
            pair(type, -1);
            continue;
          }
          if (compareType !== type) {
            pair(type, -1);
            pair(compareType!, 1);
          }
          if (same === 1) counts.unchanged! += 1;
          else candidates.push(baseRow, compareRow);
        }
      }
      const changes = judgeCandidates(sides, table, candidates, (type, changed) => {
        const counts = at(type);
        if (changed) counts.changed! += 1;
        else counts.unchanged! += 1;
      });
      for (const [type, n] of rows(joins.length) as Array<[string, number]>) {
        const counts = at(type);
        counts.base = n;
        counts.unchanged! += n;
        pair(type, n);
      }
      for (const [type, n] of rows(joins.length + 1) as Array<[string, number]>) {
        const counts = at(type);
        counts.compare = n;
        counts.added = n - (paired.get(type) ?? 0);
      }
      return { byType, changes };
    },
  };
}

/**
 * `slices` + 1 rowid bounds (null: open) cutting the base side's rows into parts of about equal size. The
 * sync's rows are found by the rowids alone (max and min by the external-id index would read it all), so
 * the parts are even when the file holds one sync, and merely correct otherwise.
 */
function sliceBounds(sides: AttachedSyncs, name: string, slices: number): Array<number | null> {
  if (slices <= 1) return [null, null];
  const last = (sides.db.prepare(`SELECT max(rowid) FROM main.${name}`).pluck().get() as number | null) ?? 0;
  const first = (sides.db.prepare(`SELECT min(rowid) FROM main.${name}`).pluck().get() as number | null) ?? 0;
  const step = Math.ceil((last - first + 1) / slices);
  return [null, ...Array.from({ length: slices - 1 }, (_, i) => first - 1 + step * (i + 1)), null];
}

/**
 * A side's rows by resource type. When every row of the table is of the side's sync (the usual one-sync
 * file; checked on the external-id index), the count needs no sync filter and runs along the resource-type
 * index instead of reading the table.
 */
function countByType(side: AttachedSide, name: string): SqlTask {
  const s = side.schema;
  return {
    sql: `SELECT type, count(*) AS n FROM (SELECT resource_type_id AS type FROM ${s}.${name} NOT INDEXED WHERE sync_id = ? LIMIT -1) GROUP BY type`,
    params: [side.syncId],
    shortcut: {
      test: `SELECT NOT EXISTS (SELECT 1 FROM ${s}.${name} WHERE sync_id <> ?)`,
      testParams: [side.syncId],
      sql: `SELECT resource_type_id AS type, count(*) AS n FROM ${s}.${name} GROUP BY resource_type_id`,
    },
  };
}

/**
 * Decodes each pair whose bytes differ (`pairs`: base and compared rowid, in turn) and records whether it
 * really changed, and in which fields. The pairs go into a temporary table and come back in external-id
 * order; iterating row by row, memory holds one pair at a time plus the listed examples.
 */
function judgeCandidates(sides: AttachedSyncs, table: Table, pairs: number[], record: (type: string, changed: boolean) => void): ChangeDetail {
  const detail: ChangeDetail = { fields: {}, objects: [], more: 0 };
  if (pairs.length === 0) return detail;
  const name = SQL_TABLE[table];
  const { base, compare } = sides;
  const { db } = sides;
  const fieldJudge = new FieldJudge(table);
  db.exec('DROP TABLE IF EXISTS temp.diff_pairs; CREATE TEMP TABLE diff_pairs (b INTEGER NOT NULL, c INTEGER NOT NULL)');
  try {
    const insert = db.prepare('INSERT INTO temp.diff_pairs (b, c) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < pairs.length; i += 2) insert.run(pairs[i], pairs[i + 1]);
    })();
    pairs.length = 0;
    const expansion = (side: AttachedSide, alias: string) => (table === 'grants' && side.hasExpansion ? `${alias}.expansion` : 'NULL');
    const candidates = db.prepare(
      `SELECT b.external_id AS id, b.resource_type_id AS type, b.data AS baseData, ${expansion(base, 'b')} AS baseExpansion,
              c.data AS compareData, ${expansion(compare, 'c')} AS compareExpansion
         FROM temp.diff_pairs p JOIN main.${name} b ON b.rowid = p.b JOIN cmp.${name} c ON c.rowid = p.c
        ORDER BY b.external_id`,
    );
    for (const row of candidates.iterate() as Iterable<CandidateRow>) judge(row);
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.diff_pairs');
  }
  return detail;

  function judge(row: CandidateRow): void {
    const fields = fieldJudge.changedFields(
      { data: row.baseData, expansion: row.baseExpansion },
      { data: row.compareData, expansion: row.compareExpansion },
      `${base.label} / ${compare.label}: ${name} row ${JSON.stringify(row.id)}`,
    );
    record(row.type, fields.length > 0);
    if (fields.length === 0) return;
    for (const field of fields) detail.fields[field] = (detail.fields[field] ?? 0) + 1;
    if (detail.objects.length < LISTED_CHANGES) detail.objects.push({ id: row.id, resourceType: row.type, fields });
    else detail.more += 1;
  }
}

interface CandidateRow {
  id: string;
  type: string;
  baseData: Uint8Array;
  baseExpansion: StoredBlob['expansion'];
  compareData: Uint8Array;
  compareExpansion: StoredBlob['expansion'];
}

/** Grants compare their `expansion` column too, where either side has one (a missing column is empty). */
function expansionEqual(table: Table, base: AttachedSide, compare: AttachedSide): string {
  if (table !== 'grants' || (!base.hasExpansion && !compare.hasExpansion)) return '1';
  const column = (side: AttachedSide, alias: string) => (side.hasExpansion ? `coalesce(${alias}.expansion, x'')` : `x''`);
  return `${column(base, 'b')} = ${column(compare, 'c')}`;
}
