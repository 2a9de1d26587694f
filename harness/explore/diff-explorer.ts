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
import { TABLES, type DiffReport, type Table } from '../diff/report.js';
import { blameDamage, openSides, type Sides } from '../diff/sides.js';
import { diffRoutes } from './diff-routes.js';
import type { Explorer } from './index.js';
import { ObjectVersions } from './object-versions.js';
import { PAGE_SIZE, SyncExplorer } from './sync-explorer.js';
import { syncRoutes } from './sync-routes.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ChangeList {
  table: Table;
  resourceType: string;
  kind: ChangeKind;
  offset: number;
  limit: number;
  /** From the report's per-type counts. */
  total: number;
  items: Array<{ id: string; fields?: string[] }>;
  /** For changed objects: the report names the first 50 per table; the rest are counted only. */
  note?: string;
}

export interface DiffOptions {
  /** `--fail-on` rules, as `diff` takes them. */
  failOn?: string[];
  /** `--drop-threshold`, percent. */
  dropThreshold?: number;
}

export class DiffExplorer {
  readonly report: DiffReport;
  readonly base: SyncExplorer;
  readonly compare: SyncExplorer;
  readonly versions: ObjectVersions;
  private readonly attached: AttachedSyncs;

  constructor(private readonly sides: Sides, options: DiffOptions) {
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
    } catch (error) {
      this.attached.close();
      throw error;
    }
  }

  /** Added or removed objects of one table and type, paged; changed ones as the report lists them. */
  changes(table: Table, resourceType: string, kind: ChangeKind, offset = 0): ChangeList {
    const counts = this.report.byResourceType.find((t) => t.resourceType === resourceType)?.[table];
    const total = counts?.[kind] ?? 0;
    const base = { table, resourceType, kind, offset, limit: PAGE_SIZE, total };
    if (kind === 'changed') {
      const detail = this.report.changes?.[table];
      const listed = (detail?.objects ?? []).filter((o) => o.resourceType === resourceType);
      const items = listed.slice(offset, offset + PAGE_SIZE).map((o) => ({ id: o.id, fields: o.fields }));
      const note = listed.length < total ? `the report names the first ${detail?.objects.length ?? 0} changed ${table} of all types; ${total - listed.length} more of this type are counted only` : undefined;
      return { ...base, items, ...(note ? { note } : {}) };
    }
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

export async function openDiffExplorer(basePath: string, comparePath: string, options: DiffOptions = {}): Promise<Explorer> {
  const sides = await openSides({ files: [basePath, comparePath] });
  let explorer: DiffExplorer;
  try {
    explorer = new DiffExplorer(sides, options);
  } catch (error) {
    sides.close();
    throw error;
  }
  return {
    kind: 'diff',
    subject: `${basePath} → ${comparePath}`,
    routes: [...diffRoutes(explorer), ...syncRoutes(explorer.base, '/base', 'base'), ...syncRoutes(explorer.compare, '/compare', 'compare')],
    close: () => explorer.close(),
  };
}

export { TABLES };
