/**
 * Added, removed, changed and unchanged objects per table and resource type, counted inside SQLite: each
 * table is joined on external_id within each side's sync, so neither side is ever loaded into memory.
 * Rows whose bytes differ are only candidates; {@link judgeCandidates} decodes them and keeps real changes.
 *
 * Speed (1M grants a side): rows are paired by walking both sides' (external_id, sync_id) indexes in
 * step, which reads neither table (a lookup per base row in table order would land at random in the other
 * index); the pairs are then sorted by the compared rowid and both rows fetched by rowid, so each table is
 * read nearly front to back (rows sit in about the same order in two syncs of one connector). The per-row
 * flags are worked out in a subquery, so the GROUP BY sorts types and flags rather than both blobs of every
 * pair; the compared side's added rows are its count less the rows that found a partner, not a second
 * join; and the join notes the rowids of the candidate pairs, so judging them fetches those rows by rowid
 * instead of joining the tables again.
 */
import type { AttachedSide, AttachedSyncs } from './attached.js';
import { FieldJudge } from './field-judge.js';
import type { StoredBlob } from './semantic.js';
import { TABLES, type ChangeDetail, type Counts, type Table } from './report.js';

const SQL_TABLE: Record<Table, string> = { resources: 'v1_resources', entitlements: 'v1_entitlements', grants: 'v1_grants' };
/** Changed objects listed by name in a report, per table; the rest are counted. */
const LISTED_CHANGES = 50;

export type CountsByType = Map<string, Counts>;

export interface TableComparison {
  byType: CountsByType;
  changes: ChangeDetail;
}

export function compareTables(sides: AttachedSyncs): Record<Table, TableComparison> {
  return Object.fromEntries(TABLES.map((table) => [table, compareTable(sides, table)])) as Record<Table, TableComparison>;
}

function compareTable(sides: AttachedSyncs, table: Table): TableComparison {
  const byType: CountsByType = new Map();
  const at = (type: string): Counts => {
    let counts = byType.get(type);
    if (!counts) byType.set(type, (counts = { base: 0, compare: 0, added: 0, removed: 0, changed: 0, unchanged: 0 }));
    return counts;
  };
  const name = SQL_TABLE[table];
  const { base, compare } = sides;
  const same = `b.data = c.data AND ${expansionEqual(table, base, compare)}`;

  // One join, driven by the base side: its count, what the compared side lacks, the byte-identical pairs,
  // the rowids of the other pairs, and how many compared rows found a partner (external_id is unique within
  // a sync, so pairs are one to one), by the compared row's type. `ORDER BY b.external_id` makes SQLite walk
  // both covering indexes; `LIMIT -1` keeps it from flattening the subqueries.
  const candidates: number[] = [];
  sides.db.function('diff_candidate', (b: unknown, c: unknown) => {
    candidates.push(b as number, c as number);
    return 0;
  });
  const baseRows = sides.db.prepare(
    `SELECT type, compareType, removed, count(*) AS n, sum(unchanged) AS unchanged FROM (
       SELECT b.resource_type_id AS type, c.resource_type_id AS compareType, p.compareRow IS NULL AS removed,
              CASE WHEN p.compareRow IS NULL THEN 0 WHEN ${same} THEN 1 ELSE diff_candidate(b.rowid, c.rowid) END AS unchanged
         FROM (SELECT baseRow, compareRow FROM (
                 SELECT b.rowid AS baseRow, c.rowid AS compareRow
                   FROM main.${name} b LEFT JOIN cmp.${name} c ON c.external_id = b.external_id AND c.sync_id = ?
                  WHERE b.sync_id = ? ORDER BY b.external_id LIMIT -1)
               ORDER BY compareRow LIMIT -1) p
         JOIN main.${name} b ON b.rowid = p.baseRow LEFT JOIN cmp.${name} c ON c.rowid = p.compareRow
        LIMIT -1)
      GROUP BY type, compareType, removed`,
  );
  const paired = new Map<string, number>();
  type BaseRow = { type: string; compareType: string | null; removed: number; n: number; unchanged: number };
  for (const row of baseRows.iterate(compare.syncId, base.syncId) as Iterable<BaseRow>) {
    const counts = at(row.type);
    counts.base += row.n;
    if (row.removed) counts.removed! += row.n;
    else {
      counts.unchanged! += row.unchanged;
      paired.set(row.compareType!, (paired.get(row.compareType!) ?? 0) + row.n);
    }
  }
  // The compared side's count by type; whatever found no partner above was added. When every row of the
  // table is of the compared sync (the usual one-sync file; checked on the external-id index), the count
  // needs no sync filter and runs along the resource-type index instead of reading the table.
  const onlySync = !sides.db.prepare(`SELECT EXISTS (SELECT 1 FROM cmp.${name} WHERE sync_id <> ?)`).pluck().get(compare.syncId);
  const compareRows = sides.db.prepare(
    onlySync
      ? `SELECT resource_type_id AS type, count(*) AS n FROM cmp.${name} GROUP BY resource_type_id`
      : `SELECT type, count(*) AS n FROM (SELECT resource_type_id AS type FROM cmp.${name} NOT INDEXED WHERE sync_id = ? LIMIT -1) GROUP BY type`,
  );
  for (const row of compareRows.iterate(...(onlySync ? [] : [compare.syncId])) as Iterable<{ type: string; n: number }>) {
    const counts = at(row.type);
    counts.compare = row.n;
    counts.added = row.n - (paired.get(row.type) ?? 0);
  }

  const changes = judgeCandidates(sides, table, candidates, (type, changed) => {
    const counts = at(type);
    if (changed) counts.changed! += 1;
    else counts.unchanged! += 1;
  });
  return { byType, changes };
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
