/**
 * What every log detector reads: the parsed lines, the provider the log is about (guessed from its own
 * texts, since a log does not say), and helpers to pick lines and quote them as evidence.
 */
import type { Finding, RunEvidence } from '../../../reports/evidence.js';
import { firstFew } from '../journal-facts.js';
import { lineEvidence, type ParsedLine } from './parse.js';
import { PROVIDERS } from '../../../mocks/providers.js';

export type Provider = RunEvidence['provider'];

export interface LogContext {
  lines: readonly ParsedLine[];
  provider: Provider | undefined;
}

export type LogDetector = (c: LogContext) => Finding | undefined;

/** A line a detector picked, with the text its pattern matched (so a console can cut around it). */
export interface MatchedLine extends ParsedLine {
  matched?: string;
}

export function matching(c: LogContext, pattern: RegExp, except?: RegExp): MatchedLine[] {
  return c.lines.flatMap((l) => {
    const found = pattern.exec(l.text);
    return found && !except?.test(l.text) ? [{ ...l, matched: found[0] }] : [];
  });
}

/** The first few lines, whole, as `line N: ...` with a count of the rest, and what matched in each. */
export function cite(lines: readonly MatchedLine[], n = 4): Pick<Finding, 'evidence' | 'matched'> {
  const evidence = firstFew(
    lines.map((l) => lineEvidence(l)),
    n,
  );
  return { evidence, matched: evidence.map((_, i) => (i < n ? (lines[i]?.matched ?? null) : null)) };
}

/** The provider whose texts the log mentions most; undefined when none do. */
export function guessProvider(lines: readonly ParsedLine[]): Provider | undefined {
  let best: Provider | undefined;
  let bestCount = 0;
  for (const { name: provider, logTells: pattern } of PROVIDERS) {
    const count = lines.filter((l) => pattern.test(`${l.logger ?? ''} ${l.text}`)).length;
    if (count > bestCount) [best, bestCount] = [provider, count];
  }
  return best;
}
