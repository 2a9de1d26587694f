/**
 * Aligned console tables. Column widths come from the first rows, so a million-row listing streams instead
 * of being measured whole. Cells are printed whole, except in a terminal, where free-text columns (display
 * names, messages: the ones declared `shrink`) are cut with "…" to fit its width. Ids, outcomes and finding
 * ids are never cut: people copy them and grep for them, and piped output is read by scripts.
 */
import type { Sink } from './sink.js';

const SAMPLE_ROWS = 500;
const GAP = '  ';
/** Shrunk columns keep at least this many characters. */
const MIN_WIDTH = 8;

/** A header whose cells stay whole, or one of free text that may be cut to fit a terminal. */
export type Column = string | { title: string; shrink: true };

export class TableWriter {
  private readonly pending: string[][] = [];
  private readonly headers: string[];
  private readonly shrink: boolean[];
  private readonly maxWidth: number | undefined;
  private widths: number[] | undefined;

  /** `maxWidth` defaults to the terminal's width; undefined (not a terminal) means no cell is cut. */
  constructor(
    private readonly out: Sink,
    columns: Column[],
    maxWidth: number | undefined = out.isTerminal ? out.columns : undefined,
  ) {
    this.headers = columns.map((c) => (typeof c === 'string' ? c : c.title));
    this.shrink = columns.map((c) => typeof c !== 'string' && c.shrink);
    this.maxWidth = maxWidth;
  }

  async row(cells: string[]): Promise<void> {
    const clean = cells.map((c) => c.replace(/\s+/g, ' '));
    if (this.widths) return this.out.line(this.format(clean));
    this.pending.push(clean);
    if (this.pending.length >= SAMPLE_ROWS) await this.flushPending();
  }

  async end(): Promise<void> {
    if (!this.widths) await this.flushPending();
  }

  private async flushPending(): Promise<void> {
    const natural = this.headers.map((h, i) => Math.max(h.length, ...this.pending.map((r) => (r[i] ?? '').length)));
    this.widths = this.maxWidth === undefined ? natural : fitWidths(natural, this.maxWidth, this.shrink);
    await this.out.line(this.format(this.headers));
    await this.out.line(
      this.widths
        .map((w) => '-'.repeat(w))
        .join(GAP)
        .trimEnd(),
    );
    for (const row of this.pending.splice(0)) await this.out.line(this.format(row));
  }

  private format(cells: string[]): string {
    const widths = this.widths ?? [];
    return widths
      .map((w, i) => fitCell(cells[i] ?? '', w, this.maxWidth !== undefined && this.shrink[i]!))
      .join(GAP)
      .trimEnd();
  }
}

/**
 * Shrink the widest shrinkable column first until the row fits, never below {@link MIN_WIDTH}. Other columns
 * never shrink: a line a little over the width beats an id that can no longer be copied.
 */
export function fitWidths(natural: number[], maxWidth: number, shrink: boolean[]): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1) - maxWidth;
  while (excess > 0) {
    const order = widths
      .map((w, i) => [w, i] as const)
      .filter(([w, i]) => shrink[i] && w > MIN_WIDTH)
      .sort((a, b) => b[0] - a[0]);
    const [widest, second] = order;
    if (!widest) break;
    // Cut the widest down to the runner-up (or by the whole excess) in one step, not a character at a time.
    const target = Math.max(MIN_WIDTH, second ? second[0] : 0, widest[0] - excess);
    const cut = widest[0] - target || 1;
    widths[widest[1]] = widest[0] - cut;
    excess -= cut;
  }
  return widths;
}

/** A cell padded to its column; longer than the column, it is cut only when it may be, else printed whole. */
function fitCell(text: string, width: number, cut: boolean): string {
  if (text.length <= width) return text.padEnd(width);
  return cut ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}

/** A whole small table at once (stats blocks, sync lists). */
export async function writeTable(out: Sink, columns: Column[], rows: string[][]): Promise<void> {
  const table = new TableWriter(out, columns);
  for (const row of rows) await table.row(row);
  await table.end();
}
