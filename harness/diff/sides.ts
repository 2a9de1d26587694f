/**
 * Which two syncs a diff compares. Two files: each side's sync as the listing commands choose it (latest
 * finished full sync, else what sync-selection.ts falls back to, said on stderr). One file (`-f`): its latest
 * finished full sync against the one before, as `baton diff` does, with baton's error texts.
 * `--base-sync-id` / `--sync-id` override either side.
 *
 * Each file comes with a SQLite database in the v1 schema (a v3 file's rows are written into one), so the
 * comparison joins the same way whatever the engines. A v1 sync compared with a v3 one is first reduced to
 * what v3 files keep (reduceToV3Fields): fields only one side can have are not compared.
 */
import { openSyncFile, reduceToV3Fields, selectForRows, type SyncFile, type SyncRun } from '../../c1z/index.js';
import { UserError } from '../../lib/errors.js';

export interface Side {
  file: SyncFile;
  sync: SyncRun;
  /** Said on stderr when the chosen sync is not a finished full one. */
  note?: string;
}

export interface Sides {
  base: Side;
  compare: Side;
  close(): void;
}

export interface SideOptions {
  file?: string;
  files: string[];
  baseSyncId?: string;
  syncId?: string;
}

const USAGE = 'give two files (sync-harness diff BASE.c1z COMPARE.c1z) or one with -f FILE';

export async function openSides(options: SideOptions): Promise<Sides> {
  if (options.file && options.files.length > 0) throw new UserError(`diff: -f ${options.file} and file arguments together: ${USAGE}`);
  if (options.file) return openOneFile(options.file, options);
  if (options.files.length !== 2)
    throw new UserError(
      `diff: ${options.files.length === 0 ? 'no files' : options.files.length === 1 ? 'only one file' : 'more than two files'}: ${USAGE}`,
    );
  const [basePath, comparePath] = options.files as [string, string];
  // Both at once: inflating one v1 file overlaps the other's disk writes. The base file's error wins, as
  // when they were opened in turn.
  const [baseOpened, compareOpened] = await Promise.allSettled([openSyncFile(basePath, DATABASE), openSyncFile(comparePath, DATABASE)]);
  if (baseOpened.status === 'rejected') {
    if (compareOpened.status === 'fulfilled') compareOpened.value.close();
    throw baseOpened.reason;
  }
  let baseFile = baseOpened.value;
  let compareFile: SyncFile | undefined;
  try {
    if (compareOpened.status === 'rejected') throw compareOpened.reason;
    compareFile = compareOpened.value;
    const base = pick(baseFile, options.baseSyncId, '--base-sync-id');
    const compare = pick(compareFile, options.syncId, '--sync-id');
    if (baseFile.engine !== compareFile.engine) {
      // The reduced file closes the one it was made from.
      if (baseFile.engine === 'sqlite') base.file = baseFile = await reduceToV3Fields(baseFile, base.sync);
      else compare.file = compareFile = await reduceToV3Fields(compareFile, compare.sync);
    }
    const opened = compareFile;
    return { base, compare, close: () => closeBoth(baseFile, opened) };
  } catch (error) {
    closeBoth(baseFile, compareFile);
    throw error;
  }
}

const DATABASE = { need: 'database' } as const;

async function openOneFile(path: string, options: SideOptions): Promise<Sides> {
  const file = await openSyncFile(path, DATABASE);
  try {
    const syncs = file.syncs();
    const explicit = (id: string | undefined, flag: string) => (id ? pick(file, id, flag).sync : undefined);
    let compare = explicit(options.syncId, '--sync-id');
    let base = explicit(options.baseSyncId, '--base-sync-id');
    const full = syncs.filter((s) => s.endedAt && s.syncType === 'full');
    if (!compare) {
      const latest = latestOf(
        path,
        full.filter((s) => s.id !== base?.id),
      );
      if (!latest) throw noSyncs(path, syncs.length);
      compare = latest;
    }
    if (!base) {
      // The previous full sync: the latest of those written into the file before the compared one.
      const position = syncs.findIndex((s) => s.id === compare!.id);
      const earlier = full.filter((s) => syncs.indexOf(s) < position);
      base = latestOf(path, earlier);
      if (!base)
        throw new UserError(
          `${path}: cannot diff single sync run (only one finished full sync, ${compare.id}; give a second file, or --base-sync-id)`,
        );
    }
    const close = () => file.close();
    return { base: { file, sync: base }, compare: { file, sync: compare }, close };
  } catch (error) {
    file.close();
    throw error;
  }
}

function pick(file: SyncFile, syncId: string | undefined, flag: string): Side {
  if (file.syncs().length === 0) throw new UserError(`${file.path}: no syncs found - cannot diff (the file holds no sync runs)`);
  const selection = renamingFlag(flag, () => selectForRows(file.path, file.syncs(), syncId));
  if (selection.kind === 'all-syncs') throw new UserError(`${file.path}: no syncs found - cannot diff`);
  const { sync, reason } = selection;
  const note =
    reason === 'latest-unfinished'
      ? `note: no finished full sync in ${file.path}; comparing its unfinished sync ${sync.id}`
      : reason === 'latest-finished'
        ? `note: no full sync in ${file.path}; comparing its ${sync.syncType} sync ${sync.id}`
        : undefined;
  return { file, sync, note };
}

/** The latest of `syncs` by the SDK's order (reusing sync-selection's rule). */
function latestOf(path: string, syncs: SyncRun[]): SyncRun | undefined {
  const selection = selectForRows(path, syncs);
  return selection.kind === 'sync' && selection.sync.endedAt ? selection.sync : undefined;
}

/** sync-selection names `--sync-id` in its unknown-id error; the base side's flag is another. */
function renamingFlag<T>(flag: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof UserError && flag !== '--sync-id') throw new UserError(error.message.replace('unknown --sync-id', `unknown ${flag}`));
    throw error;
  }
}

function noSyncs(path: string, count: number): UserError {
  return new UserError(
    count === 0
      ? `${path}: no syncs found - cannot diff (the file holds no sync runs)`
      : `${path}: no syncs found - cannot diff (no finished full sync among its ${count}; list them with: sync-harness syncs -f ${path})`,
  );
}

function closeBoth(a: SyncFile, b: SyncFile | undefined): void {
  try {
    b?.close();
  } finally {
    a.close();
  }
}

/**
 * A comparison that failed inside SQLite (on a worker thread, where the error lost its type) most likely
 * met a damaged page: the one-line damaged-store error of the side that fails its check, else `error`
 * itself. Checked only after a failure, so a healthy diff pays nothing for it.
 */
export function blameDamage(sides: Sides, error: unknown): unknown {
  if (error instanceof UserError) return error;
  for (const side of [sides.base, sides.compare]) {
    try {
      side.file.verify();
    } catch (damage) {
      return damage;
    }
  }
  return error;
}
