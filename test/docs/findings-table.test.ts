/**
 * docs/scenarios.md's findings table stays true to the code: every finding id the doctor's code can emit
 * (run, `--log` and `-f`) has a row, every id in the table is one the doctor (or `diff`) emits, and the
 * log fixtures, Python connector bugs and test files a row names exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

/** Finding ids as the detectors write them: an id with its title (doctor) or kind (diff); other `id:`s are resource types and the like. */
const DOCTOR_ID = /\bid: '([a-z0-9-]+)',\s+title:/g;
const DIFF_ID = /\bid: '([a-z0-9-]+)',\s+kind:/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.startsWith('test-support'))
    .map((e) => join(e.parentPath, e.name));
}

function emittedIds(dir: string, pattern: RegExp): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of sources(join(repoRoot, dir))) {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) ids.set(m[1]!, relative(repoRoot, file));
  }
  return ids;
}

const doc = readFileSync(join(repoRoot, 'docs/scenarios.md'), 'utf8');
const section = doc.slice(doc.indexOf("## The doctor's findings"), doc.indexOf('\n## ', doc.indexOf("## The doctor's findings") + 1));
const rows = section.split('\n').filter((l) => l.startsWith('| `'));
const tableIds = rows.flatMap((r) => [...r.split(' | ')[0]!.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!));

describe("docs/scenarios.md's findings table", () => {
  const doctor = emittedIds('harness/doctor', DOCTOR_ID);
  const diff = emittedIds('harness/diff', DIFF_ID);

  it('has a row for every finding id the doctor can emit', () => {
    expect(doctor.size).toBeGreaterThan(30);
    const absent = [...doctor].filter(([id]) => !tableIds.includes(id)).map(([id, file]) => `${id} (${file})`);
    expect(absent, 'ids the doctor emits that the table does not list').toEqual([]);
  });

  it('lists no id that neither the doctor nor diff emits', () => {
    expect(tableIds.filter((id) => !doctor.has(id) && !diff.has(id))).toEqual([]);
  });

  it('names log fixtures, Python connector bugs and test files that exist', () => {
    const logs = readdirSync(join(repoRoot, 'test/fixtures/logs'));
    const named = rows.flatMap((r) => [...r.matchAll(/\blog: ([a-z0-9-]+(?:, [a-z0-9-]+)*)/g)].flatMap((m) => m[1]!.split(', ')));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !logs.some((f) => f.startsWith(`${name}.`)))).toEqual([]);
    const connector = readFileSync(join(repoRoot, 'test/fixtures/external/buggy_connector.py'), 'utf8');
    const bugs = new Set([...connector.slice(connector.indexOf('BUGS = {')).matchAll(/^ {4}'([a-z-]+)':/gm)].map((m) => m[1]!));
    const cases = rows.flatMap((r) =>
      [...r.matchAll(/\bpython [^:|]+: ([a-z-]+(?: \/ [a-z-]+|, [a-z-]+)*)/g)].flatMap((m) => m[1]!.split(/, | \/ /)),
    );
    expect(cases.length).toBeGreaterThan(10);
    expect(cases.filter((bug) => !bugs.has(bug))).toEqual([]);
    const paths = rows.flatMap((r) => [...r.matchAll(/`((?:test|harness)\/[\w./-]+\.ts)`/g)].map((m) => m[1]!));
    expect(paths.filter((p) => !existsSync(join(repoRoot, p)))).toEqual([]);
  });
});
