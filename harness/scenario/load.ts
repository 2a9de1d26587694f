/**
 * Reading scenario files: YAML (with line positions kept) -> version check -> schema -> `Scenario`, or
 * one UserError line `<file>:<line>:<col>: <field path>: <problem> (<how to fix>)`. Only the first problem
 * in the file is reported, so fixing it top to bottom works.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { UserError, fileError } from '../../lib/errors.js';
import { checkInputFile } from '../../lib/fs/input-file.js';
import { formatPath, problemsOf, valueAt, type Path } from './issue-message.js';
import { SCENARIO_VERSIONS, scenarioSchema, type Scenario } from './schema.js';
import { locate, type Position } from './yaml-locate.js';

export type LoadedScenario = Scenario & {
  /** Where it came from, pointing at its `name`, for messages and reports. */
  source: { file: string } & Position;
};

/**
 * Scenario files are a few KB; the library's largest is under 2 KB. A file past this is not a scenario
 * (a log or a dump passed by mistake), and parsing it whole would only make the error slower.
 */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/**
 * Aliases a scenario may expand (the `yaml` library's own default, made explicit): a "billion laughs" file
 * of nested aliases is refused as bad input instead of filling memory.
 */
export const MAX_ALIAS_COUNT = 100;

export async function loadScenario(file: string): Promise<LoadedScenario> {
  const stat = checkInputFile(file, { flag: 'run', what: 'scenario file' });
  if (stat.size > MAX_SCENARIO_BYTES) {
    throw fileError(
      file,
      `${stat.size} bytes is too large for a scenario file (at most ${MAX_SCENARIO_BYTES})`,
      'is this the scenario? scenario files are a few KB of YAML',
    );
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read the scenario (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; check the path)`, {
      cause: error,
    });
  }
  return parseScenario(text, file);
}

/** Files and folders (searched recursively for *.yaml and *.yml, each folder sorted); names must be unique. */
export async function loadScenarios(paths: readonly string[]): Promise<LoadedScenario[]> {
  const loaded: LoadedScenario[] = [];
  for (const entry of await loadScenarioSet(paths)) {
    if ('problem' in entry) throw new UserError(entry.problem);
    loaded.push(entry.scenario);
  }
  return loaded;
}

/** One scenario file as loaded: the scenario, or the one-line problem that stopped it. */
export type ScenarioEntry = { file: string; scenario: LoadedScenario } | { file: string; problem: string };

/**
 * Like `loadScenarios`, but a bad file is an entry of its own instead of stopping the rest, so a run can
 * report every file's problem and still run the good ones. A path that does not exist still throws: that
 * is a mistake on the command line, not in a file.
 */
export async function loadScenarioSet(paths: readonly string[]): Promise<ScenarioEntry[]> {
  const entries: ScenarioEntry[] = [];
  const byName = new Map<string, LoadedScenario>();
  for (const file of await scenarioFiles(paths)) {
    let scenario: LoadedScenario;
    try {
      scenario = await loadScenario(file);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      entries.push({ file, problem: error.message });
      continue;
    }
    const first = byName.get(scenario.name);
    if (first) {
      const { source } = scenario;
      const problem = `${source.file}:${source.line}:${source.col}: name: "${scenario.name}" is already used by ${first.source.file}:${first.source.line}:${first.source.col} (scenario names must be unique; rename one)`;
      entries.push({ file, problem });
      continue;
    }
    byName.set(scenario.name, scenario);
    entries.push({ file, scenario });
  }
  return entries;
}

async function scenarioFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info && path !== '' && path !== '-') throw fileError(path, 'no such file or folder', 'give a scenario file or a folder of them');
    // A FIFO or device would block or never end; standard input is refused by name.
    checkInputFile(path, { flag: 'run', what: 'scenario file', folderToo: true });
    if (!info!.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = (await readdir(path, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    if (found.length === 0) throw new UserError(`${path}: no scenarios in this folder (scenario files end in .yaml or .yml)`);
    files.push(...found);
  }
  // The same file given twice (directly and through its folder) is one scenario, not a duplicate name.
  return [...new Set(files)];
}

export function parseScenario(text: string, file: string): LoadedScenario {
  const lines = new LineCounter();
  // logLevel 'error': the library's warnings (a collection used as a key) would go to process warnings on
  // stderr, beside the one-line error; such a key becomes a string the schema then refuses.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, logLevel: 'error' });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = syntax.linePos?.[0] ?? { line: 1, col: 1 };
    const problem = syntax.message
      .split('\n')[0]!
      .replace(/ at line \d+, column \d+:?$/, '')
      // The parser recurses per level and reports the overflow as a syntax error; say what it means.
      .replace(/^Maximum call stack size exceeded$/, 'nested too deeply');
    throw new UserError(`${file}:${pos.line}:${pos.col}: yaml: ${problem} (fix the YAML syntax)`);
  }
  const data = toData(doc, file);
  const fail = (path: Path, problem: string, at: 'key' | 'value' = 'value'): never => {
    const pos = locate(doc as Document, lines, path, at);
    throw new UserError(`${file}:${pos.line}:${pos.col}: ${formatPath(path)}: ${problem}`);
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail(
      [],
      `expected a mapping with version, name, provider, connector and expect, got ${data === null || data === undefined ? 'an empty file' : 'a list or a value'} (see scenarios/examples/)`,
    );
  }
  checkVersion(valueAt(data, ['version']), fail);
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const problems = problemsOf(parsed.error.issues, data).map((problem) => ({
      problem,
      pos: locate(doc as Document, lines, problem.path, problem.at),
    }));
    // At the same spot an unknown key explains more than the missing key it was probably meant to be.
    problems.sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col || Number(b.problem.at === 'key') - Number(a.problem.at === 'key'));
    const { problem } = problems[0]!;
    return fail(problem.path, problem.message, problem.at);
  }
  return { ...parsed.data, source: { file, ...locate(doc as Document, lines, ['name']) } };
}

/** The document as data, with its aliases expanded at most {@link MAX_ALIAS_COUNT} times. */
function toData(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The library's guard throws a plain ReferenceError ("Excessive alias count...").
    if (!(error instanceof ReferenceError)) throw error;
    throw new UserError(
      `${file}:1:1: yaml: the aliases expand too far (${error.message}; a scenario needs at most ${MAX_ALIAS_COUNT} alias expansions: write the values out)`,
      { cause: error },
    );
  }
}

/** Before the schema: a file written for another version would otherwise get a wall of unrelated errors. */
function checkVersion(version: unknown, fail: (path: Path, problem: string) => never): void {
  const known = SCENARIO_VERSIONS.join(', ');
  if (version === undefined) fail(['version'], `missing (add "version: 1" at the top; known versions: ${known})`);
  if (!(SCENARIO_VERSIONS as readonly unknown[]).includes(version)) {
    const quoted = typeof version === 'string' && (SCENARIO_VERSIONS as readonly unknown[]).includes(Number(version));
    fail(
      ['version'],
      `${JSON.stringify(version)} is not a scenario version this harness reads (${quoted ? `write version: ${version} without quotes; ` : ''}known versions: ${known})`,
    );
  }
}
