/**
 * How much of an external connector's output a run keeps. A connector printing 50 MB must not cost the
 * harness 50 MB (it once took 1.5 GB and wrote a 100 MB result.json): the start of the output says how it
 * began (configuration, the first requests), the end says how it failed, and the middle is counted, not
 * kept. Everything here is in bytes of the connector's output.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/** The first this many bytes of output are kept whole (lines that fit). */
export const HEAD_BYTES = 1 * MiB;
/** And the last this many; what falls between is one `[... N bytes omitted ...]` line in connector.log. */
export const TAIL_BYTES = 1 * MiB;
/**
 * A longer line is cut to this and the rest of it counted as omitted: a line is kept in memory until its
 * newline, so without a cap one endless line would be held whole.
 */
export const MAX_LINE_BYTES = 64 * KiB;
/**
 * A cut line is scrubbed with this much more of it before the cut, so a secret (a PEM block is about
 * 3.3 KB JSON-escaped) straddling the cut is redacted whole rather than left half-visible.
 */
export const CUT_OVERLAP_BYTES = 16 * KiB;
/** A failed connector's error (in result.json and the run report) quotes the end of its stderr: this many lines, */
export const STDERR_TAIL_LINES = 15;
/** at most this many bytes of them. */
export const STDERR_TAIL_BYTES = 16 * KiB;

/** The line that stands for what was left out. */
export function omittedMarker(bytes: number): string {
  return `[... ${bytes} bytes omitted ...]`;
}
