/**
 * Findings about what changed between the two syncs, each with a few examples:
 *   - `vanished-resource-type`: a type with resources in the base and none in the compared sync;
 *   - `resource-type-drop`: a type losing more than the threshold share of its resources (a partial sync:
 *     throttling, lost consent, a permission removed);
 *   - `case-only-id-change`: a removed and an added resource of one type whose ids differ only in case;
 *   - `id-format-change`: a removed and an added resource of one type with the same display name and
 *     different ids (the "duplicate objects" symptom downstream).
 * The id findings match the removed against the added resources in temporary tables inside SQLite.
 */
import { decodeMessage } from '../../c1z/index.js';
import { ResourceSchema } from '../../c1z/contract/index.js';
import type { AttachedSyncs } from './attached.js';
import type { CountsByType } from './object-counts.js';
import type { Finding } from '../../reports/diff/report.js';

export const EXAMPLES = 5;

/** From per-type counts alone: works on header stats too. */
export function countFindings(resources: CountsByType, dropThreshold: number, examples: (type: string) => string[] = () => []): Finding[] {
  const findings: Finding[] = [];
  for (const [type, counts] of [...resources].sort(([a], [b]) => a.localeCompare(b))) {
    if (counts.base === 0) continue;
    if (counts.compare === 0) {
      findings.push({
        id: 'vanished-resource-type',
        kind: 'change',
        resourceType: type,
        message: `resource type ${type} vanished: ${counts.base} resources in the base sync, none in the compared one`,
        count: counts.base,
        examples: examples(type),
      });
      continue;
    }
    const drop = ((counts.base - counts.compare) / counts.base) * 100;
    if (drop > dropThreshold) {
      findings.push({
        id: 'resource-type-drop',
        kind: 'change',
        resourceType: type,
        message: `resource type ${type} dropped ${percent(drop)} (${counts.base} → ${counts.compare}), more than --drop-threshold ${dropThreshold}%: likely a partial sync (throttling, lost consent or permission)`,
        count: counts.base - counts.compare,
        examples: examples(type),
      });
    }
  }
  return findings;
}

export function idFindings(sides: AttachedSyncs): Finding[] {
  const { db, base, compare } = sides;
  db.function('diff_display_name', { deterministic: true }, (data: unknown) => displayName(data));
  const collect = (table: string, from: 'main' | 'cmp', other: 'main' | 'cmp', fromSync: string, otherSync: string) => {
    db.exec(`DROP TABLE IF EXISTS temp.${table}`);
    db.prepare(
      `CREATE TEMP TABLE ${table} AS
         SELECT r.external_id AS id, r.resource_type_id AS type, lower(r.external_id) AS folded, diff_display_name(r.data) AS name
           FROM ${from}.v1_resources r
          WHERE r.sync_id = ? AND NOT EXISTS (SELECT 1 FROM ${other}.v1_resources o WHERE o.external_id = r.external_id AND o.sync_id = ?)`,
    ).run(fromSync, otherSync);
    db.exec(`CREATE INDEX temp.${table}_folded ON ${table} (type, folded); CREATE INDEX temp.${table}_name ON ${table} (type, name)`);
  };
  collect('diff_removed', 'main', 'cmp', base.syncId, compare.syncId);
  collect('diff_added', 'cmp', 'main', compare.syncId, base.syncId);
  try {
    const findings: Finding[] = [];
    const caseOnly = pairs(sides, 'a.type = r.type AND a.folded = r.folded');
    if (caseOnly.count > 0) {
      findings.push({
        id: 'case-only-id-change',
        kind: 'change',
        message: `${caseOnly.count} resources changed only the case of their id (removed and added again): anything keyed by the exact id sees a new object`,
        count: caseOnly.count,
        examples: caseOnly.examples,
      });
    }
    const format = pairs(sides, `a.type = r.type AND a.name = r.name AND r.name <> '' AND a.folded <> r.folded`);
    if (format.count > 0) {
      findings.push({
        id: 'id-format-change',
        kind: 'change',
        message: `${format.count} resources came back under a new id with the same type and display name: the id format changed (downstream sees duplicates)`,
        count: format.count,
        examples: format.examples,
      });
    }
    return findings;
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.diff_removed; DROP TABLE IF EXISTS temp.diff_added');
  }
}

/** A few ids of a type in the base sync (examples for a vanished or dropping type: what went missing). */
export function removedExamples(sides: AttachedSyncs, type: string): string[] {
  return sides.db
    .prepare(
      `SELECT b.external_id FROM main.v1_resources b
        WHERE b.sync_id = ? AND b.resource_type_id = ?
          AND NOT EXISTS (SELECT 1 FROM cmp.v1_resources c WHERE c.external_id = b.external_id AND c.sync_id = ?)
        ORDER BY b.external_id LIMIT ${EXAMPLES}`,
    )
    .pluck()
    .all(sides.base.syncId, type, sides.compare.syncId) as string[];
}

function pairs(sides: AttachedSyncs, on: string): { count: number; examples: string[] } {
  const count = sides.db.prepare(`SELECT count(DISTINCT r.id) FROM temp.diff_removed r JOIN temp.diff_added a ON ${on}`).pluck().get() as number;
  const rows = sides.db
    .prepare(
      `SELECT r.id AS removed, min(a.id) AS added FROM temp.diff_removed r JOIN temp.diff_added a ON ${on} GROUP BY r.id ORDER BY r.id LIMIT ${EXAMPLES}`,
    )
    .all() as Array<{ removed: string; added: string }>;
  return { count, examples: rows.map((r) => `${r.removed} → ${r.added}`) };
}

function displayName(data: unknown): string | null {
  if (!(data instanceof Uint8Array)) return null;
  try {
    return decodeMessage(ResourceSchema, data, 'resource').displayName;
  } catch {
    return null;
  }
}

export function percent(value: number): string {
  return `${Number.isFinite(value) ? value.toFixed(1).replace(/\.0$/, '') : '∞'}%`;
}
