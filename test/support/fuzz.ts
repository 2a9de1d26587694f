/**
 * What every fuzzer asserts: the parser answers, or refuses with the error type its callers turn into a
 * one-line message (a UserError, exit 2; a simulator's 400). Anything else escaping, a plain TypeError or
 * RangeError above all, is a bug in the parser. Seeds are fixed so CI runs the same cases every time.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export const SEED = 20261207;

/**
 * Runs `parse` and returns nothing, or throws when it failed any other way than with an `expected` error.
 * `oneLine: false` for the simulators' 400s, whose message travels JSON-escaped in a response body and
 * quotes the request's text as the real service does.
 */
export function answersOrRefuses(parse: () => unknown, expected: (error: unknown) => boolean, { oneLine = true } = {}): void {
  try {
    parse();
  } catch (error) {
    if (expected(error)) {
      if (oneLine) expect((error as Error).message, 'the refusal is one line').not.toMatch(/[\r\n]/);
      return;
    }
    throw error;
  }
}

export const isUserError = (error: unknown): boolean => error instanceof Error && error.name === 'UserError';

/** Text the way people and tools mangle it: ASCII, full Unicode, control characters, pieces of the grammar. */
export function mangledText(pieces: readonly string[], maxLength = 60): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...pieces) },
    { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom('\n', '\r', '\t', '\0', '\u2028', '\u001b[2J', '\\', '"', "'", ' ', '%00', '\ud800') },
  );
  return fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('').slice(0, maxLength * 4));
}
