/**
 * An external connector's stdout and stderr as a run keeps them: whole lines (so a secret split across two
 * writes is scrubbed as one), the head and the tail of the output, and a count of what fell between
 * (output-limits.ts). Nothing is scrubbed until the end, when every token the simulators issued is known;
 * until then the kept lines are held as written, which the limits bound.
 */
import { StringDecoder } from 'node:string_decoder';
import { CUT_OVERLAP_BYTES, HEAD_BYTES, MAX_LINE_BYTES, omittedMarker, STDERR_TAIL_BYTES, STDERR_TAIL_LINES, TAIL_BYTES } from './output-limits.js';

export type Stream = 'stdout' | 'stderr';

interface Line {
  text: string;
  bytes: number;
  /** Bytes of the line dropped after its cut (it was longer than MAX_LINE_BYTES). */
  dropped: number;
  /** Left out itself, so what is dropped after its cut counts as omitted. */
  evicted?: boolean;
}

interface Pending {
  decoder: StringDecoder;
  text: string;
  /** The current line was cut and its rest is being counted until its newline. */
  cut?: Line;
}

/** Compacting the tail's array this often keeps dropping old lines O(1) on average. */
const COMPACT_AT = 4096;

export class CapturedOutput {
  private readonly head: Line[] = [];
  private headBytes = 0;
  private tail: Line[] = [];
  private tailStart = 0;
  private tailBytes = 0;
  private omitted = 0;
  private readonly stderr: Line[] = [];
  private readonly pending: Record<Stream, Pending> = {
    stdout: { decoder: new StringDecoder('utf8'), text: '' },
    stderr: { decoder: new StringDecoder('utf8'), text: '' },
  };

  write(stream: Stream, chunk: Buffer): void {
    const at = this.pending[stream];
    if (at.cut) {
      const newline = chunk.indexOf(0x0a);
      if (newline < 0) {
        this.drop(at.cut, chunk.length);
        return;
      }
      this.drop(at.cut, newline);
      at.cut = undefined;
      at.decoder = new StringDecoder('utf8');
      chunk = chunk.subarray(newline + 1);
    }
    at.text += at.decoder.write(chunk);
    this.drain(stream, at);
  }

  /** The streams ended: what is left without a newline is a line too. */
  end(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const at = this.pending[stream];
      at.text += at.decoder.end();
      this.drain(stream, at);
      if (at.text && !at.cut) this.add(stream, at.text);
      at.text = '';
    }
  }

  /**
   * The kept lines, scrubbed, with one marker line where output was left out. Each line is scrubbed, then
   * the head and the tail each as a whole, for what spans lines (a private key printed line by line).
   */
  lines(scrub: (text: string) => string): string[] {
    const whole = (lines: Line[]) => (lines.length ? scrub(lines.map((line) => finish(line, scrub)).join('\n')).split('\n') : []);
    const tail = whole(this.tail.slice(this.tailStart));
    return [...whole(this.head), ...(this.omitted > 0 ? [omittedMarker(this.omitted)] : []), ...tail];
  }

  /** The end of stderr, scrubbed, for a failed connector's error. */
  stderrTail(scrub: (text: string) => string): string {
    const text = this.stderr
      .map((line) => finish(line, scrub))
      .join('\n')
      .trimEnd();
    if (text.length <= STDERR_TAIL_BYTES) return text;
    const end = text.slice(-STDERR_TAIL_BYTES);
    return `${omittedMarker(text.length - STDERR_TAIL_BYTES)}\n${end.slice(end.indexOf('\n') + 1)}`;
  }

  private drain(stream: Stream, at: Pending): void {
    let newline: number;
    while ((newline = at.text.indexOf('\n')) >= 0) {
      this.add(stream, at.text.slice(0, newline));
      at.text = at.text.slice(newline + 1);
    }
    if (at.text.length > MAX_LINE_BYTES + CUT_OVERLAP_BYTES) {
      // Kept with the overlap, and cut only after scrubbing (finish).
      const kept = at.text.slice(0, MAX_LINE_BYTES + CUT_OVERLAP_BYTES);
      at.cut = this.add(stream, kept);
      this.drop(at.cut, Buffer.byteLength(at.text) - Buffer.byteLength(kept));
      at.text = '';
    }
  }

  private drop(line: Line, bytes: number): void {
    if (line.evicted) this.omitted += bytes;
    else line.dropped += bytes;
  }

  private add(stream: Stream, raw: string): Line {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const line: Line = { text, bytes: Buffer.byteLength(text) + 1, dropped: 0 };
    if (stream === 'stderr') {
      this.stderr.push(line);
      if (this.stderr.length > STDERR_TAIL_LINES) this.stderr.shift();
    }
    if (this.tail.length === this.tailStart && this.headBytes + line.bytes <= HEAD_BYTES) {
      this.head.push(line);
      this.headBytes += line.bytes;
      return line;
    }
    this.tail.push(line);
    this.tailBytes += line.bytes;
    while (this.tailBytes > TAIL_BYTES && this.tail.length - this.tailStart > 1) {
      const old = this.tail[this.tailStart++]!;
      this.tailBytes -= old.bytes;
      this.omitted += old.bytes + old.dropped;
      old.evicted = true;
    }
    if (this.tailStart >= COMPACT_AT) {
      this.tail = this.tail.slice(this.tailStart);
      this.tailStart = 0;
    }
    return line;
  }
}

/** A kept line scrubbed, then cut where it was too long (after, so a secret across the cut goes whole). */
function finish(line: Line, scrub: (text: string) => string): string {
  const text = scrub(line.text);
  if (line.dropped === 0 && text.length <= MAX_LINE_BYTES) return text;
  const kept = text.slice(0, MAX_LINE_BYTES);
  return `${kept} ${omittedMarker(line.dropped + Buffer.byteLength(text.slice(MAX_LINE_BYTES)))}`;
}
