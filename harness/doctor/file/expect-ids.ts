/**
 * `--expect-ids`: the ids someone relies on (a Terraform config's `match_baton_id` values, an access
 * review's list) against what the sync holds. Matching is exact, as ConductorOne matches ids; an id
 * present only in another case is called out apart, since that is the usual cause.
 */
import { readFileSync } from 'node:fs';
import { checkInputFile } from '../../../lib/fs/input-file.js';
import { fileError } from '../../../lib/errors.js';
import type { Finding } from '../../../reports/evidence.js';
import { firstFew } from '../journal-facts.js';

export interface ExpectIdsResult {
  expected: number;
  found: number;
  missing: string[];
  caseOnly: { expected: string; found: string }[];
  /** Ids of the expected types the sync holds but the list does not name. */
  extra: string[];
}

/** `type:id` lines; `#` comments and blank lines are skipped. */
export function readExpectedIds(path: string): string[] {
  checkInputFile(path, { flag: '--expect-ids', what: 'id list' });
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileError(
      path,
      `cannot read the expected ids: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      'give a text file with one type:id per line',
      error,
    );
  }
  const ids: string[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.indexOf(':') <= 0 || line.endsWith(':'))
      throw fileError(
        path,
        `line ${i + 1} is not a type:id ("${line.slice(0, 80)}")`,
        'write one id per line as <resource type>:<resource id>, e.g. user:8f2c...',
      );
    ids.push(line);
  });
  return ids;
}

export function compareIds(expected: readonly string[], present: ReadonlySet<string>): ExpectIdsResult {
  const lower = new Map<string, string>();
  for (const key of present) if (!lower.has(key.toLowerCase())) lower.set(key.toLowerCase(), key);
  const wanted = new Set(expected);
  const wantedLower = new Set(expected.map((id) => id.toLowerCase()));
  const missing: string[] = [];
  const caseOnly: { expected: string; found: string }[] = [];
  for (const id of wanted) {
    if (present.has(id)) continue;
    const variant = lower.get(id.toLowerCase());
    if (variant) caseOnly.push({ expected: id, found: variant });
    else missing.push(id);
  }
  const types = new Set(expected.map((id) => id.slice(0, id.indexOf(':'))));
  const extra = [...present]
    .filter((key) => types.has(key.slice(0, key.indexOf(':'))) && !wanted.has(key) && !wantedLower.has(key.toLowerCase()))
    .sort();
  return { expected: wanted.size, found: wanted.size - missing.length - caseOnly.length, missing, caseOnly, extra };
}

export function expectIdsFindings(result: ExpectIdsResult): Finding[] {
  const findings: Finding[] = [];
  if (result.caseOnly.length > 0) {
    findings.push({
      id: 'id-case-mismatch',
      title: `Case-only id mismatch: ${result.caseOnly.length} expected id(s) are in the sync only in another case`,
      evidence: firstFew(
        result.caseOnly.map((c) => `expected ${c.expected}, sync has ${c.found}`),
        4,
      ),
      fix: [
        'Ids match exactly, case included: copy the id from the sync (sync-harness resources -f FILE) into the configuration.',
        'If the connector changed the case it writes ids in, that is a connector change every matching configuration must follow.',
      ],
    });
  }
  if (result.missing.length > 0) {
    findings.push({
      id: 'expected-id-missing',
      title: `Expected ids missing: ${result.missing.length} of ${result.expected} expected id(s) are not in the sync`,
      evidence: firstFew(result.missing, 5),
      fix: [
        'Check the object exists in the provider and the connector can read it (permissions, filters on its listing, an unfinished sync).',
        "Check the id format: the connector's resource id (object id, ARN, email...) for that resource type, not a display name.",
      ],
    });
  }
  return findings;
}
