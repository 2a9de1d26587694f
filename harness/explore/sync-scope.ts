/**
 * Which rows of the file the explorer shows, as a SQL condition: one sync's (chosen as the listing commands
 * choose it), or every row when the file records no sync runs. When every row of a table belongs to the
 * shown sync (the usual one-sync file), the condition is dropped for that table, so counts run along an
 * index without visiting a million rows to read their sync id.
 */
import type Database from 'better-sqlite3';

export type Table = 'v1_resource_types' | 'v1_resources' | 'v1_entitlements' | 'v1_grants';

export class SyncScope {
  private readonly unfiltered = new Set<Table>();

  constructor(
    db: Database.Database,
    /** Undefined: every sync's rows (the file has no sync runs). */
    readonly syncId: string | undefined,
  ) {
    if (syncId === undefined) return;
    for (const table of ['v1_resource_types', 'v1_resources', 'v1_entitlements', 'v1_grants'] as const) {
      const others = db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE sync_id <> ?)`).pluck().get(syncId);
      if (others === 0) this.unfiltered.add(table);
    }
  }

  /** ` AND <alias.>sync_id = ?` or nothing, with its parameters. */
  and(table: Table, alias = ''): { sql: string; params: unknown[] } {
    if (this.syncId === undefined || this.unfiltered.has(table)) return { sql: '', params: [] };
    return { sql: ` AND ${alias ? `${alias}.` : ''}sync_id = ?`, params: [this.syncId] };
  }
}
