import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirs } from './make-dirs.js';

const dir = mkdtempSync(join(tmpdir(), 'make-dirs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('makeDirs', () => {
  it('makes every missing folder, with the mode asked for, and accepts one that exists', () => {
    makeDirs(join(dir, 'a/b/c'), { label: 'test', mode: 0o700 });
    expect(statSync(join(dir, 'a/b/c')).mode & 0o777).toBe(0o700);
    expect(() => makeDirs(join(dir, 'a/b'), { label: 'test' })).not.toThrow();
  });

  it('ends with a one-line UserError where the kernel refuses, instead of looping', () => {
    expect(() => makeDirs('/proc/1/x/y', { label: '--runs-dir' })).toThrow(
      /^\/proc\/1\/x\/y: cannot create the folder \/proc\/1\/x for --runs-dir: /,
    );
  });

  it('names a file in the way', () => {
    writeFileSync(join(dir, 'f'), '');
    expect(() => makeDirs(join(dir, 'f'), { label: '--runs-dir' })).toThrow(/: is a file, not a folder \(--runs-dir takes a folder/);
    expect(() => makeDirs(join(dir, 'f', 'g'), { label: '--runs-dir' })).toThrow(/a part of the path is a file, not a folder/);
  });
});
