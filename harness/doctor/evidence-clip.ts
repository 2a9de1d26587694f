/**
 * Evidence lines cut for reading, not for keeping: a console or a scenario header shows at most
 * {@link EVIDENCE_CHARS} characters of a line after its `line N: `, cut around the text the detector matched so it stays visible
 * (a Baton log line often carries a long URL or request id before the AADSTS code that matters), with "…" on
 * each side that was cut. JSON keeps whole lines; this is only for people.
 */

/** About three lines of an 80-column terminal: enough context either side of a match. */
export const EVIDENCE_CHARS = 240;

/** `line N: ` stays in front of a cut line, so a reader can still find the line in the file. */
const PREFIX = /^line \d+: /;

export function clipAround(text: string, matched: string | null | undefined, max = EVIDENCE_CHARS): string {
  const prefix = PREFIX.exec(text)?.[0] ?? '';
  const body = text.slice(prefix.length);
  if (body.length <= max) return text;
  const at = matched ? body.indexOf(matched) : -1;
  if (at < 0 || at + matched!.length <= max - 1) return `${prefix}${body.slice(0, max - 1)}…`;
  if (at >= body.length - (max - 1)) return `${prefix}…${body.slice(body.length - (max - 1))}`;
  // Cut on both sides: two characters go to the ellipses, the match sits in the middle of the rest.
  const window = max - 2;
  const start = Math.min(at, Math.max(0, at - Math.floor((window - matched!.length) / 2)));
  return `${prefix}…${body.slice(start, start + window)}…`;
}

/** Each evidence line of a finding cut around its match. */
export function clipEvidence(finding: { evidence: readonly string[]; matched?: readonly (string | null)[] }, max = EVIDENCE_CHARS): string[] {
  return finding.evidence.map((line, i) => clipAround(line, finding.matched?.[i], max));
}
