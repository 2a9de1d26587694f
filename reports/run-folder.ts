/**
 * Reads back a run folder as `run` left it (`runs/<scenario>/`): result.json with the doctor's summary,
 * the simulators' journal, the connector log and the sync file(s). Everything a report says comes from
 * these files, so a folder copied off a CI machine reports the same as on it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from '../mocks/core/journal.js';
import type { LogLine } from './evidence.js';
import { fileError } from '../lib/errors.js';
import type { ScenarioResult } from './run/result.js';

type StoredResult = ScenarioResult & { diagnosis?: string };

export interface RunFolder {
  dir: string;
  result: StoredResult;
  journal: JournalEntry[];
  log: LogLine[];
  /** The sync files the run wrote, first connector first (absolute paths). */
  syncFiles: string[];
}

const HINT = 'give a folder `sync-harness run` wrote, e.g. runs/<scenario>/';

export function isRunFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory() && existsSync(join(path, 'result.json'));
}

export function readRunFolder(dir: string): RunFolder {
  if (!existsSync(dir)) throw fileError(dir, 'no such run folder', HINT);
  if (!statSync(dir).isDirectory()) throw fileError(dir, 'not a run folder (a file)', HINT);
  const resultPath = join(dir, 'result.json');
  if (!existsSync(resultPath)) throw fileError(dir, 'not a run folder: no result.json', HINT);
  const result = parseResult(resultPath);
  return {
    dir,
    result,
    journal: jsonLines<JournalEntry>(join(dir, 'journal.jsonl')),
    log: jsonLines<LogLine>(join(dir, 'connector.log')),
    syncFiles: syncFilesOf(dir, result),
  };
}

function parseResult(path: string): StoredResult {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw fileError(path, `not valid JSON (${(error as Error).message})`, 'rerun the scenario to write it again', error);
  }
  const r = value as Partial<StoredResult> | null;
  if (!r || typeof r !== 'object' || typeof r.name !== 'string' || typeof r.outcome !== 'string' || !Array.isArray(r.findings)) {
    throw fileError(path, 'not a scenario result (no name, outcome or findings)', 'rerun the scenario to write it again');
  }
  return { unmet: [], minimalPermissions: [], connectors: [], requestsByRoute: {}, ...r } as StoredResult;
}

/** A missing journal or log is an empty one (a run that never reached the network); a bad line is an error. */
function jsonLines<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      throw fileError(path, `line ${i + 1} is not JSON`, 'the file was cut short or edited; rerun the scenario');
    }
  });
  return out;
}

/** The connectors' sync files in their order (result.json names them), else any .c1z in the folder. */
function syncFilesOf(dir: string, result: StoredResult): string[] {
  const named = result.connectors.flatMap((c) => (c.syncFile ? [join(dir, c.syncFile)] : [])).filter((p) => existsSync(p));
  if (named.length > 0) return named;
  return readdirSync(dir)
    .filter((f) => /^sync(-\d+)?\.c1z$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => join(dir, f));
}
