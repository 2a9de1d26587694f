/**
 * `explore BASE.c1z COMPARE.c1z`: the `diff` report (harness/diff, computed once as `diff -o json` computes
 * it) made browsable: per table and type the added, removed and changed objects, each paged on the server
 * from the two databases attached side by side, a changed object's fields and both versions, the findings
 * with links to the objects they name, the gates; and each side's own sync view under /base and /compare.
 */
import { AttachedSyncs } from '../diff/attached.js';
import { compareSyncs } from '../diff/compare.js';
import { parseRule } from '../diff/gates.js';
import { SQL_TABLE } from '../diff/object-counts.js';
import { TABLES, type DiffReport, type Table } from '../../reports/diff/report.js';
import { blameDamage, type Sides } from '../diff/sides.js';
import { ObjectVersions } from './object-versions.js';
import { FieldJudge } from '../diff/field-judge.js';
import { PAGE_SIZE, SyncExplorer } from './sync-explorer.js';
import type { ChangeKind, ChangeList } from '../../reports/explore/diff-model.js';

/** Added or removed ids kept per table and kind (about 100 bytes each): 10% of a 1M-grant sync. */
const KEPT_IDS = 100_000;

export interface DiffOptions {
  /** `--fail-on` rules, as `diff` takes them. */
  failOn?: string[];
  /** `--drop-threshold`, percent. */
  dropThreshold?: number;
  /** Added or removed ids found at open, per table and kind, before pages scan instead (tests lower it). */
  keptIds?: number;
}

export class DiffExplorer {
  readonly report: DiffReport;
  readonly base: SyncExplorer;
  readonly compare: SyncExplorer;
  readonly versions: ObjectVersions;
  private readonly attached: AttachedSyncs;
  /** Added and removed ids by table, kind and type, found once at open (undefined: too many, scanned per page). */
  private readonly unpaired = new Map<string, Map<string, string[]> | undefined>();

  constructor(
    private readonly sides: Sides,
    options: DiffOptions,
  ) {
    const rules = (options.failOn ?? []).map(parseRule);
    try {
      this.report = compareSyncs(sides, { dropThreshold: options.dropThreshold ?? 10, rules });
    } catch (error) {
      throw blameDamage(sides, error);
    }
    this.attached = new AttachedSyncs(sides.base, sides.compare);
    try {
      this.base = new SyncExplorer(sides.base.file, sides.base.sync.id);
      this.compare = new SyncExplorer(sides.compare.file, sides.compare.sync.id);
      this.versions = new ObjectVersions(this.attached);
      for (const table of TABLES)
        for (const kind of ['added', 'removed'] as const)
          this.unpaired.set(`${table}:${kind}`, this.findUnpaired(table, kind, options.keptIds ?? KEPT_IDS));
    } catch (error) {
      this.attached.close();
      throw error;
    }
  }

  /** Added, removed or changed objects of one table and type, paged. */
  changes(table: Table, resourceType: string, kind: ChangeKind, offset = 0): ChangeList {
    const counts = this.report.byResourceType.find((t) => t.resourceType === resourceType)?.[table];
    const total = counts?.[kind] ?? 0;
    const base = { table, resourceType, kind, offset, limit: PAGE_SIZE, total };
    if (kind === 'changed') return { ...base, items: this.changedPage(table, resourceType, offset) };
    const found = this.unpaired.get(`${table}:${kind}`);
    if (found) return { ...base, items: (found.get(resourceType) ?? []).slice(offset, offset + PAGE_SIZE).map((id) => ({ id })) };
    // Rows of one side without a partner on the other, in index order: the page stops reading at its LIMIT.
    const [from, other] = kind === 'added' ? (['cmp', 'main'] as const) : (['main', 'cmp'] as const);
    const side = (schema: 'main' | 'cmp') => (schema === 'main' ? this.attached.base : this.attached.compare);
    const name = SQL_TABLE[table];
    const ids = this.attached.db
      .prepare(
        `SELECT x.external_id FROM ${from}.${name} x
          WHERE x.sync_id = ? AND x.resource_type_id = ?
            AND NOT EXISTS (SELECT 1 FROM ${other}.${name} y WHERE y.external_id = x.external_id AND y.sync_id = ?)
          LIMIT ${PAGE_SIZE} OFFSET ?`,
      )
      .pluck()
      .all(side(from).syncId, resourceType, side(other).syncId, offset) as string[];
    return { ...base, items: ids.map((id) => ({ id })) };
  }

  /**
   * Every added (or removed) object of a table by type, in external-id order: the ids come from walking both
   * sides' (external_id, sync_id) indexes, which reads neither table, and only the unpaired rows are then
   * read for their type. Up to `keep` per table and kind; past that, pages scan instead.
   */
  private findUnpaired(table: Table, kind: 'added' | 'removed', keep: number): Map<string, string[]> | undefined {
    const [from, other] = kind === 'added' ? (['cmp', 'main'] as const) : (['main', 'cmp'] as const);
    const side = (schema: 'main' | 'cmp') => (schema === 'main' ? this.attached.base : this.attached.compare);
    const name = SQL_TABLE[table];
    const rows = this.attached.db.prepare(
      `SELECT x.external_id AS id, x.resource_type_id AS type FROM (
          SELECT a.rowid AS r FROM ${from}.${name} a
           WHERE a.sync_id = ? AND NOT EXISTS (SELECT 1 FROM ${other}.${name} b WHERE b.external_id = a.external_id AND b.sync_id = ?)
           ORDER BY a.external_id LIMIT -1) p
        JOIN ${from}.${name} x ON x.rowid = p.r`,
    );
    const byType = new Map<string, string[]>();
    let kept = 0;
    for (const row of rows.iterate(side(from).syncId, side(other).syncId) as Iterable<{ id: string; type: string }>) {
      if (++kept > keep) return undefined;
      let ids = byType.get(row.type);
      if (!ids) byType.set(row.type, (ids = []));
      ids.push(row.id);
    }
    return byType;
  }

  /**
   * Changed objects of one table and type, judged as `diff` judges them (pairs whose bytes differ, decoded),
   * walking the pairs in the base side's index order and stopping once the page is full: the first pages
   * answer at once, a page far in pays for the pairs before it.
   */
  private changedPage(table: Table, resourceType: string, offset: number): Array<{ id: string; fields: string[] }> {
    const name = SQL_TABLE[table];
    const { base, compare } = this.attached;
    const expansion = (side: typeof base, alias: string) => (table === 'grants' && side.hasExpansion ? `${alias}.expansion` : 'NULL');
    const pairs = this.attached.db.prepare(
      `SELECT b.external_id AS id, b.data AS baseData, ${expansion(base, 'b')} AS baseExpansion, c.data AS compareData, ${expansion(compare, 'c')} AS compareExpansion
         FROM main.${name} b JOIN cmp.${name} c ON c.external_id = b.external_id AND c.sync_id = ?
        WHERE b.sync_id = ? AND b.resource_type_id = ? AND c.resource_type_id = b.resource_type_id`,
    );
    const judge = new FieldJudge(table);
    const items: Array<{ id: string; fields: string[] }> = [];
    let seen = 0;
    for (const row of pairs.iterate(compare.syncId, base.syncId, resourceType) as Iterable<Pair>) {
      if (sameBytes(row.baseData, row.compareData) && sameBytes(row.baseExpansion, row.compareExpansion)) continue;
      const where = `${base.label} / ${compare.label}: ${name} row ${JSON.stringify(row.id)}`;
      const fields = judge.changedFields(
        { data: row.baseData, expansion: row.baseExpansion },
        { data: row.compareData, expansion: row.compareExpansion },
        where,
      );
      if (fields.length === 0) continue;
      if (seen++ < offset) continue;
      items.push({ id: row.id, fields });
      if (items.length === PAGE_SIZE) break;
    }
    return items;
  }

  close(): void {
    try {
      this.base.close();
      this.compare.close();
      this.attached.close();
    } finally {
      this.sides.close();
    }
  }
}

interface Pair {
  id: string;
  baseData: Uint8Array;
  baseExpansion: Uint8Array | null;
  compareData: Uint8Array;
  compareExpansion: Uint8Array | null;
}

/** A missing expansion column and an empty one are the same (as `diff` holds them). */
function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  const x = a ?? new Uint8Array();
  const y = b ?? new Uint8Array();
  return Buffer.compare(Buffer.from(x.buffer, x.byteOffset, x.byteLength), Buffer.from(y.buffer, y.byteOffset, y.byteLength)) === 0;
}
