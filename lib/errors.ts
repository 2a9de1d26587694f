import { echo } from './echo.js';

/** Paths are echoed longer than other values: PATH_MAX is 4096, but a real path rarely passes a few hundred. */
const PATH_ECHO = 300;

/**
 * An error the user can fix: bad input, a missing file, an unknown sync id. The CLI prints its message as
 * one line on stderr and exits with code 2; anything else is a bug and keeps its stack under `--debug`.
 */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserError';
  }
}

/** A UserError about one file, keeping its parts for callers that word it for another audience. */
export class FileError extends UserError {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly hint?: string,
    cause?: unknown,
  ) {
    // The path is echoed escaped and cut (see echo.ts): a path is the user's text, and may hold a newline.
    super(`${echo(file, PATH_ECHO)}: ${problem}${hint ? ` (${hint})` : ''}`, { cause });
  }
}

/** One-line error about a file: `<file>: <problem>`, with an optional hint on how to fix it. */
export function fileError(file: string, problem: string, hint?: string, cause?: unknown): FileError {
  return new FileError(file, problem, hint, cause);
}
