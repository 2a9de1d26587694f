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
    super(`${file}: ${problem}${hint ? ` (${hint})` : ''}`, { cause });
  }
}

/** One-line error about a file: `<file>: <problem>`, with an optional hint on how to fix it. */
export function fileError(file: string, problem: string, hint?: string, cause?: unknown): FileError {
  return new FileError(file, problem, hint, cause);
}
