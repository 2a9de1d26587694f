/**
 * Findings about one sync on its own, reported apart from changes (they never make two syncs "differ"):
 *   - `principal-not-found`: grants whose principal is not among the sync's resources (often a type
 *     mismatch: the grant says `user:x` where the resource is `group:x`);
 *   - `missing-raw-id`: resources without a RawId annotation (the provider's own id, which matching by
 *     external id downstream relies on).
 */
import type { AttachedSide, AttachedSyncs } from './attached.js';
import { EXAMPLES } from './change-findings.js';
import type { Rows, SqlTask } from './sql-threads.js';
import type { Finding } from '../../reports/diff/report.js';

/** The annotation's type URL as it sits in the encoded Any: a byte search inside SQLite, no decoding. */
const RAW_ID_URL = `x'${Buffer.from('type.googleapis.com/c1.connector.v2.RawId').toString('hex')}'`;

/** The two sides' state findings: their counts as tasks (see sql-threads.ts), examples on the main connection. */
export function planStateFindings(sides: AttachedSyncs): { tasks: SqlTask[]; finish(rows: (task: number) => Rows): Finding[] } {
  const sameSync = sides.base.schema === sides.compare.schema && sides.base.syncId === sides.compare.syncId;
  const checked: Array<[AttachedSide, 'base' | 'compare']> = [
    [sides.base, 'base'],
    ...(sameSync ? [] : [[sides.compare, 'compare'] as [AttachedSide, 'compare']]),
  ];
  return {
    tasks: checked.flatMap(([side]) => [countOrphans(side), countMissingRawIds(side)]),
    finish: (rows) =>
      checked.flatMap(([side, name], i) => sideFindings(sides, side, name, rows(2 * i)[0]![0] as number, rows(2 * i + 1)[0]![0] as number)),
  };
}

function sideFindings(sides: AttachedSyncs, side: AttachedSide, name: 'base' | 'compare', orphans: number, missing: number): Finding[] {
  const findings: Finding[] = [];
  const { db } = sides;
  const s = side.schema;
  const orphanWhere = `g.sync_id = ? AND NOT EXISTS (SELECT 1 FROM ${s}.v1_resources r
      WHERE r.sync_id = g.sync_id AND r.external_id = g.principal_resource_type_id || ':' || g.principal_resource_id)`;
  if (orphans > 0) {
    const rows = db
      .prepare(
        `SELECT g.external_id AS id, g.principal_resource_type_id AS type, g.principal_resource_id AS principal FROM ${s}.v1_grants g WHERE ${orphanWhere} ORDER BY g.external_id LIMIT ${EXAMPLES}`,
      )
      .all(side.syncId) as Array<{ id: string; type: string; principal: string }>;
    const otherType = db
      .prepare(`SELECT resource_type_id FROM ${s}.v1_resources WHERE sync_id = ? AND external_id = resource_type_id || ':' || ? LIMIT 1`)
      .pluck();
    findings.push({
      id: 'principal-not-found',
      kind: 'state',
      side: name,
      message: `${orphans} grants in the ${name} sync ${side.syncId} name a principal that is not among its resources (wrong principal type, or the principal was never listed)`,
      count: orphans,
      examples: rows.map((r) => {
        const found = otherType.get(side.syncId, r.principal) as string | undefined;
        return `${r.id}: principal ${r.type}:${r.principal}${found ? ` (a ${found} resource has that id)` : ''}`;
      }),
    });
  }
  if (missing > 0) {
    findings.push({
      id: 'missing-raw-id',
      kind: 'state',
      side: name,
      message: `${missing} resources in the ${name} sync ${side.syncId} have no RawId annotation (the provider's own id)`,
      count: missing,
      examples: db
        .prepare(`SELECT external_id FROM ${s}.v1_resources WHERE ${NO_RAW_ID} ORDER BY external_id LIMIT ${EXAMPLES}`)
        .pluck()
        .all(side.syncId) as string[],
    });
  }
  return findings;
}

const NO_RAW_ID = `sync_id = ? AND instr(data, ${RAW_ID_URL}) = 0`;

function countMissingRawIds(side: AttachedSide): SqlTask {
  return { sql: `SELECT count(*) FROM ${side.schema}.v1_resources WHERE ${NO_RAW_ID}`, params: [side.syncId] };
}

/**
 * Grants whose principal is not among the sync's resources. When every grant in the file is of this sync
 * (the usual one-sync file; checked on the external-id index, a fraction of reading the table), the sync
 * filter is moot: the grants are grouped by principal along their principal index, without reading the
 * table, and each distinct principal (a tenth of the grants) is looked up once. Otherwise each grant of
 * the sync is looked up, as an anti-join (SQLite runs the join's lookup inline, where NOT EXISTS is a
 * correlated subroutine per grant). (external_id, sync_id) is unique: a grant meets at most one resource.
 */
function countOrphans(side: AttachedSide): SqlTask {
  const s = side.schema;
  return {
    // A tenth of a grants join: the principal index and a lookup per distinct principal.
    cost: 5,
    sql: `SELECT count(*) FROM ${s}.v1_grants g LEFT JOIN ${s}.v1_resources r
            ON r.external_id = g.principal_resource_type_id || ':' || g.principal_resource_id AND r.sync_id = g.sync_id
          WHERE g.sync_id = ? AND r.rowid IS NULL`,
    params: [side.syncId],
    shortcut: {
      test: `SELECT NOT EXISTS (SELECT 1 FROM ${s}.v1_grants WHERE sync_id <> ?)`,
      testParams: [side.syncId],
      sql: `SELECT coalesce(sum(g.n), 0) FROM (
              SELECT principal_resource_type_id AS principalType, principal_resource_id AS principalId, count(*) AS n
                FROM ${s}.v1_grants GROUP BY principal_resource_type_id, principal_resource_id) g
              LEFT JOIN ${s}.v1_resources r ON r.external_id = g.principalType || ':' || g.principalId AND r.sync_id = ?
             WHERE r.rowid IS NULL`,
      params: [side.syncId],
    },
  };
}
