/** What the inspection commands share: opening the file, picking the sync, baton's JSON conventions. */
import { openSyncFile, selectForRows, type RowSource, type RowTable, type SyncFile, type SyncRun, type SyncScope } from '../../../c1z/index.js';
import type { CommandIO } from '../../../lib/output/sink.js';

export interface InspectOptions {
  file: string;
  outputFormat: 'console' | 'json';
  syncId?: string;
  resourceType?: string;
}

/**
 * Open the file, check every page of the tables the command `reads` (with their indexes), run `body`, and always close (which removes the inflated
 * temporary database). The check comes first so that a damaged store fails before the first row is
 * printed: a listing cut at the damage would otherwise read as a complete one.
 */
export async function withSyncFile<T>(options: InspectOptions, reads: readonly RowTable[], body: (file: SyncFile) => Promise<T>): Promise<T> {
  const file = await openSyncFile(options.file);
  try {
    file.verify(reads);
    return await body(file);
  } finally {
    file.close();
  }
}

export interface RowView {
  rows: RowSource;
  scope: SyncScope;
  sync?: SyncRun;
}

/** The rows a listing shows, chosen as the SDK's reader does (see sync-selection.ts). */
export async function rowView(file: SyncFile, options: InspectOptions, io: CommandIO): Promise<RowView> {
  const rows = file.rows();
  const selection = selectForRows(file.path, file.syncs(), options.syncId);
  if (selection.kind === 'all-syncs') return { rows, scope: { allSyncs: true } };
  if (selection.reason === 'latest-unfinished') {
    await io.stderr.line(`note: no finished full sync in ${file.path}; showing the unfinished sync ${selection.sync.id}`);
  } else if (selection.reason === 'latest-finished') {
    await io.stderr.line(`note: no full sync in ${file.path}; showing the ${selection.sync.syncType} sync ${selection.sync.id}`);
  }
  return { rows, scope: { syncId: selection.sync.id }, sync: selection.sync };
}

/** int64 in protojson is a decimal string. */
export function int64(n: number | bigint): string {
  return String(n);
}

/** Writes `{"<key>":[` items `]}` one item per line, so a million grants never sit in memory at once. */
export class JsonListWriter {
  private count = 0;
  constructor(
    private readonly io: CommandIO,
    private readonly key: string,
  ) {}

  async item(value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    await this.io.stdout.write(this.count++ === 0 ? `{"${this.key}":[\n  ${text}` : `,\n  ${text}`);
  }

  async end(): Promise<void> {
    await this.io.stdout.line(this.count === 0 ? `{"${this.key}":[]}` : '\n]}');
  }
}

/** How long a sync ran ("2m11s"), or "unfinished". */
export function duration(sync: SyncRun): string {
  if (!sync.endedAt) return 'unfinished';
  const ms = Date.parse(sync.endedAt) - Date.parse(sync.startedAt ?? '');
  if (!Number.isFinite(ms) || ms < 0) return '-';
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 3 : 1)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${Math.floor(seconds % 60)}s` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}

/** RFC 3339 UTC to the compact console form `2026-03-03 09:45:13` (UTC is said in the column header). */
export function consoleTime(rfc3339: string | undefined): string {
  return rfc3339 ? rfc3339.replace('T', ' ').replace(/(\.\d+)?Z$/, '') : '-';
}
