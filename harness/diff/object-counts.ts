/**
 * Added, removed, changed and unchanged objects per table and resource type, counted inside SQLite: each
 * table is joined on external_id within each side's sync, so neither side is ever loaded into memory.
 * Rows whose bytes differ are only candidates; {@link judgeCandidates} decodes them and keeps real changes.
 */
import type { AttachedSide, AttachedSyncs } from './attached.js';
import { changedFields, type StoredBlob } from './semantic.js';
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

  // One pass over each side: its count, what the other side lacks, and (base pass) the byte-identical pairs.
  const baseRows = sides.db.prepare(
    `SELECT b.resource_type_id AS type, count(*) AS n, sum(c.external_id IS NULL) AS removed,
            sum(c.external_id IS NOT NULL AND ${same}) AS unchanged
       FROM main.${name} b LEFT JOIN cmp.${name} c ON c.external_id = b.external_id AND c.sync_id = ?
      WHERE b.sync_id = ? GROUP BY b.resource_type_id`,
  );
  for (const row of baseRows.iterate(compare.syncId, base.syncId) as Iterable<{ type: string; n: number; removed: number; unchanged: number }>) {
    const counts = at(row.type);
    counts.base = row.n;
    counts.removed = row.removed;
    counts.unchanged = row.unchanged;
  }
  const compareRows = sides.db.prepare(
    `SELECT c.resource_type_id AS type, count(*) AS n, sum(b.external_id IS NULL) AS added
       FROM cmp.${name} c LEFT JOIN main.${name} b ON b.external_id = c.external_id AND b.sync_id = ?
      WHERE c.sync_id = ? GROUP BY c.resource_type_id`,
  );
  for (const row of compareRows.iterate(base.syncId, compare.syncId) as Iterable<{ type: string; n: number; added: number }>) {
    const counts = at(row.type);
    counts.compare = row.n;
    counts.added = row.added;
  }

  const changes = judgeCandidates(sides, table, same, (type, changed) => {
    const counts = at(type);
    if (changed) counts.changed! += 1;
    else counts.unchanged! += 1;
  });
  return { byType, changes };
}

/**
 * Decodes each pair whose bytes differ and records whether it really changed, and in which fields.
 * Iterates the join row by row: memory holds one pair at a time plus the listed examples.
 */
function judgeCandidates(sides: AttachedSyncs, table: Table, same: string, record: (type: string, changed: boolean) => void): ChangeDetail {
  const name = SQL_TABLE[table];
  const { base, compare } = sides;
  const expansion = (side: AttachedSide, alias: string) => (table === 'grants' && side.hasExpansion ? `${alias}.expansion` : 'NULL');
  const candidates = sides.db.prepare(
    `SELECT b.external_id AS id, b.resource_type_id AS type, b.data AS baseData, ${expansion(base, 'b')} AS baseExpansion,
            c.data AS compareData, ${expansion(compare, 'c')} AS compareExpansion
       FROM main.${name} b JOIN cmp.${name} c ON c.external_id = b.external_id AND c.sync_id = ?
      WHERE b.sync_id = ? AND NOT (${same}) ORDER BY b.external_id`,
  );
  const detail: ChangeDetail = { fields: {}, objects: [], more: 0 };
  for (const row of candidates.iterate(compare.syncId, base.syncId) as Iterable<CandidateRow>) {
    const fields = changedFields(
      table,
      { data: row.baseData, expansion: row.baseExpansion },
      { data: row.compareData, expansion: row.compareExpansion },
      `${base.label} / ${compare.label}: ${name} row ${JSON.stringify(row.id)}`,
    );
    record(row.type, fields.length > 0);
    if (fields.length === 0) continue;
    for (const field of fields) detail.fields[field] = (detail.fields[field] ?? 0) + 1;
    if (detail.objects.length < LISTED_CHANGES) detail.objects.push({ id: row.id, resourceType: row.type, fields });
    else detail.more += 1;
  }
  return detail;
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
