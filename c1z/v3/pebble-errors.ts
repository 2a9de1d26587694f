/**
 * Turns failures inside the unpacked Pebble store into the one-line UserError the CLI prints: what is
 * wrong, in which file of the payload, and what to do.
 */
import { fileError, UserError } from '../../lib/errors.js';
import { ManifestError } from './lsm/live-tables.js';
import { PebbleCorruption, PebbleUnsupported } from './sst/corruption.js';

export function describePebbleError(path: string, error: unknown): unknown {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    const variable = process.env.SYNC_HARNESS_TMPDIR ? 'SYNC_HARNESS_TMPDIR' : 'TMPDIR';
    return fileError(
      path,
      'the disk filled up while unpacking the v3 payload into a temporary folder',
      `set ${variable} to a folder with room for the unpacked store`,
      error,
    );
  }
  if (error instanceof PebbleCorruption || (error instanceof ManifestError && !error.unsupported)) {
    return fileError(path, `damaged v3 payload: ${error.message}`, 'the file is damaged; ask for it again', error);
  }
  if (error instanceof PebbleUnsupported || (error instanceof ManifestError && error.unsupported)) {
    return fileError(
      path,
      `v3 payload uses a Pebble feature this reader does not support: ${error.message}`,
      'rerun the connector with --storage-engine sqlite to get a file every tool reads',
      error,
    );
  }
  return error;
}

/** Wraps a generator so errors raised while it is consumed are described too. */
export function* reporting<T>(path: string, items: Iterable<T>): Generator<T> {
  try {
    yield* items;
  } catch (error) {
    throw describePebbleError(path, error);
  }
}
