/**
 * Aligned console tables that fit the terminal (80 columns when piped). Column widths come from the first
 * rows, so a million-row listing streams instead of being measured whole; longer cells end in "…".
 */
import type { Sink } from './sink.js';

const SAMPLE_ROWS = 500;
const GAP = '  ';
/** Shrunk columns keep at least this many characters. */
const MIN_WIDTH = 8;

/** A header, or a header whose cells must stay whole (ids people copy and paste). */
export type Column = string | { title: string; keep: true };

export class TableWriter {
  private readonly pending: string[][] = [];
  private readonly headers: string[];
  private readonly keep: boolean[];
  private widths: number[] | undefined;

  constructor(
    private readonly out: Sink,
    columns: Column[],
    private readonly maxWidth = out.columns,
  ) {
    this.headers = columns.map((c) => (typeof c === 'string' ? c : c.title));
    this.keep = columns.map((c) => typeof c !== 'string');
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
    this.widths = fitWidths(
      this.headers.map((h, i) => Math.max(h.length, ...this.pending.map((r) => (r[i] ?? '').length))),
      this.maxWidth,
      this.keep,
    );
    await this.out.line(this.format(this.headers));
    await this.out.line(this.widths.map((w) => '-'.repeat(w)).join(GAP).trimEnd());
    for (const row of this.pending.splice(0)) await this.out.line(this.format(row));
  }

  private format(cells: string[]): string {
    const widths = this.widths ?? [];
    return widths
      .map((w, i) => fit(cells[i] ?? '', w))
      .join(GAP)
      .trimEnd();
  }
}

/**
 * Shrink the widest shrinkable column first until the row fits, never below {@link MIN_WIDTH}. Kept columns
 * never shrink: a line a little over the width beats an id that can no longer be copied.
 */
export function fitWidths(natural: number[], maxWidth: number, keep: boolean[] = []): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1) - maxWidth;
  while (excess > 0) {
    const order = widths.map((w, i) => [w, i] as const).filter(([w, i]) => !keep[i] && w > MIN_WIDTH).sort((a, b) => b[0] - a[0]);
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

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width);
}

/** A whole small table at once (stats blocks, sync lists). */
export async function writeTable(out: Sink, columns: Column[], rows: string[][]): Promise<void> {
  const table = new TableWriter(out, columns);
  for (const row of rows) await table.row(row);
  await table.end();
}
