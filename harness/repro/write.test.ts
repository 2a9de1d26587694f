import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeScenarioFile } from './write.js';

describe('writeScenarioFile', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'repro-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes once, refuses to replace without force, replaces with it, and leaves no temporary behind', () => {
    const file = join(dir, 'nested', 'a.yaml');
    writeScenarioFile(file, 'one\n', false);
    expect(() => writeScenarioFile(file, 'two\n', false)).toThrow(/a\.yaml: already exists \(add --force to replace it/);
    expect(readFileSync(file, 'utf8')).toBe('one\n');
    writeScenarioFile(file, 'three\n', true);
    expect(readFileSync(file, 'utf8')).toBe('three\n');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['a.yaml']);
  });
});
