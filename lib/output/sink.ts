/**
 * Where a command writes. Listings can run to a million lines, so writes wait for the stream to drain
 * instead of buffering the whole output in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export class Sink {
  constructor(readonly stream: Writable) {}

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async line(text = ''): Promise<void> {
    await this.write(`${text}\n`);
  }

  /** Whether a person reads this stream in a terminal (not a pipe, a file or a test's capture). */
  get isTerminal(): boolean {
    return (this.stream as { isTTY?: boolean }).isTTY === true;
  }

  /** Terminal width for console tables; 80 when not a terminal, so piped output is stable. */
  get columns(): number {
    const columns = this.isTerminal ? (this.stream as { columns?: number }).columns : undefined;
    return columns && columns > 20 ? columns : 80;
  }
}

export interface CommandIO {
  stdout: Sink;
  stderr: Sink;
}
