/**
 * Writes the scenario whole or not at all: into a temporary file beside it, then linked into place
 * (which fails if the name is taken, so two repros cannot race past the existence check) or, with
 * `--force`, renamed over the old one.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileError } from '../../lib/errors.js';
import { makeDirs } from '../../lib/fs/make-dirs.js';

export function writeScenarioFile(target: string, text: string, force: boolean): void {
  makeDirs(dirname(target), { label: '--out' });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    if (force) {
      renameSync(temp, target);
      return;
    }
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw fileError(target, 'already exists', 'add --force to replace it, or give another --ticket or --out', error);
    throw fileError(target, `cannot write the scenario: ${code ?? (error as Error).message}`, 'give a writable --out folder', error);
  } finally {
    rmSync(temp, { force: true });
  }
}
