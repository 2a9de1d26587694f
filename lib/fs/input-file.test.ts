import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInputFile } from './input-file.js';

const dir = mkdtempSync(join(tmpdir(), 'input-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { flag: '--log', what: 'log file' };

describe('checkInputFile', () => {
  it('passes a regular file, and a folder only when asked', () => {
    writeFileSync(join(dir, 'ok.log'), 'x');
    expect(checkInputFile(join(dir, 'ok.log'), options).isFile()).toBe(true);
    expect(() => checkInputFile(dir, options)).toThrow(/: is a folder, not a log file/);
    expect(checkInputFile(dir, { ...options, folderToo: true }).isDirectory()).toBe(true);
  });

  it.each([
    ['-', /^-: standard input is not supported/],
    ['/dev/stdin', /^\/dev\/stdin: standard input is not supported/],
    ['', /^--log "": empty path/],
    ['/dev/zero', /: is a character device, not a regular file/],
    ['/nope/x.log', /: no such file \(check the path of the log file\)/],
  ])('%j is refused', (path, message) => {
    expect(() => checkInputFile(path, options)).toThrow(message);
  });

  it('names a FIFO without opening it (which would wait for a writer)', () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(() => checkInputFile(join(dir, 'pipe'), options)).toThrow(/: is a named pipe \(FIFO\), not a regular file/);
  });
});
