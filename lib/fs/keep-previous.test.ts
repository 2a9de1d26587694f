import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { keepPrevious } from './keep-previous.js';

const dir = mkdtempSync(join(tmpdir(), 'keep-previous-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps one previous generation as <name>.1<ext>', () => {
  const journal = join(dir, 'journal.jsonl');
  expect(keepPrevious(journal)).toBeUndefined();
  writeFileSync(journal, 'first\n');
  expect(keepPrevious(journal)).toBe(join(dir, 'journal.1.jsonl'));
  expect(existsSync(journal)).toBe(false);
  writeFileSync(journal, 'second\n');
  keepPrevious(journal);
  expect(readFileSync(join(dir, 'journal.1.jsonl'), 'utf8')).toBe('second\n');
});

it('leaves a folder of that name alone', () => {
  expect(keepPrevious(dir)).toBeUndefined();
  expect(existsSync(dir)).toBe(true);
});
