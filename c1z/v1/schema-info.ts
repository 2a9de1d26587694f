/**
 * What this particular file's schema has. Columns arrive by ALTER TABLE as the SDK ages, and only when a
 * file is opened for writing, so real files in the wild have every vintage: never assume a column exists.
 */
import type Database from 'better-sqlite3';

export const C1Z_TABLES = ['v1_resource_types', 'v1_resources', 'v1_entitlements', 'v1_grants', 'v1_sync_runs'] as const;

export class SchemaInfo {
  private readonly columns = new Map<string, Set<string>>();

  constructor(db: Database.Database) {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    for (const table of tables) {
      const names = (db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as Array<{ name: string }>).map((c) => c.name);
      this.columns.set(table, new Set(names));
    }
  }

  hasTable(table: string): boolean {
    return this.columns.has(table);
  }

  has(table: string, column: string): boolean {
    return this.columns.get(table)?.has(column) ?? false;
  }

  /** The c1z tables this file lacks; any missing means it is not a sync store. */
  missingTables(): string[] {
    return C1Z_TABLES.filter((t) => !this.hasTable(t));
  }

  /** `column` if the table has it, else a literal default, for SELECT lists that work on every vintage. */
  columnOr(table: string, column: string, fallback: string): string {
    return this.has(table, column) ? column : `${fallback} AS ${column}`;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
