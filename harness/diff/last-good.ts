/**
 * "What changed since the last good sync": the run's sync against the one the user says last worked
 * (a run folder or a .c1z), through the diff library, so the report and `sync-harness diff` agree.
 */
import { existsSync, statSync } from 'node:fs';
import { compareSyncs } from './compare.js';
import { openSides } from './sides.js';
import { fileError } from '../../lib/errors.js';
import type { SinceLastGood } from '../../reports/model.js';
import { isRunFolder, readRunFolder } from '../../reports/run-folder.js';

/** The same default as `diff --drop-threshold`. */
const DROP_THRESHOLD = 10;

export async function compareWithLastGood(lastGood: string, current: string | undefined): Promise<SinceLastGood> {
  if (!current)
    throw fileError(lastGood, 'cannot compare: the run wrote no sync file', 'the run stopped before its connector wrote one; drop --last-good');
  const sides = await openSides({ files: [syncFileOf(lastGood), current] });
  try {
    const diff = compareSyncs(sides, { dropThreshold: DROP_THRESHOLD, rules: [] });
    const notes = [sides.base.note, sides.compare.note].filter((n): n is string => Boolean(n)).map((n) => n.replace(/^note: /, ''));
    return { path: lastGood, diff, notes };
  } finally {
    sides.close();
  }
}

function syncFileOf(path: string): string {
  if (isRunFolder(path)) {
    const [first] = readRunFolder(path).syncFiles;
    if (!first) throw fileError(path, 'the run folder holds no sync file', 'give the .c1z of the last good sync instead');
    return first;
  }
  if (!existsSync(path)) throw fileError(path, 'no such file or run folder', 'give the run folder or .c1z of the last good sync');
  if (statSync(path).isDirectory()) throw fileError(path, 'not a run folder: no result.json', 'give the run folder or .c1z of the last good sync');
  return path;
}
