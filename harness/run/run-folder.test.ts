import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertReplaceable, markRunFolder, replaceRunFolder, RUN_MARKER } from './run-folder.js';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'run-folder-test-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>, marked = true): string {
  const path = join(dir, name);
  mkdirSync(path);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  if (marked) markRunFolder(path, 'x');
  return path;
}

describe('replaceRunFolder', () => {
  it('renames the staging folder in when nothing is there', () => {
    const staging = folder('.x-1', { 'result.json': 'new' });
    replaceRunFolder(staging, join(dir, 'x'));
    expect(readdirSync(dir)).toEqual(['x']);
  });

  it('replaces a marked run folder and leaves no previous copy', () => {
    folder('x', { 'result.json': 'old' });
    replaceRunFolder(folder('.x-1', { 'result.json': 'new' }), join(dir, 'x'));
    expect(readdirSync(dir)).toEqual(['x']);
    expect(readFileSync(join(dir, 'x', 'result.json'), 'utf8')).toBe('new');
  });

  it('puts the old folder back when the new one cannot be renamed in', () => {
    folder('x', { 'result.json': 'old' });
    expect(() => replaceRunFolder(join(dir, '.x-gone'), join(dir, 'x'))).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['x']);
    expect(readFileSync(join(dir, 'x', 'result.json'), 'utf8')).toBe('old');
  });

  it('refuses an unmarked folder and touches neither', () => {
    folder('x', { 'mine.txt': 'keep' }, false);
    const staging = folder('.x-1', {});
    expect(() => replaceRunFolder(staging, join(dir, 'x'))).toThrow(/not a sync-harness run folder/);
    expect(readdirSync(dir).sort()).toEqual(['.x-1', 'x']);
  });
});

describe('assertReplaceable', () => {
  it('accepts a missing path and a marked folder, refuses a marker that says someone else', () => {
    expect(() => assertReplaceable(join(dir, 'none'))).not.toThrow();
    expect(() => assertReplaceable(folder('ours', {}))).not.toThrow();
    const other = folder('other', {}, false);
    writeFileSync(join(other, RUN_MARKER), '{"createdBy":"someone-else"}');
    expect(() => assertReplaceable(other)).toThrow(/has no \.sync-harness-run marker/);
  });
});
