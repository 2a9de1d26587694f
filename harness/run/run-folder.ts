/**
 * Run folders are this tool's to replace, and nothing else is: every folder the runner makes carries a marker
 * file, and an existing `runs/<name>/` without one (a scenario named `src` run with `--runs-dir .`) is refused,
 * never deleted. Replacing moves the old folder aside, renames the new one in, and only then deletes the old,
 * so a crash at any point leaves one of them whole.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../lib/errors.js';

/** The marker's name inside every run folder. */
export const RUN_MARKER = '.sync-harness-run';

/** What the marker holds: who made the folder and for which scenario (small, and the same on every run). */
interface RunMarker {
  createdBy: 'sync-harness';
  scenario: string;
}

export function markRunFolder(dir: string, scenario: string): void {
  const marker: RunMarker = { createdBy: 'sync-harness', scenario };
  writeFileSync(join(dir, RUN_MARKER), `${JSON.stringify(marker)}\n`);
}

/** Throws when `runDir` exists and is not a run folder this tool made; a missing one is fine. */
export function assertReplaceable(runDir: string): void {
  const problem = notOurs(runDir);
  if (problem) {
    throw new UserError(`${runDir}: ${problem}, so the run will not replace it (move or delete it yourself, or give another --runs-dir)`);
  }
}

/** The finished staging folder becomes `runDir`; a previous run folder there goes only once the new one is in. */
export function replaceRunFolder(staging: string, runDir: string): void {
  assertReplaceable(runDir);
  if (!exists(runDir)) {
    renameSync(staging, runDir);
    return;
  }
  const aside = join(dirname(runDir), `.${basename(runDir)}.previous-${randomBytes(4).toString('hex')}`);
  renameSync(runDir, aside);
  try {
    renameSync(staging, runDir);
  } catch (error) {
    renameSync(aside, runDir);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** Why `path` is not ours to replace, or undefined when it is (or does not exist). */
function notOurs(path: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return `cannot be checked (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  if (stat.isSymbolicLink()) return 'is a symbolic link, not a run folder sync-harness made';
  if (!stat.isDirectory()) return 'exists and is not a folder';
  const marker = readMarker(join(path, RUN_MARKER));
  if (!marker) return `exists and is not a sync-harness run folder (it has no ${RUN_MARKER} marker; runs from before markers have none either)`;
  return undefined;
}

function readMarker(file: string): RunMarker | undefined {
  try {
    if (!lstatSync(file).isFile()) return undefined;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunMarker>;
    return parsed && parsed.createdBy === 'sync-harness' ? (parsed as RunMarker) : undefined;
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
