import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFolders } from './make-folders.js';

describe('makeFolders', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sync-harness-folders-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes every missing level, and is fine when they exist', () => {
    const target = join(scratch(), 'a', 'b', 'c');
    makeFolders(target, 0o700);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o700);
    makeFolders(target);
  });

  it('refuses a file on the way with ENOTDIR', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'file'), '');
    expect(() => makeFolders(join(dir, 'file', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('fails once, not forever, where a level cannot be made although its parent exists (/proc)', () => {
    expect(() => makeFolders('/proc/sync-harness-x/y')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(existsSync('/proc/sync-harness-x')).toBe(false);
  });
});
